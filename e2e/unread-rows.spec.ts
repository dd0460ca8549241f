import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// A real report (汉台区农业农村局 2025, its tables flattened onto one line) with its 行政规范性文件
// row changed to digits that ran together: the reader cannot tell 88|55|698 from 8|855|698.
const REPORT = path.join(process.cwd(), "data", "fixtures", "real-world", "reports", "county-shaanxi-hantai-nyncj-2025-flatspaced.txt");

/** Sign in as admin and preview the report with its 行政规范性文件 digits run together. */
async function previewWithLostBoundaries(page: Page) {
  const text = readFileSync(REPORT, "utf8").replace(/行政规范性文件\s*0\s*0\s*0/, "行政规范性文件8855698");
  await signIn(page, "admin");
  await page.goto("/import");
  await page.getByLabel("粘贴年报全文").fill(text);
  await page.getByRole("button", { name: "预览" }).click();
}

test("the preview lists a row it could not read with its source text, and the filer types its cells in", async ({ page }, info) => {
  await previewWithLostBoundaries(page);

  const preview = page.getByTestId("import-preview");
  const unread = preview.getByTestId("unread-rows");
  await expect(unread).toContainText("有 1 行没能读出");
  await expect(unread).toContainText("原文：行政规范性文件 | 8855698");
  await preview.getByLabel("发布机关").fill("端到端补录农业农村局");
  await unread.getByLabel("表二 行政规范性文件·本年制发件数").fill("88");
  await unread.getByLabel("表二 行政规范性文件·本年废止件数").fill("55");
  await unread.getByLabel("表二 行政规范性文件·现行有效件数").fill("698");
  await page.screenshot({ path: info.outputPath("unread-rows.png"), fullPage: true });
  await preview.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已新增 端到端补录农业农村局 2025 年度报告");

  await page.getByRole("status").getByRole("link", { name: "查看报告" }).click();
  await expect(page.locator('td[data-key="t2.normative_docs.issued"]')).toContainText("88");
  await expect(page.locator('td[data-key="t2.normative_docs.in_force"]')).toContainText("698");
  await expect(page.locator('td[data-key="t2.licensing.decisions"]')).toContainText("52");
});

test("a value that is not a number is refused, naming the cell, and nothing is saved", async ({ page }) => {
  await previewWithLostBoundaries(page);
  const preview = page.getByTestId("import-preview");
  await preview.getByLabel("发布机关").fill("端到端补录失败农业农村局");
  await preview.getByTestId("unread-rows").getByLabel("表二 行政规范性文件·本年制发件数").fill("八十八");
  await preview.getByRole("button", { name: "保存" }).click();
  await expect(page.locator(".alert.error")).toContainText("表二 行政规范性文件·本年制发件数 填写的「八十八」不是数字");
  await page.goto("/");
  await expect(page.getByTestId("agency-list")).not.toContainText("端到端补录失败农业农村局");
});
