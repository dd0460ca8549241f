import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

/** Issue 15 item 1: every page works on a phone (360–430 px) — no sideways scroll, a menu, charts that fit. */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test("pages do not scroll sideways at 390 px and charts fit their card", async ({ page }) => {
  for (const path of ["/", "/agencies", "/coverage", "/compare", "/findings", "/scoring", "/check", "/export"]) {
    await page.goto(path);
    await settled(page);
    await noSidewaysScroll(page);
  }
  await page.goto("/");
  const agency = page.getByTestId("agency-list").getByRole("link", { name: "平潭综合实验区", exact: true });
  await page.goto((await agency.getAttribute("href"))!);
  await settled(page);
  await noSidewaysScroll(page);
  for (const svg of await page.locator("main .recharts-wrapper > svg").all()) {
    const box = (await svg.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  // A report's tables scroll inside their card.
  await page.getByTestId("report-list").getByRole("link").first().click();
  await settled(page);
  await noSidewaysScroll(page);
});

test("the navigation folds behind 菜单 and marks the page being shown", async ({ page }) => {
  await page.goto("/coverage");
  const nav = page.getByTestId("site-nav");
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "菜单" }).click();
  await expect(nav).toBeVisible();
  await expect(nav.getByRole("link", { name: "未报送" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "查找单位" }).click();
  await expect(page).toHaveURL(/\/agencies$/);
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "菜单" }).click();
  await expect(nav.getByRole("link", { name: "查找单位" })).toHaveAttribute("aria-current", "page");
});

test("a PNG exported on a phone is drawn at the fixed export width", async ({ page }) => {
  await page.goto("/");
  const agency = page.getByTestId("agency-list").getByRole("link", { name: "平潭综合实验区", exact: true });
  await page.goto((await agency.getAttribute("href"))!);
  await settled(page);
  const figure = page.getByTestId("chart-export").first();
  const [dl] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "下载 PNG" }).click()]);
  const png = readFileSync((await dl.path())!);
  // PNG IHDR: width and height, big-endian, at bytes 16 and 20.
  expect(png.readUInt32BE(16)).toBe(2 * 960);
  const [svgDl] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "下载 SVG" }).click()]);
  const svg = readFileSync((await svgDl.path())!, "utf8");
  expect(svg).toMatch(/<svg[^>]* width="960"/);
});
