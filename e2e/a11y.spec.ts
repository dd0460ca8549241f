import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * Issue 15 item 10: every chart has a text alternative (title, description, a data table a
 * keyboard reaches) and axe-core finds no violations in the charts, on a desktop and a phone.
 */

async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function agencyPath(page: Page, name: string) {
  await page.goto("/");
  return (await page.getByTestId("agency-list").getByRole("link", { name, exact: true }).getAttribute("href"))!;
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`charts pass axe-core and have text alternatives at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const paths = [await agencyPath(page, "平潭综合实验区"), "/regions/4", "/compare?agencies=2,3"];
    for (const path of paths) {
      await page.goto(path);
      await settled(page);
      const figures = page.getByTestId("chart-export");
      expect(await figures.count(), path).toBeGreaterThan(0);
      for (const f of await figures.all()) {
        await expect(f).toHaveAttribute("aria-label", /.+/);
        await expect(f).toHaveAttribute("aria-describedby", /.+/);
        await expect(f.getByTestId("chart-data").locator("table tbody tr").first()).toBeAttached();
      }
      const result = await new AxeBuilder({ page }).include('[data-testid="chart-export"]').analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")}`),
        path,
      ).toEqual([]);
    }
  });
}

test("a chart's data table opens from the keyboard", async ({ page }) => {
  await page.goto(await agencyPath(page, "平潭综合实验区"));
  await settled(page);
  const data = page.getByTestId("card-headline").getByTestId("chart-data");
  await data.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(data.getByRole("table")).toBeVisible();
  await expect(data.getByRole("columnheader", { name: "本年新收申请（件）" })).toBeVisible();
  await expect(data.getByRole("row", { name: /2025/ })).toContainText("154");
});

test("the main pages pass axe-core (serious and critical)", async ({ page }) => {
  const found: string[] = [];
  for (const path of [
    "/",
    await agencyPath(page, "平潭综合实验区"),
    "/agencies",
    "/coverage",
    "/compare?agencies=2,3",
    "/findings",
    "/reports/1",
  ]) {
    await page.goto(path);
    await settled(page);
    const result = await new AxeBuilder({ page }).disableRules(["color-contrast"]).analyze();
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    found.push(...bad.map((v) => `${path} ${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")}`));
  }
  expect(found).toEqual([]);
});
