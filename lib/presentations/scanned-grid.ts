/**
 * An image presentation: a known report printed on A4 pages with its tables ruled as bordered
 * grids, rasterized at 200 dpi — what a scanner gives of a printed report. Read back through the
 * OCR path (scanned-grid.test.ts), it tests the grid reader (ocr-grid.ts, ocr-cells.ts) on tables
 * whose every cell is known, beside the three real PDFs `npm run ocr:accuracy` rasterizes.
 *
 * The page is drawn as SVG (text with CJK fonts, rules as rectangles) and rasterized by sharp
 * (librsvg): no browser. Fonts: fonts-noto-cjk (npm test installs it when missing). Text is
 * wrapped by hand to its cell (librsvg does not wrap); tables run over page breaks, a merged cell
 * split at the break, as word processors print them. Deterministic: the same report and seed give
 * the same pixels.
 */
import sharp from "sharp";
import { chance, pick, type Rng } from "../random";
import { narrative } from "./document-text";
import type { KnownReport } from "./known";
import { buildTables, gridOf, type MTable, valueText } from "./tables";

export interface ImagePresentation {
  id: string;
  label: string;
  /** Always lossy: OCR may leave cells unread, never read them wrong. */
  lossy: true;
  /** Page images (grayscale PNG) and their resolution. */
  render(r: KnownReport, rng: Rng): Promise<{ pages: Buffer[]; dpi: number }>;
}

const DPI = 200;
/** A4 at DPI. */
const PAGE_W = Math.round((210 / 25.4) * DPI);
const PAGE_H = Math.round((297 / 25.4) * DPI);
const MARGIN_X = 140;
const MARGIN_Y = 150;
const TABLE_W = PAGE_W - 2 * MARGIN_X;

/** Column widths of each table as shares of the table's width (表三: the row-head columns, then 7 figures). */
const COLUMNS: Record<MTable["id"], number[]> = {
  t2: [0.4, 0.2, 0.2, 0.2],
  t3: [0.07, 0.12, 0.25, ...Array(7).fill(0.08)],
  t4: Array(15).fill(1 / 15),
};

interface Style {
  font: string;
  /** Font size of table text, pixels (五号 at 200 dpi is about 29). */
  size: number;
  prose: number;
}

/** Something on the page flow: a line of prose, or one row of a table. */
interface Block {
  height: number;
  /** Where the layout put it: set for every block before any is drawn. */
  at?: { page: number; top: number };
  draw(out: string[]): void;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** How wide a character prints, in font sizes: CJK full width, figures and Latin about half. */
const charWidth = (ch: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.56);

/** Text broken into lines no wider than `width` pixels. */
export function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = "";
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch) * size;
    if (line && w + cw > width) {
      lines.push(line);
      line = "";
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

const textLine = (x: number, y: number, s: string, size: number, font: string, anchor = "start") =>
  `<text x="${x}" y="${y}" font-size="${size}" font-family="${font}" text-anchor="${anchor}">${esc(s)}</text>`;

function proseBlocks(lines: string[], style: Style, heading: (l: string) => boolean): Block[] {
  return lines.flatMap((l) => {
    const size = heading(l) ? style.prose + 2 : style.prose;
    return wrap(l, TABLE_W, size).map((part) => ({
      height: Math.round(size * 1.6),
      draw(this: Block, out: string[]) {
        out.push(textLine(MARGIN_X, (this.at?.top ?? 0) + size, part, size, style.font));
      },
    }));
  });
}

/** A table's rows as blocks; each merged cell is drawn on every page it reaches, its text once. */
function tableBlocks(t: MTable, style: Style): Block[] {
  const grid = gridOf(t);
  const xs = [MARGIN_X];
  for (const share of COLUMNS[t.id]) xs.push(xs[xs.length - 1] + Math.round(share * TABLE_W));
  xs[xs.length - 1] = MARGIN_X + TABLE_W;
  const lineH = Math.round(style.size * 1.3);
  const pad = Math.round(style.size * 0.45);
  const cells = t.rows.flatMap((row, ri) => {
    const slots = grid[ri];
    return row.cells.map((c) => {
      const col = slots.findIndex((s) => s?.origin && s.cell === c);
      const width = xs[col + c.colspan] - xs[col];
      const text = c.kind === "value" ? valueText(c, { blank: "" }) : c.text;
      return { c, ri, col, width, lines: wrap(text, width - 2 * pad, style.size) };
    });
  });
  // Row heights: every one-row cell fits; a merged cell's text fits its rows together.
  const heights = t.rows.map((_, ri) =>
    Math.max(lineH + 2 * pad, ...cells.filter((x) => x.ri === ri && x.c.rowspan === 1).map((x) => x.lines.length * lineH + 2 * pad)),
  );
  for (const x of cells.filter((y) => y.c.rowspan > 1)) {
    const need = x.lines.length * lineH + 2 * pad;
    const have = heights.slice(x.ri, x.ri + x.c.rowspan).reduce((a, b) => a + b, 0);
    if (need > have) heights[x.ri + x.c.rowspan - 1] += need - have;
  }
  const rows: Block[] = t.rows.map((_, ri) => ({
    height: heights[ri],
    draw(out: string[]) {
      for (const x of cells) if (x.ri <= ri && ri < x.ri + x.c.rowspan) drawCell(x, ri, out);
    },
  }));
  /** The part of a cell on the page of row `ri`, drawn from its first row on that page. */
  function drawCell(x: (typeof cells)[number], ri: number, out: string[]) {
    const page = rows[ri].at!.page;
    if (ri !== x.ri && rows[ri - 1].at!.page === page) return;
    let last = ri;
    while (last + 1 < x.ri + x.c.rowspan && rows[last + 1].at!.page === page) last++;
    const y0 = rows[ri].at!.top;
    const h = rows[last].at!.top + heights[last] - y0;
    out.push(`<rect x="${xs[x.col]}" y="${y0}" width="${x.width}" height="${h}"/>`);
    if (ri !== x.ri) return;
    // The text centred in the cell's part on its first page, as a word processor prints it.
    const textTop = y0 + (h - x.lines.length * lineH) / 2;
    x.lines.forEach((l, k) => {
      const y = Math.round(textTop + k * lineH + style.size * 0.95);
      out.push(textLine(xs[x.col] + x.width / 2, y, l, style.size, style.font, "middle"));
    });
  }
  return rows;
}

function pageSvg(body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_W}" height="${PAGE_H}">
<rect width="100%" height="100%" fill="#fff"/>
<g fill="none" stroke="#000" stroke-width="2">${body.filter((b) => b.startsWith("<rect")).join("")}</g>
<g fill="#000">${body.filter((b) => !b.startsWith("<rect")).join("")}</g>
</svg>`;
}

/** The report's blocks laid out on pages, each page's SVG. */
function layout(r: KnownReport, rng: Rng, style: Style): string[] {
  const n = narrative(r, rng, "standard");
  const tables = buildTables(r);
  const isHeading = (l: string) => /^[一二三四五六七八九十]+、/.test(l);
  const blocks: Block[] = [];
  blocks.push(...proseBlocks(n.head.slice(0, 1), { ...style, prose: style.prose + 8 }, () => false));
  blocks.push(...proseBlocks(n.head.slice(1), style, isHeading));
  n.sections.forEach((lines, i) => {
    blocks.push(...proseBlocks(lines, style, isHeading));
    if (i >= 1 && i <= 3) blocks.push(...tableBlocks(tables[i - 1], style), { height: style.prose, draw: () => {} });
  });
  blocks.push(...proseBlocks(n.tail, style, () => false));
  let page = 0;
  let y = MARGIN_Y;
  for (const b of blocks) {
    if (y + b.height > PAGE_H - MARGIN_Y) {
      page++;
      y = MARGIN_Y;
    }
    b.at = { page, top: y };
    y += b.height;
  }
  const pages: string[][] = Array.from({ length: page + 1 }, () => []);
  for (const b of blocks) b.draw(pages[b.at!.page]);
  return pages.map(pageSvg);
}

export const scannedGrid: ImagePresentation = {
  id: "scanned-grid",
  label: "printed with ruled tables and scanned at 200 dpi (page images through OCR)",
  lossy: true,
  async render(r, rng) {
    const style: Style = {
      font: pick(rng, ["Noto Serif CJK SC", "Noto Sans CJK SC"]),
      size: 28 + (chance(rng, 0.5) ? 2 : 0),
      prose: 30,
    };
    const pages: Buffer[] = [];
    for (const svg of layout(r, rng, style))
      pages.push(await sharp(Buffer.from(svg), { density: 72 }).flatten({ background: "#ffffff" }).grayscale().png().toBuffer());
    return { pages, dpi: DPI };
  },
};
