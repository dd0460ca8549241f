import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./helpers";

async function openReport(page: Page, agency: string, year: number) {
  await page.goto("/");
  await page.getByTestId("agency-list").getByRole("link", { name: agency, exact: true }).click();
  await page
    .getByTestId("report-list")
    .getByRole("link", { name: `${year} 年度` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${agency} ${year} 年度`);
}

test("the findings queue filters by severity and year, and the URL reproduces the view", async ({ page }) => {
  await page.goto("/findings");
  await page.getByRole("link", { name: /^错误（\d+）$/ }).click();
  await expect(page).toHaveURL(/severity=error/);
  const queue = page.getByTestId("findings-queue");
  await expect(queue).toContainText("表三 自然人列：办理结果各项合计 26，（七）总计 20，相差 6");
  await expect(queue).toContainText("阿拉善右旗民政局");
  await page.getByRole("link", { name: "2020 年（2）" }).click();
  await expect(page).toHaveURL(/severity=error.*year=2020|year=2020.*severity=error/);
  await expect(page.getByTestId("findings-total")).toHaveText("共 2 条");
  const shared = page.url();
  await page.goBack();
  await expect(page.getByTestId("findings-queue")).toContainText("阿拉善右旗民政局");
  await page.goto(shared);
  await expect(page.getByTestId("findings-total")).toHaveText("共 2 条");
  await expect(page.getByTestId("findings-queue")).not.toContainText("阿拉善右旗民政局");
});

test("review a finding, then correct the misread cell: history kept, checks re-run", async ({ page }) => {
  await signIn(page, "assessor");
  await openReport(page, "平潭综合实验区", 2020);
  const findings = page.getByTestId("findings");
  const first = findings.getByRole("listitem").filter({ hasText: "表三 自然人列" });
  await expect(page.locator('td[data-key="t3.total_handled.natural_person"] sup.marker')).toHaveText("1");

  await first.getByRole("button", { name: "审核" }).click();
  await first.getByLabel("审核说明").fill("已电话核实");
  await first.getByRole("button", { name: "确认问题" }).click();
  await expect(first).toContainText("已确认（福建评估员：已电话核实）");
  await page.reload();
  await expect(page.getByTestId("findings").getByRole("listitem").filter({ hasText: "表三 自然人列" })).toContainText("已确认（福建评估员");
  // An assessor reviews; correcting is the filer's.
  await expect(page.getByTestId("correct-hint")).toHaveCount(0);
  await signOut(page);
  await signIn(page, "filer");
  await openReport(page, "平潭综合实验区", 2020);

  // In place: focus the figure in the table and press Enter.
  await page.locator('td[data-key="t3.total_handled.natural_person"]').focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "更正 表三 办理结果总计·自然人" });
  await expect(form.getByLabel("现值")).toHaveValue("20");
  await expect(form.getByLabel("新值（留空表示空白）")).toBeFocused();
  await form.getByLabel("新值（留空表示空白）").fill("26");
  await form.getByLabel("更正原因").fill("原文总计漏加");
  await form.getByRole("button", { name: "保存更正" }).click();
  await expect(form.getByRole("status")).toContainText("已更正 表三 办理结果总计·自然人");
  await page.reload();
  await expect(page.getByTestId("cell-history")).toContainText("平潭填报人");
  await expect(page.getByTestId("cell-history")).toContainText("原文总计漏加");
  await expect(page.locator('td[data-key="t3.total_handled.natural_person"]')).toContainText("26");
  await expect(page.getByTestId("findings")).not.toContainText("表三 自然人列：办理结果各项合计");
  // The corrected column now breaks 一 + 二 = 三 + 四 instead: the checks re-ran.
  await expect(page.getByTestId("findings")).toContainText("表三 自然人列：一、本年新收 20");
});

test("a chart or ranking link to a cell points at it and its source", async ({ page }) => {
  await openReport(page, "平潭综合实验区", 2021);
  await page.goto(`${page.url()}?cell=t3.received.total`);
  await expect(page.getByTestId("focused-cell")).toContainText("表三 本年新收·总计：70");
  await expect(page.getByTestId("focused-cell")).toContainText("第 2 个表格");
  await expect(page.locator('td[data-key="t3.received.total"]')).toHaveClass(/focus/);

  // 查看原文 opens the source inside the site, the line it was read from marked, and leads back.
  const report = page.url();
  await page.getByTestId("view-original").click();
  await expect(page).toHaveURL(/\/original\?cell=t3\.received\.total#L\d+$/);
  await expect(page.getByTestId("original-cell")).toContainText("表三 本年新收·总计：原文写作“70”");
  const marked = page.locator(".original-text li.marked");
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText("本年新收");
  await expect(marked).toContainText("70");
  await expect(marked).toBeInViewport();
  await page.getByTestId("original-back").click();
  await expect(page).toHaveURL(report);
  await expect(page.getByTestId("focused-cell")).toBeVisible();
});

test("draft check: findings against last year's stored report, nothing stored", async ({ page }) => {
  await page.goto("/check");
  await page.getByLabel("或上传文件").setInputFiles(path.join(process.cwd(), "data", "samples", "pingtan-2024.html"));
  await page.getByRole("button", { name: "核对" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(page.getByTestId("draft-compare")).toContainText("平潭综合实验区 2023 年度报告");
  await expect(preview).toContainText("上年现行有效 470 + 本年制发 62 − 本年废止 33 = 499，本年现行有效印为 440");
  await expect(preview.getByRole("button", { name: "保存" })).toHaveCount(0);
  await preview.getByLabel("发布机关").fill("没有这个单位");
  await preview.getByRole("button", { name: "重新核对" }).click();
  await expect(page.getByTestId("draft-compare")).toContainText("没有“没有这个单位”上一年度的报告");
  await expect(preview).not.toContainText("本年现行有效印为 440");
});

test("an assessor reviews a finding from the /findings list, row by row", async ({ page }) => {
  await signIn(page, "assessor");
  await page.goto("/findings?status=open");
  // Only findings within the assessor's region (福建) can be reviewed: rows elsewhere show no control.
  const queue = page.getByTestId("findings-queue");
  await expect(queue.locator("tbody tr").filter({ hasText: "淮安" }).first().getByRole("button", { name: "审核" })).toHaveCount(0);
  // One no other spec touches (2020 and 2021 are reviewed and opened elsewhere).
  const row = queue.locator("tbody tr").filter({ hasText: "平潭" }).filter({ hasNotText: "2020" }).filter({ hasNotText: "2021" }).first();
  const message = (await row.locator("td a").nth(1).textContent())!.trim();
  const review = page.getByTestId((await row.locator('[data-testid^="review-"]').getAttribute("data-testid"))!);
  await review.getByRole("button", { name: "审核" }).click();
  await review.getByLabel("审核说明").fill("列表中核实");
  // The action answers, then the open queue is re-rendered without the row (and its message).
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/findings")),
    review.getByRole("button", { name: "确认问题" }).click(),
  ]);
  await page.goto("/findings?status=confirmed");
  await expect(page.getByTestId("findings-queue")).toContainText(message);
  await expect(page.getByTestId("findings-queue")).toContainText("列表中核实");
});
