import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./helpers";

/** The figure a table cell shows, without its finding markers. */
const printedValue = (cell: Locator) =>
  cell.evaluate(
    (el) =>
      (el.firstChild?.nodeType === Node.TEXT_NODE
        ? el.firstChild.textContent
        : el.firstElementChild?.tagName === "SUP"
          ? ""
          : el.textContent) ?? "",
  );

const SEED = path.join(process.cwd(), "data", "samples", "seed-alashan-youqi-minzheng-2021.txt");

test("the home page lists the demo agencies with their region and years", async ({ page }) => {
  await page.goto("/");
  const list = page.getByTestId("agency-list");
  const pingtan = list.getByRole("row").filter({ has: page.getByRole("link", { name: "平潭综合实验区", exact: true }) });
  await expect(pingtan).toContainText("福建省 / 福州市 / 平潭综合实验区");
  await expect(pingtan.getByRole("link", { name: /^20\d\d$/ })).toHaveCount(10);
});

test("import the seed: preview, save, see the blank 总计 row blank, open the agency chart", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/import");
  await page.getByLabel("粘贴年报全文").fill(readFileSync(SEED, "utf8"));
  await page.getByRole("button", { name: "预览" }).click();

  const preview = page.getByTestId("import-preview");
  await expect(preview.getByLabel("发布机关")).toHaveValue("阿拉善右旗民政局");
  await expect(preview.getByLabel("报告年度")).toHaveValue("2021");
  await expect(preview.getByLabel("发布日期")).toHaveValue("2022-01-24");
  await expect(preview).toContainText("表三 社会公益组织列：办理结果各项合计 4，（七）总计 为空（按 0 计），相差 4");
  // The demo data already holds this report: saving replaces it, and the preview says so first.
  await expect(preview).toContainText("保存将整体替换");
  expect(await printedValue(preview.locator('td[data-key="t3.total_handled.total"]'))).toBe("");

  await preview.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已替换 阿拉善右旗民政局 2021 年度报告");

  await page.getByRole("status").getByRole("link", { name: "查看报告" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("阿拉善右旗民政局 2021 年度");
  // Printed blank: an empty cell, not 0.
  for (const col of ["natural_person", "public_interest", "total"]) {
    expect(await printedValue(page.locator(`td[data-key="t3.total_handled.${col}"]`))).toBe("");
    expect(await printedValue(page.locator(`td[data-key="t3.carried_forward.${col}"]`))).toBe("");
  }
  await expect(page.locator('td[data-key="t3.withheld_internal_affairs.public_interest"]')).toContainText("4");
  await expect(page.locator('td[data-key="t2.licensing.decisions"]')).toHaveText("4");
  await expect(page.getByTestId("report-meta")).toContainText("2022年1月24日");

  await page.getByRole("link", { name: "查看原文文本" }).click();
  await expect(page.locator("body")).toContainText("5.属于三类内部事务信息 | 0 | 0 | 0 | 4");
  await page.goBack();

  await page.getByTestId("report-meta").getByRole("link", { name: "阿拉善右旗民政局" }).click();
  await expect(page.getByTestId("trend-chart").locator(".recharts-wrapper > svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("report-list")).toContainText("2021 年度");
});

test("a new agency is added, and a non-report gets a Chinese message", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/import");
  await page.getByLabel("粘贴年报全文").fill("会议通知\n请各单位于明天下午三点参加会议。");
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.locator(".alert.error")).toContainText("没有找到政府信息公开工作年度报告的内容");

  await page.getByLabel("粘贴年报全文").fill("");
  await page.getByLabel("或上传文件").setInputFiles(SEED);
  await page.getByRole("button", { name: "预览" }).click();
  const preview = page.getByTestId("import-preview");
  await preview.getByLabel("发布机关").fill("端到端测试民政局");
  await preview.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已新增 端到端测试民政局 2021 年度报告");
  await page.goto("/");
  await expect(page.getByTestId("agency-list")).toContainText("端到端测试民政局");
});

test("the agency chart marks pre-2019 figures as stated in the text and lists every report", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("agency-list").getByRole("link", { name: "平潭综合实验区", exact: true }).click();
  const chart = page.getByTestId("trend-chart");
  await expect(chart.locator(".recharts-wrapper > svg.recharts-surface")).toHaveCount(5);
  await expect(chart.locator(".recharts-line")).toHaveCount(5);
  // 2016–2018 have no tables: 收到申请、行政复议、行政诉讼 (0 each) as the text states them, 3 years × 3 lines.
  await expect(chart.getByTestId("stated-point")).toHaveCount(9);
  await expect(page.getByText("2016、2017、2018 年度报告为 2019 年以前格式")).toBeVisible();
  await expect(page.getByTestId("card-headline")).toContainText("2016、2017、2018 年的本年新收申请、行政复议、行政诉讼是报告正文所述数字");
  await expect(page.getByTestId("report-list").getByRole("row")).toHaveCount(11);
});
