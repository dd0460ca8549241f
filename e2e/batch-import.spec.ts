import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const SAMPLES = path.join(process.cwd(), "data", "samples");
const sample = (f: string) => ({ name: f, mimeType: "text/plain", buffer: readFileSync(path.join(SAMPLES, f)) });

test("a batch of files and a .zip: a bad file fails alone, the others are stored, the log lists them", async ({ page }) => {
  const zip = new JSZip();
  zip.file("年报/pingtan-czj-2024.html", readFileSync(path.join(SAMPLES, "pingtan-czj-2024.html")));
  zip.file("__MACOSX/年报/._pingtan-czj-2024.html", "junk");
  zip.file("年报/broken.docx", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4]));
  const zipped = Buffer.from(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));

  await signIn(page, "admin");
  await page.goto("/import");
  const batch = page.getByTestId("batch-import");
  await batch
    .getByLabel("选择文件或压缩包")
    .setInputFiles([
      sample("seed-alashan-youqi-minzheng-2021.txt"),
      { name: "garbage.txt", mimeType: "text/plain", buffer: Buffer.from([0, 1, 2, 3, 255, 0, 7, 8, 0, 9]) },
      { name: "reports.zip", mimeType: "application/zip", buffer: zipped },
    ]);
  await batch.getByRole("button", { name: /开始导入/ }).click();

  await expect(batch.getByTestId("batch-progress")).toContainText("已处理 4 / 4 个文件");
  await expect(batch.getByTestId("batch-progress")).toContainText("共 4 个文件：新增 0，更新 2，失败 2");
  await expect(batch.locator("progress")).toHaveAttribute("value", "4");
  const rows = batch.getByTestId("batch-results").locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("更新");
  await expect(rows.nth(0)).toContainText("已替换 阿拉善右旗民政局 2021 年度报告");
  await expect(rows.nth(1)).toContainText("失败");
  await expect(rows.nth(1)).toContainText("文件不是文本或网页");
  await expect(rows.nth(2)).toContainText("reports.zip/年报/broken.docx");
  await expect(rows.nth(2)).toContainText("Word 文件无法打开");
  await expect(rows.nth(3)).toContainText("reports.zip/年报/pingtan-czj-2024.html");
  await expect(rows.nth(3)).toContainText("更新");

  // The log on the same page, newest first, failures included.
  const recent = page.getByTestId("recent-imports");
  await expect(recent.locator("tbody tr").first()).toContainText("reports.zip/年报/pingtan-czj-2024.html");
  await expect(recent).toContainText("garbage.txt");
});

test("a file over the upload limit is refused in the browser, before it is sent", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/import");
  // From disk: handing Playwright a 21 MB buffer is slow.
  const big = path.join(mkdtempSync(path.join(os.tmpdir(), "dd-big-")), "big.html");
  writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x61));
  await page.getByLabel("或上传文件").setInputFiles(big);
  await expect(page.locator(".alert.error")).toContainText("超过 20 MB 的上限，未上传");
  await expect(page.getByRole("button", { name: "预览" })).toBeDisabled();
});
