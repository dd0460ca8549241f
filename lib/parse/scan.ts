/**
 * Scanned reports — an image-only PDF, or one or more page images (PNG, JPEG, phone photos) — into
 * the document the one reader reads. Pages are made upright (EXIF, then tesseract's orientation
 * detection for photos), downscaled to about 200 dpi for an A4 page, and recognized page by page
 * in one tesseract process; then the figure and label cells of all pages are read again together
 * (ocr-digits.ts), and each page's words laid out into rows and cells (ocr-cells.ts by its ruled
 * grid, else ocr-layout.ts).
 */
import sharp, { type Sharp } from "sharp";
import { documentText, type SourceDocument } from "./document";
import { placedLinesToDoc, type PlacedLine } from "./layout";
import { MAX_SCAN_PAGES, SCAN_DPI } from "./limits";
import { type GrayImage, type OcrPage, orientation, rasterizePdfGray, recognizePages } from "./ocr-engine";
import { betterTexts, decideFigure, type FigureCell, type FigureDecision, figureCells, gridPageLines, unsureTextCells } from "./ocr-cells";
import { type FigureRead, inkBox, readFigures, readTextCells, strokeRead } from "./ocr-digits";
import { findGrid, type GridBand, ruleSkew } from "./ocr-grid";
import { eraseRules, findRules, packMask, splitAtRules } from "./ocr-image";
import { ocrPageLines } from "./ocr-layout";

export interface ScanPage {
  /** The page as recognized: upright grayscale JPEG, for provenance (page view, crops). */
  image: Buffer;
  width: number;
  height: number;
  /** Mean word confidence, 0–100. */
  conf: number;
  ms: number;
}

export type ScanRead =
  | { ok: true; doc: SourceDocument; pages: ScanPage[]; truncated: boolean }
  | { ok: false; reason: "no_text" | "image_unreadable" };

/** The longest side a page is recognized at: A4 at 200 dpi. Photos are larger and gain nothing. */
const MAX_SIDE = 2400;

export function isImage(bytes: Uint8Array): "png" | "jpeg" | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  return null;
}

export interface ScanOptions {
  /** Called after each page: pages done, pages in all. */
  onPage?: (done: number, total: number) => void | Promise<void>;
  dpi?: number;
}

/** An image-only PDF: rasterize, then read as images. */
export async function readScannedPdf(bytes: Uint8Array, opts: ScanOptions = {}): Promise<ScanRead> {
  const images = await rasterizePdfGray(bytes, opts.dpi ?? SCAN_DPI, MAX_SCAN_PAGES + 1);
  return readImages(images.slice(0, MAX_SCAN_PAGES), { ...opts, photos: false, truncated: images.length > MAX_SCAN_PAGES });
}

/**
 * Page images in page order: encoded (PNG, JPEG) or a PDF's pages as pixels — those are consumed
 * (their rules erased in place).
 */
export async function readImages(
  images: (Uint8Array | GrayImage)[],
  opts: ScanOptions & { photos?: boolean; truncated?: boolean } = {},
): Promise<ScanRead> {
  const list = images.slice(0, MAX_SCAN_PAGES);
  const started = Date.now();
  // Every page made upright and its rules found first, then all pages recognized by one tesseract
  // process (the model loaded once); then every page's figure and label cells read again together:
  // one process per model for the whole report, not per page.
  const ready: Prepared[] = [];
  const pages: ScanPage[] = [];
  for (const input of list) {
    const upright = await prepare(input, opts.photos ?? true);
    if (!upright) return { ok: false, reason: "image_unreadable" };
    pages.push({ image: upright.image, width: upright.width, height: upright.height, conf: 0, ms: 0 });
    ready.push(upright);
  }
  let progress = Promise.resolve();
  const recognized = await recognizePages(
    ready.map((u) => ({ data: u.gray, width: u.width, height: u.height })),
    (done) => {
      progress = progress.then(() => opts.onPage?.(done, list.length));
    },
  );
  await progress;
  const ms = Math.round((Date.now() - started) / Math.max(1, list.length));
  const read: PageRead[] = recognized.map((page, i) => {
    const upright = ready[i];
    page.words = splitAtRules(page.words, upright.vertical, upright.width);
    const cells = upright.bands.length ? figureCells(page.words, upright.bands, (box) => inkBox(upright.gray, upright.width, box)) : [];
    const conf = page.words.length ? page.words.reduce((a, w) => a + w.conf, 0) / page.words.length : 0;
    Object.assign(pages[i], { conf: Math.round(conf), ms });
    return { page, pageNo: i + 1, gray: upright.gray, width: upright.width, bands: upright.bands, cells };
  });
  const placed = await gridLines(read);
  if (!placed.some((l) => l.pieces.some((p) => /[\u4e00-\u9fff]/.test(p.text)))) return { ok: false, reason: "no_text" };
  // Column tolerance for 表三's wrapped labels: about 1.5 characters at the page's scale.
  const em = 0.012 * Math.max(...pages.map((p) => p.width));
  const lines = placedLinesToDoc(placed, { columnTolerance: 1.5 * em });
  return {
    ok: true,
    doc: { kind: "scan", lines, text: documentText(lines) },
    pages,
    truncated: Boolean(opts.truncated || images.length > MAX_SCAN_PAGES),
  };
}

interface PageRead {
  page: OcrPage;
  pageNo: number;
  /** The page's pixels with its rules erased, for the crops. */
  gray: Uint8Array;
  width: number;
  bands: GridBand[];
  cells: FigureCell[];
}

/**
 * Every page's lines: by its ruled grid where it has one (figures read again cell by cell, each
 * stored only when two models agree), else by word gaps.
 */
async function gridLines(read: PageRead[]): Promise<PlacedLine[]> {
  const figures = read.flatMap((r) => {
    // The page's usual figure height. Ink far shorter (a label's underline) or taller (a row head
    // printed top to bottom) is not a figure: read, it would only disturb the strip's other lines.
    const heights = r.cells.map((c) => c.ink.y1 - c.ink.y0).sort((a, b) => a - b);
    const digit = heights[Math.floor(heights.length / 2)] ?? 0;
    return r.cells
      .filter((c) => c.ink.y1 - c.ink.y0 >= 0.45 * digit && c.ink.y1 - c.ink.y0 <= 1.8 * digit)
      .map((cell) => {
        const crop = { gray: r.gray, width: r.width, box: cell.ink };
        return {
          r,
          cell,
          crop,
          reads: { page: cell.page, eng: [] as FigureRead[], chi: [] as FigureRead[], shape: strokeRead(crop, digit) },
          decision: null as FigureDecision | null,
        };
      });
  });
  const [eng] = await readFigures(
    figures.map((f) => f.crop),
    "eng",
    [{ scale: 1, repeat: true }],
  );
  figures.forEach((f, k) => {
    f.reads.eng.push(eng[k]);
    f.decision = decideFigure(f.reads);
  });
  // Still open: the Chinese model on the crops, and both models larger and without repeating.
  const open = figures.filter((f) => !f.decision || f.decision.doubt);
  const crops = open.map((f) => f.crop);
  const chi = await readFigures(crops, "chi_sim", [
    { scale: 1, repeat: true },
    { scale: 1.5, repeat: false },
  ]);
  const more = await readFigures(crops, "eng", [
    { scale: 1.5, repeat: true },
    { scale: 1, repeat: false },
  ]);
  open.forEach((f, k) => {
    f.reads.chi.push(chi[0][k], chi[1][k]);
    f.reads.eng.push(more[0][k], more[1][k]);
    f.decision = decideFigure(f.reads);
  });
  const decided = (r: PageRead) => new Set(figures.filter((f) => f.r === r && f.decision).map((f) => `${f.cell.band}:${f.cell.cell}`));
  const unsure = read.flatMap((r) => unsureTextCells(r.page.words, r.bands, decided(r)).map((u) => ({ r, ...u })));
  const again = await readTextCells(unsure.map((u) => ({ gray: u.r.gray, width: u.r.width, box: u.box })));
  return read.flatMap((r) => {
    if (!r.bands.length) return ocrPageLines(r.page, r.pageNo);
    const mine = unsure.flatMap((u, k) => (u.r === r ? [{ u, words: again[k] }] : []));
    const texts = betterTexts(
      r.page.words,
      r.bands,
      mine.map((m) => m.u),
      mine.map((m) => m.words),
    );
    return gridPageLines(
      r.page,
      r.bands,
      figures.filter((f) => f.r === r),
      r.pageNo,
      texts,
    );
  });
}

interface Prepared {
  /** The page upright and grayscale, as JPEG: what the page view shows. */
  image: Buffer;
  /** The page's pixels with its rules erased: what tesseract reads, and the figure crops. */
  gray: Uint8Array;
  /** Vertical rule pixels, packed a bit each (ocr-image.ts `packMask`). */
  vertical: Uint8Array;
  bands: GridBand[];
  width: number;
  height: number;
}

/**
 * Upright, grayscale, at most MAX_SIDE; and what tesseract reads (gray): the red channel only, so
 * that a red seal stamped over the table all but vanishes, with the table's rules erased. null:
 * not an image sharp can open.
 */
async function prepare(input: Uint8Array | GrayImage, photo: boolean): Promise<Prepared | null> {
  let img: Sharp;
  try {
    let w: number;
    let h: number;
    if ("data" in input) {
      // A PDF's page as pdftoppm rendered it: gray already, upright, no EXIF.
      img = sharp(input.data, { raw: { width: input.width, height: input.height, channels: 1 } });
      [w, h] = [input.width, input.height];
    } else {
      const bytes = Buffer.from(input);
      const meta = await sharp(bytes).metadata();
      // rotate() with no angle applies the EXIF orientation a phone records.
      img = sharp(bytes, { limitInputPixels: 80_000_000 }).rotate();
      img = (meta.channels ?? 1) >= 3 ? img.extractChannel("red") : img.grayscale();
      const swap = (meta.orientation ?? 1) >= 5;
      w = (swap ? meta.height : meta.width) ?? 0;
      h = (swap ? meta.width : meta.height) ?? 0;
    }
    if (!w || !h) return null;
    const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
    if (scale < 1) img = img.resize(Math.round(w * scale), Math.round(h * scale));
    // Raw pixels from here on: encoding a page to PNG and decoding it again at each step cost
    // a tenth of a second a page.
    let page = "data" in input && scale === 1 ? { data: input.data, width: w, height: h } : await toRaw(img);
    if (photo) {
      const turn = await orientation(await fromRaw(page).png({ compressionLevel: 1 }).toBuffer());
      if (turn) page = await toRaw(fromRaw(page).rotate(turn));
    }
    let rules = rulesOf(page);
    // A skewed page is turned straight by its rules, so that the grid's rows and columns are
    // rows and columns of pixels.
    const skew = ruleSkew(rules.horizontal, page.width, page.height);
    if (Math.abs(skew) >= 0.2) {
      page = await toRaw(fromRaw(page).rotate(-skew, { background: "#ffffff" }));
      rules = rulesOf(page);
    }
    const { width, height } = page;
    // A row is at least a text line high: ~1.1 % of an A4 page's width.
    const bands = findGrid(rules.horizontal, rules.vertical, width, height, Math.round(width * 0.011));
    // What the page view shows, before its rules are erased from these same pixels. Huffman
    // tables not optimised: sharp's optimising pass cost 100 ms a page, six times the encoding,
    // for a file a fifth smaller (230 KB a page at 200 dpi instead of 180).
    const image = await fromRaw(page).jpeg({ quality: 70, optimiseCoding: false }).toBuffer();
    // In place: a PDF's page as rendered is this function's to consume (readImages says so).
    eraseRules(page.data, width, height, rules);
    return { image, gray: page.data, vertical: packMask(rules.vertical), bands, width, height };
  } catch {
    return null;
  }
}

interface RawPage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * The image's first channel: the red one or the gray one as prepare() chose it (sharp's own
 * colourspace conversion would run before extractChannel and mix the red seal back in); a rotated
 * page comes back as three equal channels.
 */
async function toRaw(img: Sharp): Promise<RawPage> {
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  const n = info.channels;
  const one = n === 1 ? new Uint8Array(data.buffer, data.byteOffset, data.length) : new Uint8Array(info.width * info.height);
  if (n > 1) for (let i = 0; i < one.length; i++) one[i] = data[i * n];
  return { data: one, width: info.width, height: info.height };
}

const fromRaw = (p: RawPage) => sharp(p.data, { raw: { width: p.width, height: p.height, channels: 1 } });

function rulesOf(p: RawPage) {
  return findRules(p.data, p.width, p.height, Math.round(p.width * 0.045));
}
