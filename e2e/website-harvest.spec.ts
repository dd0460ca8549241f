/**
 * Website harvesting end to end: sources added by CSV, a harvest started from the page against a
 * saved copy of two agencies' sites served by this test on 127.0.0.1, the results per agency, the
 * reports and the coverage evidence with dates, and a second run that changes nothing. New agency
 * names keep the demo agencies (which other specs read) as they were.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { startTestSite, type TestSite } from "../test/harvest-site";
import { signIn } from "./helpers";

let site: TestSite;
test.beforeAll(async () => {
  site = await startTestSite({ slowMs: 4_000 });
});
test.afterAll(async () => site?.close());

const PINGTAN = "平潭综合实验区管委会办公室";
const HONGZE = "淮安市洪泽区人民政府办公室";

test("sources by CSV, 开始采集 from the page, reports and evidence, and a re-run that changes nothing", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "admin");
  await page.goto("/harvest");
  await expect(page.getByRole("heading", { name: "网站采集" })).toBeVisible();

  // A bad sheet is refused whole, naming the row.
  const upload = page.getByTestId("sources-upload");
  const csv = (rows: string[]) => ({
    name: "来源.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF单位,地区,栏目地址\n${rows.join("\n")}\n`),
  });
  await upload
    .getByLabel("从表格导入来源")
    .setInputFiles(csv([`${PINGTAN},平潭综合实验区,${site.origin}/pingtan/zfxxgknb/index.htm`, `${HONGZE},洪泽区,ftp://nowhere`]));
  await upload.getByRole("button", { name: "导入来源", exact: true }).click();
  await expect(page.getByTestId("sources-upload-result")).toContainText("第 3 行：栏目地址必须是完整的");
  await expect(page.getByTestId("card-sources")).not.toContainText(PINGTAN);

  await upload
    .getByLabel("从表格导入来源")
    .setInputFiles(
      csv([
        `${PINGTAN},平潭综合实验区,${site.origin}/pingtan/zfxxgknb/index.htm`,
        `${HONGZE},江苏省/淮安市/洪泽区,${site.origin}/hongze/xxgk/nb/index.html`,
      ]),
    );
  await upload.getByRole("button", { name: "导入来源", exact: true }).click();
  await expect(page.getByTestId("sources-upload-result")).toContainText("已导入 2 个来源（新建单位 2 个）");
  await expect(page.getByTestId("sources-table")).toContainText(PINGTAN);
  await expect(page.getByTestId("sources-table")).toContainText(HONGZE);

  await page.getByTestId("start-harvest").getByRole("button", { name: "开始采集" }).click();
  await expect(page.getByTestId("start-harvest-result")).toContainText("已开始采集");
  const job = page.getByTestId("harvest-job");
  await expect(job).toHaveAttribute("data-status", "done", { timeout: 120_000 });
  await expect(page.getByTestId("harvest-counts")).toHaveText("新增 5 · 更新 0 · 未变 0 · 未找到 0 · 失败 5");
  const results = page.getByTestId("harvest-results");
  await expect(results).toContainText("robots.txt 不允许");
  await expect(results).toContainText("页面不存在（404）");
  await expect(results).toContainText("超时");
  await expect(results).toContainText("重定向次数过多");
  await expect(results).toContainText("超过大小上限");
  await expect(results).toContainText("已停止翻页");
  await page.screenshot({ path: "test-results/harvest-1440.png", fullPage: true });

  // The report behind a result: the 2023 one came from an old Word .doc attachment.
  await results.locator('[data-testid="harvest-item"][data-status="created"]').getByRole("link", { name: "2023", exact: true }).click();
  await expect(page).toHaveURL(/\/reports\/\d+/);
  await expect(page.locator("h1")).toContainText(PINGTAN);
  await expect(page.locator("table.national").first()).toBeVisible();

  // The agency page: each year with its printed date and when it was first seen, with the addresses.
  await page.goto("/harvest");
  await page.getByTestId("sources-table").getByRole("link", { name: HONGZE }).click();
  const evidence = page.getByTestId("agency-evidence");
  await expect(evidence.locator('[data-year="2024"]')).toContainText("发布日期 2025-01-20（首次发现");
  await expect(evidence.locator('[data-year="2024"]').getByRole("link", { name: "附件" })).toHaveAttribute(
    "href",
    `${site.origin}/hongze/files/P020250120_hzq2024.pdf`,
  );
  await page.getByTestId("card-harvest").screenshot({ path: "test-results/harvest-agency-1440.png" });

  // /coverage for 2024: the evidence card.
  await page.goto("/coverage?year=2024");
  const card = page.getByTestId("coverage-evidence");
  await expect(card.getByRole("row").filter({ hasText: PINGTAN })).toContainText("发布日期 2025-03-10（首次发现");
  await expect(card.getByRole("row").filter({ hasText: HONGZE })).toContainText("发布日期 2025-01-20（首次发现");
  await page.getByTestId("card-coverage-evidence").screenshot({ path: "test-results/harvest-coverage-1440.png" });

  // Again: the same content is skipped.
  await page.goto("/harvest");
  await page.getByTestId("start-harvest").getByRole("button", { name: "开始采集" }).click();
  await expect(page.getByTestId("start-harvest-result")).toContainText("已开始采集");
  await expect(page.getByTestId("harvest-job")).toHaveAttribute("data-status", "done", { timeout: 120_000 });
  await expect(page.getByTestId("harvest-counts")).toHaveText("新增 0 · 更新 0 · 未变 5 · 未找到 0 · 失败 5", { timeout: 120_000 });
  const axe = await new AxeBuilder({ page }).disableRules(["color-contrast"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  // The site was never asked for what robots.txt forbids.
  expect(site.hits.some((h) => h.path.startsWith("/private/"))).toBe(false);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/harvest-390.png", fullPage: true });
});
