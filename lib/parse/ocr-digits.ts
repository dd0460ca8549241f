/**
 * Figures read cell by cell. The page-wide Chinese pass (ocr-engine.ts `recognize`) reads a table's
 * figures worst of all: digits run into rules and into each other, `0` becomes `O` or `口`. Here each
 * figure cell's ink is cropped, scaled to one text height, and pasted into a strip, one cell per line
 * with white space between; one tesseract process per model reads the strips of the whole report
 * with a figures-only whitelist, and their lines are mapped back to the cells by position. Spawning
 * tesseract per cell would cost a second a page in process start-up alone; per page, a third of a
 * second per model.
 */
import { type GrayImage, type OcrPage, type OcrWord, recognizeMany } from "./ocr-engine";

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

/** A figure cell's ink on its page. */
export interface FigureCrop {
  gray: Uint8Array;
  width: number;
  box: PixelBox;
}

/**
 * A crop no wider than this share of its height is one glyph. Alone on its line it gives the model
 * too little to go on — a lone `1` in a narrow cell came back unread or at 20–50 % confidence —
 * so it is read three times over, side by side (REPEAT): the same glyph in the same font, whose
 * neighbours tell the model its height and stroke. Only the exact threefold read counts.
 */
const NARROW = 0.9;
const REPEAT = 3;
/** Crops per strip image: keeps each image well inside tesseract's size limits. */
const PER_STRIP = 150;

/** How a strip is laid out: the text height relative to TEXT_HEIGHT, and whether narrow crops are repeated. */
export interface StripKind {
  scale: number;
  repeat: boolean;
}

const repeats = (b: PixelBox, kind: StripKind) => (kind.repeat && b.x1 - b.x0 <= NARROW * (b.y1 - b.y0) ? REPEAT : 1);

/** The crops pasted one under another, each scaled to TEXT_HEIGHT × scale, as grayscale pixels. */
function strip(crops: FigureCrop[], kind: StripKind): { image: GrayImage; slot: number } {
  const h = Math.round(TEXT_HEIGHT * kind.scale);
  const gap = Math.round(h / 2);
  const scaled = crops.map((c) => {
    const f = h / (c.box.y1 - c.box.y0);
    const w = Math.max(1, Math.round((c.box.x1 - c.box.x0) * f));
    const n = repeats(c.box, kind);
    return { c, w, f, n, span: n * w + (n - 1) * gap };
  });
  const slot = h + GAP;
  const W = Math.max(...scaled.map((s) => s.span)) + 2 * PAD;
  const H = crops.length * slot + 2 * PAD;
  const out = new Uint8Array(W * H).fill(255);
  for (const [k, s] of scaled.entries()) {
    const top = PAD + k * slot;
    const { gray, width, box: b } = s.c;
    const p = (xx: number, yy: number) => gray[yy * width + xx];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < s.w; x++) {
        // Bilinear sample of the source crop.
        const sx = b.x0 + (x + 0.5) / s.f - 0.5;
        const sy = b.y0 + (y + 0.5) / s.f - 0.5;
        const ix = Math.max(b.x0, Math.min(b.x1 - 2, Math.floor(sx)));
        const iy = Math.max(b.y0, Math.min(b.y1 - 2, Math.floor(sy)));
        const fx = Math.min(1, Math.max(0, sx - ix));
        const fy = Math.min(1, Math.max(0, sy - iy));
        const v =
          p(ix, iy) * (1 - fx) * (1 - fy) + p(ix + 1, iy) * fx * (1 - fy) + p(ix, iy + 1) * (1 - fx) * fy + p(ix + 1, iy + 1) * fx * fy;
        for (let r = 0; r < s.n; r++) out[(top + y) * W + PAD + r * (s.w + gap) + x] = Math.round(v);
      }
    }
  }
  return { image: { data: out, width: W, height: H }, slot };
}

/** The strips' resolution as tesseract is told it: their figures are 36 px high, about 9 pt. */
const STRIP_DPI = 300;

/** Words of a strip → one read per crop, by which slot each word's centre falls in. */
export function readsFromStrip(page: OcrPage, count: number, slot: number, times: number[] = []): FigureRead[] {
  const byCrop: { x: number; text: string; conf: number }[][] = Array.from({ length: count }, () => []);
  for (const w of page.words) {
    const k = Math.floor(((w.y0 + w.y1) / 2 - PAD + GAP / 2) / slot);
    if (k >= 0 && k < count) byCrop[k].push({ x: w.x0, text: w.text.replace(/\s+/g, ""), conf: w.conf });
  }
  return byCrop.map((ws, k) => {
    ws.sort((a, b) => a.x - b.x);
    const text = ws.map((w) => w.text).join("");
    const conf = ws.length ? Math.min(...ws.map((w) => w.conf)) : 0;
    return unrepeat({ text, conf }, times[k] ?? 1);
  });
}

/**
 * A glyph read `times` over: the one glyph when every copy read the same. Otherwise the read failed
 * (copies merged or dropped: `555` as `5335`) and is no read at all, neither for a figure nor
 * against one.
 */
export function unrepeat(r: FigureRead, times: number): FigureRead {
  if (times === 1 || !r.text) return r;
  const one = r.text.slice(0, r.text.length / times);
  return r.text.length % times === 0 && one.repeat(times) === r.text ? { text: one, conf: r.conf } : { text: "", conf: 0 };
}

/** Each crop read by one model in each kind of strip, all in one tesseract process: the reads per kind, in crop order. */
export async function readFigures(crops: FigureCrop[], lang: "eng" | "chi_sim", kinds: StripKind[]): Promise<FigureRead[][]> {
  if (!crops.length) return kinds.map(() => []);
  const chunks: FigureCrop[][] = [];
  for (let i = 0; i < crops.length; i += PER_STRIP) chunks.push(crops.slice(i, i + PER_STRIP));
  const strips = kinds.flatMap((kind) => chunks.map((c) => strip(c, kind)));
  const pages = await recognizeMany(
    strips.map((s) => s.image),
    lang,
    { whitelist: "0123456789./-", dpi: STRIP_DPI },
  );
  return kinds.map((kind, si) =>
    chunks.flatMap((c, ci) => {
      const k = si * chunks.length + ci;
      return readsFromStrip(
        pages[k],
        c.length,
        strips[k].slot,
        c.map((x) => repeats(x.box, kind)),
      );
    }),
  );
}

/**
 * Text cells read again on their own, one image each but all in one Chinese pass: a label that
 * shares text lines with a neighbouring row's figures comes out garbled from the page-wide pass.
 * One image per cell, not a strip: in a strip tesseract joined a label's last line with the next
 * label's first into one word. Returns each cell's words, in its crop's coordinates.
 */
export async function readTextCells(crops: FigureCrop[]): Promise<OcrWord[][]> {
  return (await recognizeMany(crops.map(textImage), "chi_sim")).map((p) => p.words);
}

function textImage({ gray, width, box: b }: FigureCrop): GrayImage {
  const W = b.x1 - b.x0 + 2 * PAD;
  const H = b.y1 - b.y0 + 2 * PAD;
  const out = new Uint8Array(W * H).fill(255);
  for (let y = b.y0; y < b.y1; y++) out.set(gray.subarray(y * width + b.x0, y * width + b.x1), (PAD + y - b.y0) * W + PAD);
  return { data: out, width: W, height: H };
}

/**
 * A third opinion on a lone `1`, from the ink's shape and not from either model: the digits model
 * reads a lone narrow glyph least surely, and the Chinese model on the crop often not at all. One
 * upright stem of digit height (`digitHeight`: the page's usual figure height), at most a flag at
 * the top and a foot at the bottom beside it, nothing else; a `7`'s slanted stroke or a `/` leaves
 * the stem's columns. "" when the ink is anything else.
 */
export function strokeRead({ gray, width, box: b }: FigureCrop, digitHeight: number): FigureRead {
  const none = { text: "", conf: 0 };
  const h = b.y1 - b.y0;
  const w = b.x1 - b.x0;
  if (h < 8 || w > 0.5 * h || h < 0.8 * digitHeight || h > 1.25 * digitHeight) return none;
  const ink = (x: number, y: number) => gray[y * width + x] < INK;
  const cols = Array.from({ length: w }, (_, i) => {
    let n = 0;
    for (let y = b.y0; y < b.y1; y++) if (ink(b.x0 + i, y)) n++;
    return n;
  });
  const stem = cols.indexOf(Math.max(...cols));
  const inStem = (x: number) => Math.abs(x - b.x0 - stem) <= Math.max(1, Math.round(h / 12));
  let covered = 0;
  for (let y = b.y0; y < b.y1; y++) {
    let row = false;
    for (let x = b.x0; x < b.x1; x++) {
      if (!ink(x, y)) continue;
      if (inStem(x)) row = true;
      // Beside the stem: only the flag (top third) or the foot (bottom sixth).
      else if (y - b.y0 >= h / 3 && b.y1 - y > h / 6) return none;
    }
    if (row) covered++;
  }
  return covered >= 0.9 * h ? { text: "1", conf: 70 } : none;
}
