import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

/** Issue 15 ("Monday morning paths"): the headline chart, axes, filing history, friction. */

async function openAgency(page: Page, name: string) {
  await page.goto("/");
  const link = page.getByTestId("agency-list").getByRole("link", { name, exact: true });
  await page.goto((await link.getAttribute("href"))!);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

test("the headline trend draws each measure on its own scale, links points to cells, and exports as one picture", async ({ page }) => {
  await openAgency(page, "平潭综合实验区");
  const chart = page.getByTestId("trend-chart");
  const multiples = chart.getByTestId("trend-multiple");
  await expect(multiples).toHaveCount(5);
  // 本年新收申请 (hundreds) is not flattened by 行政许可 (tens of thousands): its own axis tops out in the hundreds.
  const received = multiples.filter({ hasText: "本年新收申请" });
  const ticks = await received.locator(".recharts-yAxis-tick-labels text, .recharts-cartesian-axis-tick-value").allTextContents();
  expect(Math.max(...ticks.map(Number).filter(Number.isFinite))).toBeLessThan(1000);
  await expect(multiples.filter({ hasText: "行政许可处理决定（万件）" })).toHaveCount(1);

  const point = received.getByTestId("chart-point").last();
  await expect(point).toHaveAttribute("href", /\/reports\/\d+\?cell=t3\.received\.total#cell-t3\.received\.total$/);
  await page.goto((await point.getAttribute("href"))!);
  const cell = page.locator('td[data-key="t3.received.total"]');
  await expect(cell).toHaveClass(/focus/);
  await expect(cell).toBeInViewport();

  await openAgency(page, "平潭综合实验区");
  const figure = page.getByTestId("card-headline").getByTestId("chart-export");
  const [dl] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "下载 SVG" }).click()]);
  const svg = readFileSync((await dl.path())!, "utf8");
  expect(svg).toContain("本年新收申请（件）");
  expect(svg).toContain("行政许可处理决定（万件）");
  expect(svg.match(/recharts-line-curve/g) ?? []).toHaveLength(5);
});

test("region charts: year ticks do not overlap and value axes use round steps and one unit", async ({ page }) => {
  await page.goto("/agencies");
  await page.getByRole("link", { name: "福建省" }).first().click();
  await page.getByRole("link", { name: "地区合计" }).first().click();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    for (const chart of await page.locator("main .recharts-wrapper > svg").all()) {
      const boxes = await chart
        .locator(".recharts-xAxis .recharts-cartesian-axis-tick")
        .evaluateAll((ticks) => ticks.map((t) => t.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
      for (let i = 1; i < boxes.length; i++) expect(boxes[i].left).toBeGreaterThanOrEqual(boxes[i - 1].right - 1);
      const yTicks = (await chart.locator(".recharts-yAxis .recharts-cartesian-axis-tick-value").allTextContents()).map(Number);
      expect(yTicks.every(Number.isFinite)).toBe(true);
      if (yTicks.length > 2) {
        const step = yTicks[1] - yTicks[0];
        expect([1, 2, 2.5, 5].some((s) => Math.abs(step / 10 ** Math.floor(Math.log10(step)) - s) < 1e-9)).toBe(true);
      }
    }
  }
});

test("an agency that stopped reporting shows every expected year through the latest, with a filing history", async ({ page }) => {
  await openAgency(page, "阿拉善右旗民政局");
  const history = page.getByTestId("filing-history");
  await expect(history).toContainText("2021 按时");
  for (const y of [2022, 2023, 2024, 2025]) await expect(history).toContainText(`${y} 未报送`);
  await expect(history.locator('[data-status="missing"]')).toHaveCount(4);
  // The charts span 2021–2025 too, the missing years as gaps.
  await expect(page.getByTestId("card-headline")).toContainText("未报送年度（图中留空，不按 0 画）：2022、2023、2024、2025");
});

test("/compare adds agencies by full pinyin and removes one", async ({ page }) => {
  await page.goto("/compare");
  await page.getByLabel(/添加单位/).fill("pingtan");
  await page.getByRole("button", { name: "查找" }).click();
  const results = page.getByTestId("compare-search");
  await expect(results).toContainText("平潭综合实验区");
  await expect(results).toContainText("平潭综合实验区财政金融局");
  await results
    .getByRole("listitem")
    .filter({ hasText: /^平潭综合实验区\s/ })
    .getByRole("link", { name: "加入对比" })
    .click();
  await expect(page.getByTestId("compare-selected").getByRole("listitem")).toHaveCount(1);
  await page.getByLabel(/添加单位/).fill("caizheng");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByTestId("compare-search")).toContainText("平潭综合实验区财政金融局");
  await page.getByTestId("compare-search").getByRole("link", { name: "加入对比" }).first().click();
  const selected = page.getByTestId("compare-selected");
  await expect(selected.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("ranking").getByRole("row")).toHaveCount(3);
  await selected.getByRole("link", { name: "从对比中移除 平潭综合实验区财政金融局" }).click();
  await expect(selected.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("ranking").getByRole("row")).toHaveCount(2);
  // No internal ids to type.
  await expect(page.getByText("编号")).toHaveCount(0);
});

test("a missing agency, report or page answers HTTP 404 with a Chinese page", async ({ page }) => {
  for (const [path, text] of [
    ["/agencies/999999", "没有这个单位"],
    ["/agencies/abc", "没有这个单位"],
    ["/reports/999999", "没有这份年报"],
    ["/regions/999999", "没有这个地区"],
    ["/no-such-page", "没有找到这个页面"],
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByTestId("not-found")).toContainText(text);
    await expect(page.getByTestId("not-found")).toContainText("页面不存在");
  }
});

test("findings show rule titles, not internal rule ids", async ({ page }) => {
  await openAgency(page, "阿拉善右旗民政局");
  await page.getByTestId("report-list").getByRole("link").first().click();
  const findings = page.getByTestId("findings");
  await expect(findings).toContainText("办理结果各项之和");
  await expect(findings).not.toContainText("t3.results_sum");
  await page.goto("/findings");
  await expect(page.locator("main")).not.toContainText(/\b[a-z]\d?\.[a-z_]+\b/);
});

test("/coverage answers which agencies missed any year of the latest five in one view", async ({ page }) => {
  await page.goto("/coverage");
  const card = page.getByTestId("card-span-missing");
  await expect(card).toContainText("2021–2025 年有未报送年度的单位");
  const row = card.getByRole("row").filter({ hasText: "阿拉善右旗民政局" });
  await expect(row).toContainText("2022、2023、2024、2025");
  await expect(card.getByRole("row").filter({ hasText: /^平潭综合实验区\s/ })).toHaveCount(0);
});
