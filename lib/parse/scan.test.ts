/**
 * Scanned reports, end to end through the real OCR engine (tesseract, installed by npm test): the
 * real PDF fixtures rasterized and degraded (scan-fixtures.ts), read back by the one reader. Their
 * expected cells apply, so every stored cell is checked: none may be wrong; what OCR could not read
 * with confidence is listed as unread, with its page, box and confidence.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixturePairs } from "../../test/fixtures";
import { parseReportAsync, parseScan, toContractJson, unreadCells } from "./index";
import { imagesToPdf, scanPages, VARIANTS } from "../../test/scan-fixtures";

const pdfs = fixturePairs().filter((p) => p.file.endsWith(".pdf"));
const huaian = pdfs.find((p) => p.name === "huaian-2024")!;

/** The table pages only (4–5 of 6), to keep the test to a few pages of OCR. */
async function tablePages(variant: keyof typeof VARIANTS) {
  const images = await scanPages(new Uint8Array(readFileSync(huaian.file)), VARIANTS[variant], 7);
  return images.slice(3, 5);
}

function score(cells: Record<string, number | null>, unread: Set<string>, expected = huaian.expected.cells) {
  const s = { right: 0, wrong: [] as string[], unread: 0, lost: 0 };
  for (const [key, want] of Object.entries(expected)) {
    if (key in cells) {
      if (cells[key] === want) s.right++;
      else s.wrong.push(`${key}: ${cells[key]} ≠ ${want}`);
    } else if (unread.has(key)) s.unread++;
    else s.lost++;
  }
  return s;
}

describe("scanned reports (OCR)", () => {
  it("reads a 200 dpi image-only PDF: no cell wrong, the rest listed with where to look", { timeout: 180_000 }, async () => {
    const pdf = await imagesToPdf(await tablePages("clean200"), 200);
    const out = await parseReportAsync({ name: "scan.pdf", bytes: pdf }, { ocr: true });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.report;
    expect(r.sourceKind).toBe("scan");
    const s = score(r.cells, new Set(unreadCells(r).map((u) => u.key)));
    expect(s.wrong).toEqual([]);
    expect(s.right).toBeGreaterThan(60);
    // Every stored cell says where on which page it was read, and how sure the engine was.
    for (const d of Object.values(r.details)) {
      expect(d.loc.page).toBeGreaterThan(0);
      expect(d.loc.ocr?.box.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(d.loc.ocr?.conf).toBeGreaterThanOrEqual(0);
    }
    const json = toContractJson(r);
    expect(json.unread.filter((u) => "box" in u).length).toBeGreaterThan(0);
    expect(out.scan?.length).toBe(2);
  });

  it("reads a ruled report's tables at 200 dpi by its grid: none wrong, none lost, nearly all read", { timeout: 300_000 }, async () => {
    // 洪泽区 2023: its tables are on pages 2–4, ruled, with large figures and wrapped row names.
    const hongze = pdfs.find((p) => p.name === "hongze-2023")!;
    const images = (await scanPages(new Uint8Array(readFileSync(hongze.file)), VARIANTS.clean200, 7)).slice(1, 4);
    const out = await parseReportAsync({ name: "scan.pdf", bytes: await imagesToPdf(images, 200) }, { ocr: true });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const unread = new Set(unreadCells(out.report).map((u) => u.key));
    const s = score(out.report.cells, unread, hongze.expected.cells);
    expect(s.wrong).toEqual([]);
    expect(s.lost).toBe(0);
    // Measured 100 % on these pages (README 已知限制); the bar is 99 %. The figures of all
    // pages are read together, so which pages are read can move a doubtful cell either way.
    expect(s.right / Object.keys(hongze.expected.cells).length).toBeGreaterThanOrEqual(0.97);
  });

  it("at 150 dpi with skew, blur, JPEG, speckle and a red seal: still none wrong, unread listed", { timeout: 180_000 }, async () => {
    const out = await parseScan((await tablePages("noisy150")).map((b, i) => ({ name: `p${i + 1}.jpg`, bytes: b })));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const unread = new Set(unreadCells(out.report).map((u) => u.key));
    const s = score(out.report.cells, unread);
    expect(s.wrong).toEqual([]);
    expect(s.right).toBeGreaterThan(30);
    expect(unread.size).toBeGreaterThan(0);
  });

  // Photos were not held to "none wrong" while a figure needed only one sure read and one
  // agreeing (a 6 read as 5 twice, with confidence); with both models agreeing and no sure read
  // against, the three photographed fixtures read none wrong (README 已知限制).
  it("turns a photo taken sideways upright and reads most of it, none wrong", { timeout: 180_000 }, async () => {
    const images = (await scanPages(new Uint8Array(readFileSync(huaian.file)), VARIANTS.photo, 7)).slice(3, 5);
    const out = await parseScan(images.map((b) => ({ name: "photo.jpg", bytes: b })));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const s = score(out.report.cells, new Set(unreadCells(out.report).map((u) => u.key)));
    expect(s.wrong).toEqual([]);
    expect(s.right).toBeGreaterThan(20);
  });

  it("refuses a mix of a PDF and images, and an image that is not one, in Chinese", async () => {
    const png = (await tablePages("clean200"))[0];
    const pdf = await imagesToPdf([png], 200);
    expect(
      await parseScan([
        { name: "a.pdf", bytes: pdf },
        { name: "b.png", bytes: png },
      ]),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/PNG/) });
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(await parseScan([{ name: "x.png", bytes: broken }])).toMatchObject({ ok: false, error: expect.stringMatching(/图片/) });
  });
});
