import { expect, test } from "@playwright/test";

/**
 * Issue 15 item 4: printed on A4, charts scale to the page instead of being cut at the right edge
 * (2023–2025 were lost). Printing lays the page out again at the paper's width without telling the
 * charts, so the test narrows the page the same way — synchronously, before any resize observer
 * runs — and checks every chart still fits its box. A PDF is rendered too.
 */
test("charts fit the A4 width when printed", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  const href = (await page.getByTestId("agency-list").getByRole("link", { name: "平潭综合实验区", exact: true }).getAttribute("href"))!;
  await page.goto(href);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  const overflows = await page.evaluate(() => {
    const main = document.querySelector("main") as HTMLElement;
    main.style.width = "680px"; // A4 less 12 mm margins, at 96 dpi
    main.style.maxWidth = "680px";
    const right = main.getBoundingClientRect().right + 1;
    return [...document.querySelectorAll<SVGSVGElement>("main .recharts-wrapper > svg")]
      .map((s) => s.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.right > right).length;
  });
  expect(overflows).toBe(0);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});
