/**
 * Figures read cell by cell. The page-wide Chinese pass (ocr-engine.ts `recognize`) reads a table's
 * figures worst of all: digits run into rules and into each other, `0` becomes `O` or `口`. Here each
 * figure cell's ink is cropped, scaled to one text height, and pasted into a strip, one cell per line
 * with white space between; one tesseract call per model reads the whole strip with a figures-only
 * whitelist, and its lines are mapped back to the cells by position. Spawning tesseract per cell
 * would cost a second a page in process start-up alone.
 */
import sharp from "sharp";
import { type OcrPage, type OcrWord, recognize, recognizeFigures } from "./ocr-engine";

export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface FigureRead {
  /** What was read, "" when nothing. */
  text: string;
  /** Lowest word confidence, 0–100. */
  conf: number;
}

/** Darker than this (0–255) is ink: a thin `1` blurred at 150 dpi is a mid grey. */
const INK = 180;
/** Height the strip's figures are scaled to: tesseract's LSTM reads best at ~30–40 px. */
const TEXT_HEIGHT = 36;
const PAD = 24;
const GAP = 28;

/**
 * The ink inside a cell (inset from its rules), or null when the cell is blank. A row or column
 * counts only with two ink pixels, so a speck of dust neither makes a blank cell a figure nor
 * widens a figure's crop.
 */
export function inkBox(gray: Uint8Array, width: number, cell: PixelBox): PixelBox | null {
  const inset = 2;
  const x0 = cell.x0 + inset;
  const x1 = cell.x1 - inset;
  const y0 = cell.y0 + inset;
  const y1 = cell.y1 - inset;
  if (x1 - x0 < 4 || y1 - y0 < 4) return null;
  const cols = new Int32Array(x1 - x0);
  const rows = new Int32Array(y1 - y0);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (gray[y * width + x] < INK) {
        cols[x - x0]++;
        rows[y - y0]++;
      }
    }
  }
  // What is left of a rule (its faint edge) runs the whole height or width of the cell; a figure
  // sits inside its cell with space around it.
  for (let i = 0; i < cols.length; i++) if (cols[i] >= 0.85 * rows.length) cols[i] = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i] >= 0.85 * cols.length) rows[i] = 0;
  const first = (a: Int32Array) => a.findIndex((v) => v >= 2);
  const last = (a: Int32Array) => a.length - 1 - [...a].reverse().findIndex((v) => v >= 2);
  const fx = first(cols);
  const fy = first(rows);
  if (fx < 0 || fy < 0) return null;
  // Grown over the thin edges a figure's serifs leave (one ink pixel a column), as long as they
  // touch: a speck further off stays outside.
  let [lx, hx, ly, hy] = [fx, last(cols), fy, last(rows)];
  while (lx > 0 && cols[lx - 1] > 0) lx--;
  while (hx + 1 < cols.length && cols[hx + 1] > 0) hx++;
  while (ly > 0 && rows[ly - 1] > 0) ly--;
  while (hy + 1 < rows.length && rows[hy + 1] > 0) hy++;
  const box = { x0: x0 + lx, x1: x0 + hx + 1, y0: y0 + ly, y1: y0 + hy + 1 };
  // Too little ink for a digit: specks.
  let ink = 0;
  for (const v of cols) ink += v;
  if (ink < 12 || box.y1 - box.y0 < 5) return null;
  return box;
}

/** The crops pasted one under another, each scaled to TEXT_HEIGHT, as a grayscale PNG. */
async function strip(gray: Uint8Array, width: number, boxes: PixelBox[], scale: number): Promise<{ png: Buffer; slot: number }> {
  const h = Math.round(TEXT_HEIGHT * scale);
  const scaled = boxes.map((b) => {
    const f = h / (b.y1 - b.y0);
    return { b, w: Math.max(1, Math.round((b.x1 - b.x0) * f)), f };
  });
  const slot = h + GAP;
  const W = Math.max(...scaled.map((s) => s.w)) + 2 * PAD;
  const H = boxes.length * slot + 2 * PAD;
  const out = new Uint8Array(W * H).fill(255);
  for (const [k, s] of scaled.entries()) {
    const top = PAD + k * slot;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < s.w; x++) {
        // Bilinear sample of the source crop.
        const sx = s.b.x0 + (x + 0.5) / s.f - 0.5;
        const sy = s.b.y0 + (y + 0.5) / s.f - 0.5;
        const ix = Math.max(s.b.x0, Math.min(s.b.x1 - 2, Math.floor(sx)));
        const iy = Math.max(s.b.y0, Math.min(s.b.y1 - 2, Math.floor(sy)));
        const fx = Math.min(1, Math.max(0, sx - ix));
        const fy = Math.min(1, Math.max(0, sy - iy));
        const p = (xx: number, yy: number) => gray[yy * width + xx];
        const v =
          p(ix, iy) * (1 - fx) * (1 - fy) + p(ix + 1, iy) * fx * (1 - fy) + p(ix, iy + 1) * (1 - fx) * fy + p(ix + 1, iy + 1) * fx * fy;
        out[(top + y) * W + PAD + x] = Math.round(v);
      }
    }
  }
  const png = await sharp(Buffer.from(out), { raw: { width: W, height: H, channels: 1 } })
    .withMetadata({ density: 300 })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, slot };
}

/** Words of a strip → one read per crop, by which slot each word's centre falls in. */
export function readsFromStrip(page: OcrPage, count: number, slot: number): FigureRead[] {
  const byCrop: { x: number; text: string; conf: number }[][] = Array.from({ length: count }, () => []);
  for (const w of page.words) {
    const k = Math.floor(((w.y0 + w.y1) / 2 - PAD + GAP / 2) / slot);
    if (k >= 0 && k < count) byCrop[k].push({ x: w.x0, text: w.text.replace(/\s+/g, ""), conf: w.conf });
  }
  return byCrop.map((ws) => {
    ws.sort((a, b) => a.x - b.x);
    return { text: ws.map((w) => w.text).join(""), conf: ws.length ? Math.min(...ws.map((w) => w.conf)) : 0 };
  });
}

/** Each crop read by one model. `scale`: the text height relative to TEXT_HEIGHT. */
export async function readFigures(
  gray: Uint8Array,
  width: number,
  boxes: PixelBox[],
  lang: "eng" | "chi_sim",
  scale = 1,
): Promise<FigureRead[]> {
  if (!boxes.length) return [];
  const s = await strip(gray, width, boxes, scale);
  return readsFromStrip(await recognizeFigures(s.png, lang), boxes.length, s.slot);
}

/**
 * Text cells read again on their own (a strip of their crops at the page's scale, one Chinese
 * pass): a label that shares text lines with a neighbouring row's figures comes out garbled from
 * the page-wide pass. Returns each cell's words, in strip coordinates.
 */
export async function readTextCells(gray: Uint8Array, width: number, boxes: PixelBox[]): Promise<OcrWord[][]> {
  if (!boxes.length) return [];
  const W = Math.max(...boxes.map((b) => b.x1 - b.x0)) + 2 * PAD;
  const tops: number[] = [];
  let H = PAD;
  for (const b of boxes) {
    tops.push(H);
    H += b.y1 - b.y0 + GAP;
  }
  H += PAD;
  const out = new Uint8Array(W * H).fill(255);
  for (const [k, b] of boxes.entries()) {
    for (let y = b.y0; y < b.y1; y++) out.set(gray.subarray(y * width + b.x0, y * width + b.x1), (tops[k] + y - b.y0) * W + PAD);
  }
  const png = await sharp(Buffer.from(out), { raw: { width: W, height: H, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const page = await recognize(png);
  const cells: OcrWord[][] = boxes.map(() => []);
  for (const w of page.words) {
    const cy = (w.y0 + w.y1) / 2;
    const k = tops.findLastIndex((t) => t <= cy + GAP / 2);
    if (k >= 0) cells[k].push(w);
  }
  return cells;
}
