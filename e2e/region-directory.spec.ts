/**
 * A new agency's region from the national directory: the preview guesses it from the agency's
 * name, the filer can search another by name or code, and saving creates the chain of regions.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const REPORT = path.join(process.cwd(), "data", "fixtures", "real-world", "reports", "county-shaanxi-hantai-nyncj-2025-flatspaced.txt");

test("the preview places a new agency by its name, or by a division searched by code, and saving creates its regions", async ({
  page,
}, info) => {
  await signIn(page, "admin");
  await page.goto("/import");
  await page.getByLabel("粘贴年报全文").fill(readFileSync(REPORT, "utf8"));
  await page.getByRole("button", { name: "预览" }).click();
  const preview = page.getByTestId("import-preview");
  await preview.getByLabel("发布机关").fill("汉中市汉台区目录测试局");
  // The guess is made from the name the report printed; a new name is searched by hand.
  const picker = preview.getByTestId("division-picker");
  await picker.getByRole("searchbox").fill("320813");
  await picker.getByRole("button", { name: /洪泽区/ }).click();
  await expect(picker.getByTestId("division-chosen")).toContainText("江苏省 / 淮安市 / 洪泽区（320813）");
  await page.screenshot({ path: info.outputPath("division-picker.png"), fullPage: true });
  await preview.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已新增 汉中市汉台区目录测试局 2025 年度报告");
  await page.getByRole("status").getByRole("link", { name: "查看报告" }).click();
  await page.getByRole("link", { name: "汉中市汉台区目录测试局" }).first().click();
  await expect(page.locator("main")).toContainText("江苏省");
  await expect(page.locator("main")).toContainText("洪泽区");
});

test("the preview guesses the region of a new agency from its printed name", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/import");
  const text = readFileSync(REPORT, "utf8");
  await page.getByLabel("粘贴年报全文").fill(`淮安市洪泽区猜测测试局2025年政府信息公开工作年度报告\n${text}`);
  await page.getByRole("button", { name: "预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByLabel("发布机关")).toHaveValue("淮安市洪泽区猜测测试局");
  await expect(preview.getByTestId("division-chosen")).toContainText("按单位名称推断：新单位将放在 江苏省 / 淮安市 / 洪泽区（320813）下");
});
