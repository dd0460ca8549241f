/**
 * OCR words → the printed lines the one reader reads (layout.ts), as pdf.ts does with a PDF's text
 * items: rows by vertical position, cells by horizontal gaps. Pure.
 *
 * A scan or a photo is turned a little: the skew is measured from tesseract's own text lines and
 * the word boxes are turned back before rows are formed, so a row stays one row across the page.
 * Every piece keeps its page, its box (as fractions of the page, so any rendering of the page can
 * outline it) and its lowest word confidence. A figure read with low confidence, or with a letter
 * among its digits (`7o`, `1l`), is marked doubtful: the tokenizer keeps it as a value so the row
 * keeps its shape, and the aligner lists its cell as unread instead of storing it.
 */
import type { OcrBox, SourceLoc } from "./document";
import { splitNumberRuns, type Piece, type PlacedLine } from "./layout";
import type { OcrPage, OcrWord } from "./ocr-engine";

/**
 * Below this confidence (0–100) a figure is not trusted in a row that no identity checks (表二).
 * Rows with an identity (表三's row total, 表四's group totals) accept down to DIGIT_CONFIDENCE_
 * CHECKED: a misread figure there breaks the identity and the row is listed (match.ts).
 */
export const DIGIT_CONFIDENCE = 80;
export const DIGIT_CONFIDENCE_CHECKED = 70;
/**
 * A figure two models read alike, together this sure (ocr-cells.ts `decideFigure`), is trusted
 * even where its row's identity fails: the report misprinted the row.
 */
export const OCR_CERTAIN = 98;
/** Words further apart than this many text heights are two cells. */
const CELL_GAP = 0.9;
/** Word centres closer than this many text heights vertically are on one line. */
const LINE_TOLERANCE = 0.5;

/** Characters that are digits, separators, or letters tesseract confuses with digits. */
const FIGURE_LIKE = /^[\d.,，．\-+oOlI|SBZ]+$/;
const ENUMERATOR = /^[“"(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、．)）]?$/;
const DIGITS_ONLY = /^[-+]?\d+(?:[.,]\d+)*$/;
/** Table rules and speckle read as characters: no text of ours is only these. */
const JUNK = /^[|｜[\]【】_~`'"“”‘’^=:;：；,，.。·、!！?？<>《》「」『』()（）{}\\]+$/;
/** A printed blank (`/`, `—`); a faint one is as likely a speck or a rule. */
const DASH_LIKE = /^[/／—\-－–]+$/;

export interface PlacedWord {
  text: string;
  conf: number;
  /** Deskewed position, pixels. */
  x0: number;
  x1: number;
  cy: number;
  h: number;
  /** Original box. */
  box: OcrWord;
}

/** The page's skew as a slope (dy/dx), the median over tesseract's lines that span several words. */
export function measureSkew(page: OcrPage): number {
  const lines = new Map<string, OcrWord[]>();
  for (const w of page.words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const slopes: number[] = [];
  for (const ws of lines.values()) {
    if (ws.length < 2) continue;
    const pts = ws.map((w) => ({ x: (w.x0 + w.x1) / 2, y: (w.y0 + w.y1) / 2, h: w.y1 - w.y0 }));
    const span = Math.max(...pts.map((p) => p.x)) - Math.min(...pts.map((p) => p.x));
    if (span < page.width * 0.2) continue;
    const mx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
    const my = pts.reduce((a, p) => a + p.y, 0) / pts.length;
    const sxx = pts.reduce((a, p) => a + (p.x - mx) ** 2, 0);
    const sxy = pts.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
    if (sxx > 0) slopes.push(sxy / sxx);
  }
  if (slopes.length < 3) return 0;
  slopes.sort((a, b) => a - b);
  return slopes[Math.floor(slopes.length / 2)];
}

/** Words turned back by the page's skew, junk dropped. */
export function placeWords(page: OcrPage): PlacedWord[] {
  const slope = measureSkew(page);
  const angle = Math.atan(slope);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return page.words
    .filter((w) => {
      const t = w.text.replace(/\s+/g, "");
      return !JUNK.test(t) && !(DASH_LIKE.test(t) && w.conf < DIGIT_CONFIDENCE);
    })
    .map((w) => {
      const cx = (w.x0 + w.x1) / 2;
      const cy = (w.y0 + w.y1) / 2;
      // Rotate the centre by -angle; the box keeps its width.
      const rx = cx * cos + cy * sin;
      const ry = -cx * sin + cy * cos;
      const half = (w.x1 - w.x0) / 2;
      return { text: w.text.replace(/\s+/g, ""), conf: w.conf, x0: rx - half, x1: rx + half, cy: ry, h: w.y1 - w.y0, box: w };
    });
}

const isFigureLike = (t: string) => FIGURE_LIKE.test(t) && /\d/.test(t);

/** Whether a piece's text is a figure that cannot be trusted as read. */
export function doubtful(text: string, conf: number): boolean {
  if (!isFigureLike(text)) return false;
  return conf < DIGIT_CONFIDENCE_CHECKED || !DIGITS_ONLY.test(text);
}

function boxOf(words: PlacedWord[], page: OcrPage): OcrBox {
  const r = (v: number, d: number) => Math.round((v / d) * 10000) / 10000;
  const x0 = Math.min(...words.map((w) => w.box.x0));
  const y0 = Math.min(...words.map((w) => w.box.y0));
  const x1 = Math.max(...words.map((w) => w.box.x1));
  const y1 = Math.max(...words.map((w) => w.box.y1));
  return [r(x0, page.width), r(y0, page.height), r(x1, page.width), r(y1, page.height)];
}

/** One page's words → lines top to bottom, each line's words → pieces (cells) left to right. */
export function ocrPageLines(page: OcrPage, pageNo: number): PlacedLine[] {
  const words = placeWords(page);
  if (!words.length) return [];
  const heights = words
    .filter((w) => /[\u4e00-\u9fff]/.test(w.text))
    .map((w) => w.h)
    .sort((a, b) => a - b);
  const em = heights[Math.floor(heights.length / 2)] || 20;
  const sorted = [...words].sort((a, b) => a.cy - b.cy || a.x0 - b.x0);
  const rows: PlacedWord[][] = [];
  for (const w of sorted) {
    const row = rows[rows.length - 1];
    const cy = row ? row.reduce((a, x) => a + x.cy, 0) / row.length : 0;
    if (row && Math.abs(cy - w.cy) <= LINE_TOLERANCE * em) row.push(w);
    else rows.push([w]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x0 - b.x0);
    const groups: PlacedWord[][] = [];
    for (const w of row) {
      const g = groups[groups.length - 1];
      const prev = g?.[g.length - 1];
      const gap = prev ? w.x0 - prev.x1 : Infinity;
      // Two figures are two cells unless they touch: digits of one number are never far apart.
      // An enumerator (`5.`, `（三`) belongs to the label after it, a little further off.
      const figures = prev && isFigureLike(prev.text) && isFigureLike(w.text);
      const enumerator = prev && ENUMERATOR.test(prev.text) && g.length === 1 && /^[\u4e00-\u9fff“"]/.test(w.text);
      if (g && gap <= (figures ? 0.25 : enumerator ? 2.5 : CELL_GAP) * em) g.push(w);
      else groups.push([w]);
    }
    const texts = groups.map((g) =>
      g.map((w, i) => (i && g[i].x0 - g[i - 1].x1 > 0.25 * em && !isFigureLike(w.text) ? " " : "") + w.text).join(""),
    );
    const pieces: Piece[] = groups.map((g, k) => {
      const text = k === 0 ? normalizeEnumerator(texts[k]) : texts[k];
      const conf = Math.min(...g.map((w) => w.conf));
      // A short unsure "word" between two figures is a figure misread as a character (4 → 人).
      const between = k > 0 && k < groups.length - 1 && isFigureLike(texts[k - 1]) && isFigureLike(texts[k + 1]);
      const doubt = doubtful(text, conf) || (between && text.length <= 2 && !isFigureLike(text) && conf < DIGIT_CONFIDENCE);
      const loc: SourceLoc = { page: pageNo, ocr: { box: boxOf(g, page), conf: Math.round(conf), ...(doubt ? { doubt: true } : {}) } };
      return { text, x0: g[0].x0, x1: g[g.length - 1].x1, loc };
    });
    // The line itself is OCR too (a label read as a line of text carries where it was read).
    const lineLoc: SourceLoc = { page: pageNo, ocr: { box: boxOf(row, page), conf: Math.round(Math.min(...row.map((w) => w.conf))) } };
    return { pieces: splitNumberRuns(pieces), loc: lineLoc };
  });
}

/**
 * OCR drops or changes the punctuation of row enumerators (`(一 予以公开`, `一 本年新收`,
 * `4保护`, `-、本年新收`); restored at the start of a line, where the tokenizer looks for them.
 */
export function normalizeEnumerator(text: string): string {
  return (
    text
      // `一` read as a dash: only before its `、`, so a printed blank (`-`) stays one.
      .replace(/^[-—－–_]\s*、\s*(?=[\u4e00-\u9fff]{2})/, "一、")
      .replace(/^[(（〈]\s*([一二三四五六七八九十]{1,2})\s*[)）〉]?\s*(?=[\u4e00-\u9fff])/, "（$1）")
      .replace(/^([一二三四五六七八九十])\s*[、.,，]?\s*(?=[\u4e00-\u9fff]{2})/, "$1、")
      .replace(/^(\d{1,2})\s*[.、．,，]?\s*(?=[\u4e00-\u9fff]{2})/, "$1.")
  );
}

/**
 * A label's stray `/`, `|` or dash at its ends (`总计人/`, `总计所-`: a header cell tight against its
 * rules) is not a printed blank beside it: a blank is a cell of its own. Left on, the reader took
 * it for one more cell of the row below the header.
 */
export function trimRuleMarks(text: string): string {
  if (!/[\u4e00-\u9fff]/.test(text)) return text;
  const trimmed = text.replace(/^[/／|｜\\]+|(?<=[\u4e00-\u9fff])[/／|｜\\\-—－]+$/g, "");
  return trimmed || text;
}
