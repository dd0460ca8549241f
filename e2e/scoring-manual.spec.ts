/**
 * Manual indicators for many agencies at once: in the grid, and from a spreadsheet; a bad value
 * or an agency outside the grid saves nothing. Uses 平潭 2025 (scoring.spec.ts uses 2024).
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an assessor enters manual items for a region in one grid and from a CSV, and the ranking moves to the total", async ({
  page,
}, info) => {
  await signIn(page, "assessor");
  await page.goto("/scoring");
  const filter = page.getByTestId("ranking-filter");
  const pingtan = (await filter.locator("select[name=region] option", { hasText: "平潭综合实验区" }).getAttribute("value"))!;
  await page.goto(`/scoring?region=${pingtan}&year=2025`);
  await expect(page.getByTestId("ranking-basis")).toContainText("按自动指标排名");
  await page.getByTestId("manual-grid-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("批量填写人工指标（2025 年度）");

  const grid = page.getByTestId("manual-grid");
  await grid.getByLabel("平潭综合实验区 门户网站设年度报告专栏 分值").fill("2");
  await grid.getByLabel("平潭综合实验区 可获取性 分值").fill("1");
  await grid.getByLabel("平潭综合实验区财政金融局 门户网站设年度报告专栏 分值").fill("1");
  await grid.getByLabel("平潭综合实验区财政金融局 可获取性 分值").fill("5");
  await grid.getByRole("button", { name: "保存全部" }).click();
  await expect(grid.getByRole("status")).toHaveText("平潭综合实验区财政金融局「可获取性」的分值应在 0 到 1 之间");
  await grid.getByLabel("平潭综合实验区财政金融局 可获取性 分值").fill("0");
  await grid.getByRole("button", { name: "保存全部" }).click();
  await expect(grid.getByRole("status")).toHaveText("已保存 4 项");
  await page.screenshot({ path: info.outputPath("manual-grid.png"), fullPage: true });

  // From a spreadsheet: one change; a row naming an agency not in the grid saves nothing.
  const upload = grid.getByLabel("上传填好的表格（CSV 或 XLSX）");
  await upload.setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("\uFEFF单位,地区,门户网站设年度报告专栏（2）,可获取性（1）\r\n平潭综合实验区,平潭,2,1\r\n别的单位,x,1,1\r\n"),
  });
  await expect(grid.getByRole("status")).toContainText("表格中的「别的单位」不在本页所列单位中");
  await upload.setInputFiles({
    name: "ok.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("\uFEFF单位,地区,门户网站设年度报告专栏（2）,可获取性（1）\r\n平潭综合实验区财政金融局,平潭,2,\r\n"),
  });
  await expect(grid.getByLabel("平潭综合实验区财政金融局 门户网站设年度报告专栏 分值")).toHaveValue("2");

  // Every manual item entered: ranked on the total.
  await page.goto(`/scoring?region=${pingtan}&year=2025`);
  await expect(page.getByTestId("ranking-basis")).toContainText("按总分排名");
  const ranking = page.getByTestId("ranking");
  await expect(ranking.locator('tr[data-agency="平潭综合实验区财政金融局"] td').first()).not.toHaveText("无排名");
  await expect(ranking.locator('tr[data-agency="平潭综合实验区"] td').first()).not.toHaveText("无排名");
});

test("a viewer is told the grid is for assessors", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/scoring/manual?year=2025");
  await expect(page.locator(".alert.error")).toHaveText("只有评估员和管理员可以填写人工指标。");
});
