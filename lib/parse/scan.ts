/**
 * Scanned reports — an image-only PDF, or one or more page images (PNG, JPEG, phone photos) — into
 * the document the one reader reads. Pages are made upright (EXIF, then tesseract's orientation
 * detection for photos), downscaled to about 200 dpi for an A4 page, recognized one by one, and
 * their words laid out into rows and cells (ocr-layout.ts).
 */
import sharp, { type Sharp } from "sharp";
import { documentText, type SourceDocument } from "./document";
import { placedLinesToDoc, type PlacedLine } from "./layout";
import { MAX_SCAN_PAGES, SCAN_DPI } from "./limits";
import { orientation, rasterizePdf, recognize } from "./ocr-engine";
import { eraseRules, splitAtRules } from "./ocr-image";
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
  const images = await rasterizePdf(bytes, opts.dpi ?? SCAN_DPI, MAX_SCAN_PAGES + 1);
  return readImages(images.slice(0, MAX_SCAN_PAGES), { ...opts, photos: false, truncated: images.length > MAX_SCAN_PAGES });
}

/** Page images in page order. */
export async function readImages(
  images: Uint8Array[],
  opts: ScanOptions & { photos?: boolean; truncated?: boolean } = {},
): Promise<ScanRead> {
  const placed: PlacedLine[] = [];
  const pages: ScanPage[] = [];
  const list = images.slice(0, MAX_SCAN_PAGES);
  for (const [i, bytes] of list.entries()) {
    const started = Date.now();
    const upright = await prepare(Buffer.from(bytes), opts.photos ?? true);
    if (!upright) return { ok: false, reason: "image_unreadable" };
    const page = await recognize(upright.clean);
    page.words = splitAtRules(page.words, upright.vertical, upright.width);
    placed.push(...ocrPageLines(page, i + 1));
    const conf = page.words.length ? page.words.reduce((a, w) => a + w.conf, 0) / page.words.length : 0;
    const image = await sharp(upright.png).jpeg({ quality: 70 }).toBuffer();
    pages.push({ image, width: upright.width, height: upright.height, conf: Math.round(conf), ms: Date.now() - started });
    await opts.onPage?.(i + 1, list.length);
  }
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

/**
 * Upright, grayscale, at most MAX_SIDE (png); and what tesseract reads (clean): the red channel
 * only, so that a red seal stamped over the table all but vanishes, with the table's rules erased.
 * null: not an image sharp can open.
 */
async function prepare(
  bytes: Buffer,
  photo: boolean,
): Promise<{ png: Buffer; clean: Buffer; vertical: Uint8Array; width: number; height: number } | null> {
  let img: Sharp;
  try {
    const meta = await sharp(bytes).metadata();
    // rotate() with no angle applies the EXIF orientation a phone records.
    img = sharp(bytes, { limitInputPixels: 80_000_000 }).rotate();
    img = (meta.channels ?? 1) >= 3 ? img.extractChannel("red") : img.grayscale();
    const swap = (meta.orientation ?? 1) >= 5;
    const w = (swap ? meta.height : meta.width) ?? 0;
    const h = (swap ? meta.width : meta.height) ?? 0;
    if (!w || !h) return null;
    const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
    if (scale < 1) img = img.resize(Math.round(w * scale), Math.round(h * scale));
    let png = await img.png({ compressionLevel: 1 }).toBuffer();
    if (photo) {
      const turn = await orientation(png);
      if (turn) png = await sharp(png).rotate(turn).png({ compressionLevel: 1 }).toBuffer();
    }
    const raw = await sharp(png).toColourspace("b-w").raw().toBuffer({ resolveWithObject: true });
    const { width, height } = raw.info;
    const erased = eraseRules(
      new Uint8Array(raw.data.buffer, raw.data.byteOffset, raw.data.length),
      width,
      height,
      Math.round(width * 0.045),
    );
    const clean = await sharp(Buffer.from(erased.image), { raw: { width, height, channels: 1 } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    return { png, clean, vertical: erased.vertical, width, height };
  } catch {
    return null;
  }
}
