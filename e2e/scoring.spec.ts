import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("score an agency-year: manual item, override with a reason, total and history change, CSV export", async ({ page }) => {
  await signIn(page, "assessor");
  await page.goto("/scoring");
  // The ranking of 平潭综合实验区 (county) for 2024 under the default rubric.
  const filter = page.getByTestId("ranking-filter");
  const pingtan = (await filter.locator("select[name=region] option", { hasText: "平潭综合实验区" }).getAttribute("value"))!;
  await filter.locator("select[name=region]").selectOption(pingtan);
  await filter.locator("select[name=year]").selectOption("2024");
  await filter.getByRole("button", { name: "查看排名" }).click();
  await expect(page).toHaveURL(/region=\d+.*year=2024/);
  const ranking = page.getByTestId("ranking");
  const row = ranking.locator('tr[data-agency="平潭综合实验区"]');
  // Before any manual item is entered, the agencies are ranked on the automatic indicators at once.
  await expect(page.getByTestId("ranking-basis")).toContainText("按自动指标排名");
  await expect(page.getByTestId("ranking-basis")).toContainText("人工指标（门户网站设年度报告专栏、可获取性）尚未评分");
  await expect(row.getByTestId("total")).toHaveText("12");
  await expect(row.getByTestId("pending")).toHaveText("人工指标待评：门户网站设年度报告专栏、可获取性");
  await expect(row.locator("td").first()).not.toHaveText("无排名");
  await expect(page.getByTestId("ranking-chart")).toBeVisible();
  // On the total, it is not ranked yet, and says why.
  await page.getByTestId("ranking-basis").getByRole("link", { name: "改为按总分排名" }).click();
  await expect(page).toHaveURL(/basis=total/);
  await expect(row.getByTestId("unranked-reason")).toHaveText("无排名：人工指标未评分（门户网站设年度报告专栏、可获取性）");
  await expect(page.getByTestId("ranking-chart-empty")).toBeVisible();

  await row.getByRole("link", { name: "平潭综合实验区", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("平潭综合实验区 2024 年度报告评分");
  const sheet = page.getByTestId("score-sheet");
  // Automatic items carry their evidence: the 表四 cells behind the corrections deduction.
  const corrections = sheet.locator('tr[data-indicator="corrections"]');
  await expect(corrections.getByTestId("item-points")).toHaveText("0");
  await expect(corrections.getByTestId("evidence-cell").filter({ hasText: "复议后起诉" })).toHaveAttribute(
    "href",
    /\/reports\/\d+\?cell=t4\.suit_after_review\.corrected/,
  );

  // Manual: 年报专栏 2, 可获取性 1.
  for (const [id, name, points] of [
    ["column", "门户网站设年度报告专栏", "2"],
    ["accessible", "可获取性", "1"],
  ]) {
    const item = sheet.locator(`tr[data-indicator="${id}"]`);
    await item.getByRole("button", { name: "评分" }).click();
    await item.getByLabel(`${name} 分值`).fill(points);
    await item.getByRole("button", { name: "保存" }).click();
    await expect(item.getByRole("status")).toContainText("已保存");
    await expect(item.getByTestId("item-points")).toHaveText(points);
  }
  await expect(page.getByTestId("sheet-total")).toHaveText("15 分 / 20 分");
  await expect(page.getByTestId("sheet-status")).toHaveText("评分完整，参与排名");

  // Override the automatic corrections item, with a reason.
  await corrections.getByRole("button", { name: "改判" }).click();
  await corrections.getByLabel("行政复议纠错、行政诉讼败诉 分值").fill("2");
  await corrections.getByLabel("行政复议纠错、行政诉讼败诉 理由").fill("两件败诉系同一事项");
  await corrections.getByRole("button", { name: "保存" }).click();
  await expect(corrections.getByTestId("item-points")).toContainText("2");
  await expect(corrections.getByTestId("item-points")).toContainText("自动得分 0");
  await expect(page.getByTestId("sheet-total")).toHaveText("17 分 / 20 分");
  await page.reload();
  const history = page.getByTestId("score-history");
  await expect(history.locator("tbody tr")).toHaveCount(3);
  await expect(history.locator("tbody tr").first()).toContainText("自动 0 → 改判 2");
  await expect(history.locator("tbody tr").first()).toContainText("福建评估员");
  await expect(history.locator("tbody tr").first()).toContainText("两件败诉系同一事项");

  // Back to the ranking: now ranked, in the chart, and in the CSV with the same figures.
  await page.getByRole("link", { name: "评分与排名" }).first().click();
  await filter.locator("select[name=region]").selectOption(pingtan);
  await filter.locator("select[name=year]").selectOption("2024");
  await filter.getByRole("button", { name: "查看排名" }).click();
  // 财政金融局's manual items are still pending: ranked on the automatic indicators until asked for the total.
  await expect(page.getByTestId("ranking-basis")).toContainText("按自动指标排名");
  await page.getByTestId("ranking-basis").getByRole("link", { name: "改为按总分排名" }).click();
  await expect(page.locator('tr[data-agency="平潭综合实验区"]').getByTestId("total")).toHaveText("17");
  await expect(page.locator('tr[data-agency="平潭综合实验区"] td').first()).toHaveText("1");
  await expect(page.getByTestId("ranking-chart")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0]).toBe(
    "排名,单位,地区,总分,满分,按时发布（3）,表格勾稽关系无错误（4）,正文与表格数字一致（2）,使用规定格式（1）,要素齐全（2）,与上年报告重复率不超过 50%（1）,行政复议纠错、行政诉讼败诉（4）,门户网站设年度报告专栏（2）,可获取性（1）,较上年,说明",
  );
  expect(lines).toContain("1,平潭综合实验区,平潭综合实验区,17,20,3,4,2,1,1,1,2,2,1,,");
});
