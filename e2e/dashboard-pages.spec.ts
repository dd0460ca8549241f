import { expect, test } from "@playwright/test";

test("from the region tree to an agency: KPI cards and charts show the report figures, each linked to its cell", async ({ page }) => {
  await page.goto("/agencies");
  const tree = page.getByTestId("region-tree");
  await tree.getByRole("link", { name: "福建省" }).click();
  await page.getByTestId("region-tree").getByRole("link", { name: "福州市" }).click();
  await page.getByTestId("region-tree").getByRole("link", { name: "平潭综合实验区" }).click();
  await page.getByTestId("region-agencies").getByRole("link", { name: "平潭综合实验区", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("平潭综合实验区");
  // 2025 report, 表三 一、本年新收 总计 154 (2024: 218): 同比 −64.
  const received = page.getByTestId("kpi-received");
  await expect(received).toContainText("154件");
  await expect(received).toContainText("−64");
  await expect(received.getByRole("link", { name: "154件" })).toHaveAttribute(
    "href",
    /\/reports\/\d+\?cell=t3\.received\.total(#cell-t3\.received\.total)?$/,
  );

  const carry = page.getByTestId("family-carry");
  await expect(carry.locator("svg.recharts-surface").first()).toBeVisible();
  const point = carry.getByTestId("chart-point").first();
  await expect(point).toHaveAttribute("href", /\/reports\/\d+\?cell=t3\.carried_over\.total(#cell-t3\.carried_over\.total)?$/);
  // The format changes in 2021: the 表二 规章 chart marks the break instead of joining the series.
  await expect(page.getByTestId("card-rules")).toContainText("2021 年起为 2021 年版格式");
});

test("search finds an agency by pinyin initials", async ({ page }) => {
  await page.goto("/agencies?q=ptzhsyq");
  await expect(page.getByTestId("search-results").getByRole("link", { name: "平潭综合实验区", exact: true }).first()).toBeVisible();
});

test("compare two agencies: chart lines, ranking with links to the cells", async ({ page }) => {
  await page.goto("/agencies?q=平潭综合实验区");
  await page.getByTestId("search-results").getByRole("link", { name: "平潭综合实验区", exact: true }).first().click();
  await page.getByRole("link", { name: "与其他单位对比" }).click();
  await page.getByLabel(/添加单位/).fill("财政金融局");
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByTestId("compare-search").getByRole("link", { name: "加入对比" }).first().click();

  const ranking = page.getByTestId("ranking");
  await expect(ranking.getByRole("row")).toHaveCount(3);
  await expect(ranking).toContainText("平潭综合实验区财政金融局");
  await expect(page.getByTestId("compare-chart").locator(".recharts-line")).toHaveCount(2);
  await expect(ranking.getByRole("link", { name: /件$/ }).first()).toHaveAttribute("href", /cell=t3\.received\.total/);
});

test("coverage lists an agency with no report for the year", async ({ page }) => {
  await page.goto("/coverage?year=2023");
  // 阿拉善右旗民政局 filed 2021 only: expected from then on, missing in 2023.
  await expect(page.getByTestId("missing-list")).toContainText("阿拉善右旗民政局");
  await expect(page.getByTestId("coverage-summary")).toContainText("应报送");
  // The whole list downloads as CSV (Excel-ready, with BOM), whatever page is shown.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("coverage-csv").click()]);
  const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("未报送,阿拉善右旗民政局");
});

test("a shared URL reopens the same view, and back returns to the previous one", async ({ page, browser }) => {
  await page.goto("/coverage?year=2023");
  await page.locator('select[name="year"]').selectOption("2022");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/year=2022/);
  await page.goBack();
  await expect(page).toHaveURL(/year=2023/);
  await expect(page.locator('select[name="year"]')).toHaveValue("2023");

  await page.goto("/agencies?q=平潭综合实验区");
  await page.getByTestId("search-results").getByRole("link", { name: "平潭综合实验区", exact: true }).first().click();
  await page.getByRole("link", { name: "与其他单位对比" }).click();
  await page.locator('select[name="metric"]').selectOption("reviewTotal");
  await page.getByLabel("起始年度").fill("2019");
  await page.getByRole("button", { name: "对比", exact: true }).click();
  await expect(page).toHaveURL(/metric=reviewTotal/);
  const shared = page.url();
  const ranking = await page.getByTestId("ranking").textContent();

  const other = await browser.newPage();
  await other.goto(shared);
  await expect(other.locator('select[name="metric"]')).toHaveValue("reviewTotal");
  await expect(other.getByLabel("起始年度")).toHaveValue("2019");
  expect(await other.getByTestId("ranking").textContent()).toBe(ranking);
  await other.close();
});

test("the overview shows coverage by year, open findings and latest imports", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("coverage-by-year")).toContainText("2025");
  await expect(page.getByTestId("latest-imports")).toBeVisible();
  await expect(page.getByTestId("agency-list")).toContainText("平潭综合实验区");
});
