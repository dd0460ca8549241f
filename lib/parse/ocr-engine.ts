/**
 * The OCR engine: Debian's tesseract 5 with its simplified-Chinese model (apt: tesseract-ocr,
 * tesseract-ocr-chi-sim), and poppler's pdftoppm to turn an image-only PDF into page images. Both
 * run as child processes, so a page's seconds of OCR never hold the server's event loop.
 *
 * Chosen by measurement against PaddleOCR (PP-OCRv4 on onnxruntime-node, npm @gutenye/ocr-node) on
 * the same rasterized pages: tesseract gives a box and a confidence per word (PaddleOCR's detector
 * merges a whole table row into one box, losing the columns), ~1 s per A4 page at 200 dpi on one
 * core against ~12 s, ~110 MB against ~970 MB, and installs from apt without a 300 MB runtime.
 *
 * Table figures are read a second time, cell by cell, by tesseract's English model with a digits
 * whitelist (apt: tesseract-ocr-eng; ocr-digits.ts): a second, independently trained model, so a
 * figure is stored only when two reads agree. Measured on the rasterized fixtures, the whole-page
 * Chinese pass alone read 52.8 % of the cells at 200 dpi; the grid with the agreeing digit reads
 * reads the share README's 已知限制 quotes, with none wrong.
 */
import { spawn } from "node:child_process";
import { mkdtemp, open, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export interface OcrChar {
  text: string;
  x0: number;
  x1: number;
  conf: number;
}

export interface OcrWord {
  text: string;
  /** Tesseract's word confidence, 0–100. */
  conf: number;
  /** Box in image pixels. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Tesseract's own text line, used to measure skew. */
  line: string;
  /** Its characters with their (approximate) horizontal extents. */
  chars?: OcrChar[];
}

/** A vertical table rule found on the page (erased before OCR): words it crosses are two cells. */
export interface Rule {
  x: number;
  y0: number;
  y1: number;
}

export interface OcrPage {
  width: number;
  height: number;
  words: OcrWord[];
  rules?: Rule[];
}

export class OcrUnavailable extends Error {}

/**
 * Tesseract 5 reads a line again inverted (white on black) when unsure of it: printed reports have
 * no inverted text, and skipping it saved ~7 % of a page's time.
 */
const FAST = ["-c", "tessedit_do_invert=0"];

/** One thread: on a busy two-core machine tesseract's OpenMP threads cost more than they give. */
const ENV = { ...process.env, OMP_THREAD_LIMIT: "1" };

interface RunOptions {
  input?: Buffer;
  timeoutMs?: number;
  /** Each chunk of stdout as it arrives (progress of a long run). */
  onData?: (chunk: Buffer) => void;
}

function run(cmd: string, args: string[], { input, timeoutMs = 60_000, onData }: RunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: ENV, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (b: Buffer) => {
      out.push(b);
      onData?.(b);
    });
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === "ENOENT" ? new OcrUnavailable(cmd) : e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${cmd} exited ${code}: ${Buffer.concat(err).toString().slice(0, 300)}`));
    });
    child.stdin.on("error", () => {}); // a process that died early closes its stdin
    child.stdin.end(input);
  });
}

/** A page's grayscale pixels, one byte each. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * The image as a binary PGM file: tesseract reads it with no decoding, and writing it costs no
 * encoding (PNG at the lowest compression still cost tens of milliseconds a page each way).
 */
async function writePgm(file: string, { data, width, height }: GrayImage): Promise<void> {
  const fh = await open(file, "w");
  try {
    await fh.writev([Buffer.from(`P5\n${width} ${height}\n255\n`, "latin1"), data]);
  } finally {
    await fh.close();
  }
}

const PAGE_MARK = "class='ocr_page'";

/**
 * Words of each page (grayscale pixels), all pages in one tesseract process: loading the Chinese
 * model costs about 0.3 s of CPU, a fifth of reading a page, once per report instead of per page.
 * `--psm 6`: the page as one block of text lines — the table's rows come out as lines. hOCR with
 * character boxes. `onPage(done)` as each page's words come out (tesseract writes a page when it
 * has read it).
 */
export async function recognizePages(pages: GrayImage[], onPage?: (done: number) => void): Promise<OcrPage[]> {
  if (!pages.length) return [];
  let seen = 0;
  let tail = "";
  const count = (chunk: Buffer) => {
    // A page's mark may straddle two chunks: keep the end of the last one.
    const text = tail + chunk.toString("latin1");
    const n = text.split(PAGE_MARK).length - 1;
    // Shorter than the mark, so a mark already counted is never counted again.
    tail = text.slice(1 - PAGE_MARK.length);
    // Tesseract writes a page's hOCR once it has read the page: its mark means it is done.
    for (let k = 0; k < n; k++) onPage?.(++seen);
  };
  const out = await withFiles(pages, (list) =>
    run("tesseract", [list, "stdout", "-l", "chi_sim", "--psm", "6", ...FAST, "-c", "hocr_char_boxes=1", "hocr"], {
      timeoutMs: 60_000 * pages.length,
      onData: count,
    }),
  );
  const read = parseHocrPages(out.toString("utf8"));
  if (read.length !== pages.length) throw new Error(`tesseract read ${read.length} of ${pages.length} pages`);
  if (seen < pages.length) onPage?.(pages.length);
  return read;
}

/** Images written to a temporary folder with a list file of their names, for one tesseract run. */
async function withFiles<T>(images: GrayImage[], use: (list: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "ocr-"));
  try {
    const names = images.map((_, k) => path.join(dir, `${k}.pgm`));
    // One at a time: a report's pages are tens of megabytes of pixels.
    for (const [k, image] of images.entries()) await writePgm(names[k], image);
    await writeFile(path.join(dir, "list.txt"), `${names.join("\n")}\n`);
    return await use(path.join(dir, "list.txt"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Several images read in one tesseract process (a list file), one page each: the model is loaded
 * once, which on a page's worth of strips costs more than reading them. `whitelist`: figures only
 * (ocr-digits.ts) — the model cannot answer with letters or CJK characters that look like digits.
 * `dpi`: the images' resolution (a PGM carries none; without it tesseract guesses from the text).
 * `--psm 6`: each image is one block of text lines.
 */
export async function recognizeMany(
  images: GrayImage[],
  lang: "eng" | "chi_sim",
  { whitelist, dpi }: { whitelist?: string; dpi?: number } = {},
): Promise<OcrPage[]> {
  if (!images.length) return [];
  const args = ["stdout", "-l", lang, "--psm", "6", ...FAST, "-c", "hocr_char_boxes=1"];
  if (dpi) args.push("--dpi", String(dpi));
  if (whitelist) args.push("-c", `tessedit_char_whitelist=${whitelist}`);
  args.push("hocr");
  const out = await withFiles(images, (list) => run("tesseract", [list, ...args], { timeoutMs: 120_000 }));
  const pages = parseHocrPages(out.toString("utf8"));
  if (pages.length !== images.length) throw new Error(`tesseract read ${pages.length} of ${images.length} images`);
  return pages;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const unescapeXml = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]);

export function parseHocr(hocr: string): OcrPage {
  return parseHocrPages(hocr)[0] ?? { width: 0, height: 0, words: [] };
}

/** hOCR of one or more pages (a list file's images) → a page each, in order. */
export function parseHocrPages(hocr: string): OcrPage[] {
  const pages: OcrPage[] = [];
  let words: OcrWord[] = [];
  let line = "";
  const re = /class='(ocr_page|ocr_line|ocr_header|ocr_caption|ocr_textfloat|ocrx_word|ocrx_cinfo)'[^>]*?title=(["'])(.*?)\2[^>]*>([^<]*)/g;
  for (const m of hocr.matchAll(re)) {
    const [, cls, , title, text] = m;
    const box = /bbox (\d+) (\d+) (\d+) (\d+)/.exec(title)?.slice(1).map(Number);
    if (cls === "ocr_page" && box) {
      words = [];
      pages.push({ width: box[2], height: box[3], words });
    } else if (cls === "ocrx_word" && box) {
      const conf = Number(/x_wconf (\d+)/.exec(title)?.[1] ?? 0);
      words.push({ text: "", conf, x0: box[0], y0: box[1], x1: box[2], y1: box[3], line, chars: [] });
    } else if (cls === "ocrx_cinfo") {
      const w = words[words.length - 1];
      const cb = /x_bboxes (\d+) (\d+) (\d+) (\d+)/.exec(title)?.slice(1).map(Number);
      const conf = Number(/x_conf ([\d.]+)/.exec(title)?.[1] ?? 0);
      const ch = unescapeXml(text);
      if (w && cb && ch.trim()) {
        w.text += ch;
        w.chars!.push({ text: ch, x0: cb[0], x1: cb[2], conf });
      }
    } else if (box) line = `${m.index}`;
  }
  for (const p of pages) p.words = p.words.filter((w) => w.text.trim());
  return pages;
}

/**
 * How far a page is turned, by tesseract's orientation detection: 0, 90, 180 or 270 degrees
 * clockwise. 0 when it cannot tell (too little text).
 */
export async function orientation(image: Buffer): Promise<number> {
  try {
    const out = (await run("tesseract", ["stdin", "stdout", "--psm", "0"], { input: image })).toString("utf8");
    const rotate = Number(/Rotate:\s*(\d+)/.exec(out)?.[1] ?? 0);
    const confidence = Number(/Orientation confidence:\s*([\d.]+)/.exec(out)?.[1] ?? 0);
    return confidence >= 2 ? rotate : 0;
  } catch (e) {
    if (e instanceof OcrUnavailable) throw e;
    return 0; // "Too few characters": nothing to turn
  }
}

/**
 * An image-only PDF's pages as grayscale pixels at `dpi`, at most `maxPages`. pdftoppm writes raw
 * PGM, read here as it is: encoding PNG (its own writer, or sharp's) and decoding it again cost
 * more CPU on a page than rendering it.
 */
export async function rasterizePdfGray(bytes: Uint8Array, dpi: number, maxPages: number): Promise<GrayImage[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "scan-"));
  try {
    await run("pdftoppm", ["-r", String(dpi), "-gray", "-l", String(maxPages), "-", path.join(dir, "p")], {
      input: Buffer.from(bytes),
      timeoutMs: 120_000,
    });
    const files = (await readdir(dir)).filter((f) => f.endsWith(".pgm")).sort((a, b) => pageNo(a) - pageNo(b));
    const pages: GrayImage[] = [];
    // One at a time: a page's raw pixels are 4 MB at 200 dpi.
    for (const f of files) pages.push(readPgm(await readFile(path.join(dir, f))));
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A binary PGM (P5, 8-bit). */
function readPgm(pgm: Buffer): GrayImage {
  const head = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 100).toString("latin1"));
  if (head?.[3] !== "255") throw new Error("pdftoppm wrote an unexpected image");
  const [width, height] = [Number(head[1]), Number(head[2])];
  return { data: new Uint8Array(pgm.buffer, pgm.byteOffset + head[0].length, width * height), width, height };
}

const pageNo = (f: string) => Number(/-(\d+)\.pgm$/.exec(f)?.[1] ?? 0);

/** Whether the engine is installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng poppler-utils). */
export async function ocrAvailable(): Promise<boolean> {
  try {
    const langs = (await run("tesseract", ["--list-langs"])).toString();
    await run("pdftoppm", ["-v"]);
    const list = langs.split(/\s+/);
    return list.includes("chi_sim") && list.includes("eng");
  } catch {
    return false;
  }
}
