/**
 * PDF with a text layer: rebuild the printed lines from the positions of the text items, then read
 * them as laid-out text (layout.ts). pdfjs reads in the same process (no worker, no font faces:
 * only the text and its positions are needed).
 */
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { documentText, type SourceDocument } from "./document";
import { placedLinesToDoc, splitNumberRuns, type Piece, type PlacedLine } from "./layout";
import { MAX_PDF_PAGES } from "./limits";

export type PdfRead = { ok: true; doc: SourceDocument } | { ok: false; reason: "no_text" | "unreadable" };

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Items closer than this many text heights horizontally are one cell; further apart, two cells. */
const CELL_GAP = 0.9;
/** Items whose baselines differ by less than this many text heights are on one line. */
const LINE_TOLERANCE = 0.45;

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
}

/**
 * pdf.js, loaded on the first PDF. Its Node build ships core-js polyfills that replace
 * Array.prototype.push, JSON.parse and JSON.stringify for the whole process with slower JavaScript
 * versions (for spec corners pdf.js does not rely on): every push in the server
 * — the HTML and text readers included — ran through them. The native ones are put back, after
 * loading the worker half too (which pdf.js would otherwise load, polyfills and all, on the first
 * document): handed over as `globalThis.pdfjsWorker`, it runs in this thread as before.
 */
let pdfjs: Promise<typeof import("pdfjs-dist/legacy/build/pdf.mjs")> | null = null;
export function loadPdfjs() {
  pdfjs ??= (async () => {
    const native = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // @ts-expect-error -- the worker build ships no types; only WorkerMessageHandler is read.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    Array.prototype.push = native.push;
    JSON.parse = native.parse;
    JSON.stringify = native.stringify;
    return lib;
  })();
  return pdfjs;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const { getDocument } = await loadPdfjs();
  let pdf: Awaited<ReturnType<typeof getDocument>["promise"]>;
  try {
    // pdfjs takes ownership of the buffer it is given, and refuses a Node Buffer: hand it a copy.
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  try {
    const placed: PlacedLine[] = [];
    const heights: number[] = [];
    // A report is a few dozen pages; a file of 20,000 blank pages held the server for minutes.
    const pages = Math.min(pdf.numPages, MAX_PDF_PAGES);
    for (let n = 1; n <= pages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!("str" in it) || !it.str.trim()) continue;
        const t = it as TextItem;
        const h = t.height || Math.hypot(t.transform[2], t.transform[3]);
        items.push({ str: t.str, x: t.transform[4], y: t.transform[5], w: t.width, h });
        heights.push(h);
      }
      placed.push(...pageLines(items, n));
      page.cleanup();
    }
    if (placed.length === 0) return { ok: false, reason: "no_text" };
    heights.sort((a, b) => a - b);
    const em = heights[Math.floor(heights.length / 2)] || 10;
    const lines = placedLinesToDoc(placed, { columnTolerance: 1.5 * em });
    return { ok: true, doc: { kind: "pdf", lines, text: documentText(lines) } };
  } catch {
    return { ok: false, reason: "unreadable" };
  } finally {
    await pdf.destroy();
  }
}

/** One page's items → lines, top to bottom; each line's items → pieces (cells), left to right. */
export function pageLines(items: Item[], page: number): PlacedLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - it.y) <= LINE_TOLERANCE * Math.max(row[0].h, it.h)) row.push(it);
    else rows.push([it]);
  }
  const loc = { page };
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const pieces: Piece[] = [];
    let prev: Item | undefined;
    for (const it of row) {
      const last = pieces[pieces.length - 1];
      const gap = prev ? it.x - (prev.x + prev.w) : Infinity;
      const h = Math.max(it.h, prev?.h ?? 0);
      if (last && gap <= CELL_GAP * h) {
        last.text += gap > 0.25 * h ? ` ${it.str.trim()}` : it.str.trim();
        last.x1 = it.x + it.w;
      } else {
        pieces.push({ text: it.str.trim(), x0: it.x, x1: it.x + it.w, loc });
      }
      prev = it;
    }
    return { pieces: splitNumberRuns(pieces), loc };
  });
}
