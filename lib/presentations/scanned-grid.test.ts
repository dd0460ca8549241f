/**
 * The image presentation (scanned-grid.ts) read back through the OCR path: generated known
 * reports printed with ruled tables, rasterized, and read by the real engine (tesseract, installed
 * by npm test) as an image-only PDF. Every cell read must be the known value; a cell not read must
 * be listed as unread; no key the report does not have. Two pages per report — 表三 (merged row
 * heads, wrapped labels, running over a page break) and 表四 (three header rows) — to keep it to
 * seconds.
 */
import { describe, expect, it } from "vitest";
import { imagesToPdf } from "../../test/scan-fixtures";
import { parseScan, unreadCells } from "../parse/index";
import { ocrAvailable } from "../parse/ocr-engine";
import { makeRng } from "../random";
import { hashSeed } from "./known";
import { generateReports } from "./reports";
import { scannedGrid } from "./scanned-grid";

const engine = await ocrAvailable();
const reports = generateReports(20261204, 3);

// Without the engine the reading cannot run: skipped, saying why (npm test installs it first).
if (!engine) it.skip(`${scannedGrid.id}: needs tesseract (chi_sim, eng) and pdftoppm — npm run setup:ocr`, () => {});

describe.runIf(engine)(`${scannedGrid.id}: ${scannedGrid.label}`, () => {
  it("renders a report's tables as ruled A4 pages at 200 dpi", async () => {
    const { pages, dpi } = await scannedGrid.render(reports[0], makeRng(1));
    expect(dpi).toBe(200);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // Deterministic: the same report and seed, the same pixels.
    const again = await scannedGrid.render(reports[0], makeRng(1));
    expect(again.pages[0].equals(pages[0])).toBe(true);
  });

  // One 2021 report and one mixed one (表三's single （六）其他处理 row).
  for (const r of [reports[0], reports.find((x) => x.mixed) ?? reports[2]])
    it(`reads ${r.agency}'s 表三 and 表四 back: none wrong, the rest listed unread`, { timeout: 240_000 }, async () => {
      const { pages, dpi } = await scannedGrid.render(r, makeRng(hashSeed(`${scannedGrid.id}/${r.agency}`)));
      // The last two pages: 表三 (from its header or a row running over the break) and 表四.
      const out = await parseScan([{ name: "scan.pdf", bytes: await imagesToPdf(pages.slice(-2), dpi) }]);
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      const cells = out.report.cells;
      const unread = new Set(unreadCells(out.report).map((u) => u.key));
      // 表二 is mostly on the page left out: its cells, where read, must still be right.
      const onPages = Object.keys(r.cells).filter((k) => !k.startsWith("t2."));
      const wrong = Object.keys(cells)
        .filter((k) => cells[k] !== r.cells[k])
        .map((k) => `${k}: read ${cells[k]}, printed ${k in r.cells ? r.cells[k] : "nothing"}`);
      const right = onPages.filter((k) => k in cells && cells[k] === r.cells[k]);
      const listed = onPages.filter((k) => !(k in cells) && unread.has(k));
      const lost = onPages.filter((k) => !(k in cells) && !unread.has(k));
      console.log(
        `${scannedGrid.id} ${r.agency}: ${right.length}/${onPages.length} right, 0 wrong, unread: ${listed.join(", ") || "none"}`,
      );
      expect(wrong).toEqual([]);
      expect(lost).toEqual([]);
      // Most of 表三 and 表四 is read: the grid reader works on tables it has never seen.
      expect(right.length).toBeGreaterThan(0.7 * onPages.length);
    });
});
