/**
 * A ruled page's OCR → lines, one per grid band (ocr-grid.ts), one piece per cell. Pure.
 *
 * Words inside the grid are put in their cells: a label wrapped onto two text lines is one piece, a
 * figure is one piece however its digits were spaced. Figure cells (ink, and no Chinese word in
 * them) are read again on their own (ocr-digits.ts) and a figure is stored only when two
 * independent reads agree on it: the page-wide Chinese pass, the digits-only English model and the
 * digits-only Chinese model on the cell's crop. Otherwise it is marked doubtful, keeping its cell's
 * box and the reads' confidence, so the reader lists it as unread. Words outside the grid (the
 * report's prose) are laid out as before (ocr-layout.ts).
 */
import type { OcrBox, SourceLoc } from "./document";
import type { PlacedLine } from "./layout";
import type { FigureRead, PixelBox } from "./ocr-digits";
import type { OcrPage, OcrWord } from "./ocr-engine";
import type { GridBand } from "./ocr-grid";
import { normalizeEnumerator, ocrPageLines, trimRuleMarks } from "./ocr-layout";

export interface FigureCell {
  band: number;
  cell: number;
  /** The cell's ink, page pixels. */
  ink: PixelBox;
  /** What the page-wide pass read there. */
  page: FigureRead;
}

export interface FigureDecision {
  text: string;
  conf: number;
  doubt: boolean;
}

const CJK = /[\u4e00-\u9fff]/;
const CJK_ALL = /[\u4e00-\u9fff]/g;
/** The digits-only English read at least this sure (0–100), the read agreeing with it SECOND_CONF. */
const MIN_CONF = 60;
const SECOND_CONF = 30;
const ALL_CONF = 45;
const FIGURE = /^\d+(?:\.\d+)?$/;
const BLANK = /^[-/—－–／]+$/;

const centre = (w: OcrWord) => ({ x: (w.x0 + w.x1) / 2, y: (w.y0 + w.y1) / 2 });

/** Which band and cell a word's centre is in; -1 when outside the grid. */
export function placeInGrid(words: OcrWord[], bands: GridBand[]): { band: number; cell: number }[] {
  return words.map((w) => {
    const c = centre(w);
    const b = bands.findIndex(
      (band) => c.y > band.y0 && c.y < band.y1 && c.x > band.cells[0].x0 && c.x < band.cells[band.cells.length - 1].x1,
    );
    if (b < 0) return { band: -1, cell: -1 };
    const cells = bands[b].cells;
    let cell = cells.findIndex((k) => c.x >= k.x0 && c.x < k.x1);
    // Between two cells that were too narrow to keep: the nearest one.
    if (cell < 0)
      cell = cells.reduce(
        (best, k, i) => (Math.abs((k.x0 + k.x1) / 2 - c.x) < Math.abs((cells[best].x0 + cells[best].x1) / 2 - c.x) ? i : best),
        0,
      );
    return { band: b, cell };
  });
}

/**
 * The cells to read as figures: with ink, and no Chinese in what the page pass read there (a
 * single character is a figure misread, `0` → `口`; a header or label has two or more).
 */
export function figureCells(words: OcrWord[], bands: GridBand[], ink: (box: PixelBox) => PixelBox | null): FigureCell[] {
  const where = placeInGrid(words, bands);
  const out: FigureCell[] = [];
  for (const [b, band] of bands.entries()) {
    // A band of one cell is a heading (第二十条第（五）项) or a page number below a table, never a row.
    if (band.cells.length < 2) continue;
    for (const [c, cell] of band.cells.entries()) {
      const inCell = words.filter((_, i) => where[i].band === b && where[i].cell === c);
      const text = inCell.map((w) => w.text).join("");
      // One character, however sure, is still read as a figure: in a printed table's last column
      // the page pass read `7` as `了` and `1` as `上` at high confidence. Its crop is read again,
      // and two models must agree on a figure; a real one-character label finds none and stays.
      if ((text.match(CJK_ALL) ?? []).length >= 2) continue;
      const box = ink({ x0: cell.x0, x1: cell.x1, y0: band.y0, y1: band.y1 });
      if (!box) continue;
      const conf = inCell.length ? Math.min(...inCell.map((w) => w.conf)) : 0;
      out.push({ band: b, cell: c, ink: box, page: { text: text.replace(/\s+/g, ""), conf } });
    }
  }
  return out;
}

/** A figure cell's reads: the page-wide Chinese pass, and the digits-only crops by each model. */
export interface FigureReads {
  page: FigureRead;
  /** English model, digits only: at the strip's text height, then larger where still open. */
  eng: FigureRead[];
  /** Chinese model, digits only, on the same crops (only where the first reads left it open). */
  chi: FigureRead[];
  /** The ink's shape (a lone `1`): an opinion neither model gave. */
  shape?: FigureRead;
}

/**
 * A crop read this sure of another figure vetoes a figure the others agree on; the page pass, which
 * reads figures worst (a rule remnant joins them: `4` as `14`), only when surer still.
 */
const DISSENT_CONF = 50;
const PAGE_DISSENT_CONF = 85;

/**
 * A figure only where the two models agree: the English model's digits read sure (MIN_CONF), and
 * a Chinese read — the page pass or the Chinese model on the crop — giving the same text
 * (SECOND_CONF); or both models and a third read agreeing, none unsure (ALL_CONF). Not when a sure
 * read says another figure: tesseract's models are sometimes sure and wrong (`72` read as `92` at
 * 80 %). The one exception is a lone Chinese crop read outvoted by three sure reads that include
 * both English ones (the Chinese model reads a `6` as `0` at 85 % now and then). A printed blank
 * where two reads see only a dash or slash. Otherwise doubtful; null when no read sees a figure
 * (the ink is a stroke of a label, not a figure).
 */
export function decideFigure({ page, eng, chi: crops, shape }: FigureReads): FigureDecision | null {
  // The shape's opinion counts as the Chinese model's would: another read than the English one.
  const chi = shape?.text ? [...crops, shape] : crops;
  const all = [page, ...eng, ...chi];
  const figureish = (r: FigureRead) => /\d/.test(r.text) && r.conf >= 30;
  if (![...eng, ...chi].some((r) => r.text) || !all.some(figureish)) return null;
  const chinese = [page, ...chi];
  for (const text of new Set(eng.map((r) => r.text).filter((t) => FIGURE.test(t)))) {
    const best = (rs: FigureRead[]) => Math.max(0, ...rs.filter((r) => r.text === text).map((r) => r.conf));
    const e = best(eng);
    const c = best(chinese);
    const agreeing = all.filter((r) => r.text === text && r.conf >= ALL_CONF);
    const sure = (e >= MIN_CONF && c >= SECOND_CONF) || (e >= ALL_CONF && c >= ALL_CONF && agreeing.length >= 3);
    const other = (r: FigureRead) => r.text !== text && FIGURE.test(r.text);
    const dissent = [
      ...eng.filter((r) => other(r) && r.conf >= DISSENT_CONF),
      ...(other(page) && page.conf >= PAGE_DISSENT_CONF ? [page] : []),
    ];
    const chiDissent = chi.filter((r) => other(r) && r.conf >= DISSENT_CONF);
    const outvoted =
      chiDissent.length <= 1 && eng.length >= 2 && eng.every((r) => r.text === text && r.conf >= MIN_CONF) && agreeing.length >= 3;
    // Independent reads agreeing are wrong only if both are: 1 − (1 − e)(1 − c).
    if (sure && !dissent.length && (!chiDissent.length || outvoted))
      return { text, conf: Math.round(100 * (1 - (1 - e / 100) * (1 - c / 100))), doubt: false };
  }
  const blanks = [page, eng[0], chi[0]].filter((r) => r && BLANK.test(r.text));
  if (blanks.length >= 2) return { text: "—", conf: Math.round(Math.min(...blanks.map((r) => r.conf))), doubt: false };
  const shown = [...eng, ...chi, page].find((r) => /\d/.test(r.text))?.text ?? "?";
  return { text: shown, conf: Math.round(Math.min(...[...eng, ...chi].map((r) => r.conf))), doubt: true };
}

function fraction(b: PixelBox, page: OcrPage): OcrBox {
  const r = (v: number, d: number) => Math.round((v / d) * 10000) / 10000;
  return [r(b.x0, page.width), r(b.y0, page.height), r(b.x1, page.width), r(b.y1, page.height)];
}

/** Words of one text cell as one piece of text: its lines top to bottom, each left to right. */
export function cellText(words: OcrWord[]): string {
  // Tesseract's own text lines: a tall bracket or a character it boxed with its neighbour's
  // height sits off its line's centre and, grouped by centre, would land in the line below.
  const byLine = new Map<string, OcrWord[]>();
  for (const w of words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const mid = (l: OcrWord[]) => l.reduce((a, w) => a + centre(w).y, 0) / l.length;
  const lines = [...byLine.values()].sort((a, b) => mid(a) - mid(b));
  return lines
    .map((l) =>
      l
        .sort((a, b) => a.x0 - b.x0)
        .map((w) => w.text.replace(/\s+/g, ""))
        .join(""),
    )
    .join("");
}

/**
 * One page's lines, top to bottom: a line per grid band with a piece per cell (the decided figure,
 * or the cell's words), and the words outside the grid laid out as text.
 */
export function gridPageLines(
  page: OcrPage,
  bands: GridBand[],
  figures: { cell: FigureCell; decision: FigureDecision | null }[],
  pageNo: number,
  /** Text cells read again on their own, by `band:cell`. */
  reread: Map<string, { text: string; conf: number }> = new Map(),
): PlacedLine[] {
  const where = placeInGrid(page.words, bands);
  const outside = page.words.filter((_, i) => where[i].band < 0);
  const lines: { y: number; line: PlacedLine }[] = ocrPageLines({ ...page, words: outside }, pageNo).map((line) => ({
    y: (line.loc.ocr?.box[1] ?? 0) * page.height,
    line: proseLine(line),
  }));
  const figureAt = new Map(figures.flatMap((f) => (f.decision ? [[`${f.cell.band}:${f.cell.cell}`, { ...f, decision: f.decision }]] : [])));
  for (const [b, band] of bands.entries()) {
    const pieces: PlacedLine["pieces"] = [];
    const firstFigure = band.cells.findIndex((_, c) => figureAt.has(`${b}:${c}`));
    for (const [c, cell] of band.cells.entries()) {
      const f = figureAt.get(`${b}:${c}`);
      const words = page.words.filter((_, i) => where[i].band === b && where[i].cell === c);
      if (!f && firstFigure >= 0 && c > firstFigure && !words.length) {
        // A cell among a row's figures that looks blank may hold a figure too faint to see: the
        // reader must not place a blank there by arithmetic. Doubtful, so it is listed.
        const box = { x0: cell.x0, y0: band.y0, x1: cell.x1, y1: band.y1 };
        pieces.push({
          text: "?",
          x0: cell.x0 + 1,
          x1: cell.x1 - 1,
          loc: { page: pageNo, ocr: { box: fraction(box, page), conf: 0, doubt: true } },
        });
        continue;
      }
      if (f) {
        const d = f.decision;
        const loc: SourceLoc = {
          page: pageNo,
          ocr: { box: fraction(f.cell.ink, page), conf: d.conf, ...(d.doubt ? { doubt: true } : { agreed: true }) },
        };
        pieces.push({ text: d.text, x0: f.cell.ink.x0, x1: f.cell.ink.x1, loc });
        continue;
      }
      if (!words.length) continue;
      const box = {
        x0: Math.min(...words.map((w) => w.x0)),
        y0: Math.min(...words.map((w) => w.y0)),
        x1: Math.max(...words.map((w) => w.x1)),
        y1: Math.max(...words.map((w) => w.y1)),
      };
      const again = reread.get(`${b}:${c}`);
      const conf = again?.conf ?? Math.round(Math.min(...words.map((w) => w.conf)));
      pieces.push({
        text: normalizeEnumerator(trimRuleMarks(again?.text ?? cellText(words))),
        x0: Math.max(box.x0, cell.x0),
        x1: Math.min(box.x1, cell.x1),
        loc: { page: pageNo, ocr: { box: fraction(box, page), conf } },
      });
    }
    if (!pieces.length) continue;
    const all = { x0: band.cells[0].x0, y0: band.y0, x1: band.cells[band.cells.length - 1].x1, y1: band.y1 };
    const conf = Math.min(...pieces.map((p) => p.loc.ocr?.conf ?? 0));
    lines.push({ y: band.y0, line: { pieces, loc: { page: pageNo, ocr: { box: fraction(all, page), conf } } } });
  }
  return lines.sort((a, b) => a.y - b.y).map((l) => l.line);
}

/** Text cells whose page-pass words are unsure: worth reading again on their own. */
export function unsureTextCells(words: OcrWord[], bands: GridBand[], figures: Set<string>): { key: string; box: PixelBox }[] {
  const where = placeInGrid(words, bands);
  const out: { key: string; box: PixelBox }[] = [];
  for (const [b, band] of bands.entries()) {
    // Only the labels of rows with figures: a garbled header costs nothing, a garbled row name a row.
    if (!band.cells.some((_, c) => figures.has(`${b}:${c}`))) continue;
    for (const [c, cell] of band.cells.entries()) {
      const key = `${b}:${c}`;
      if (figures.has(key)) continue;
      const inCell = words.filter((_, i) => where[i].band === b && where[i].cell === c);
      if (!inCell.some((w) => CJK.test(w.text)) || Math.min(...inCell.map((w) => w.conf)) >= 60) continue;
      out.push({ key, box: { x0: cell.x0 + 3, y0: band.y0 + 3, x1: cell.x1 - 3, y1: band.y1 - 3 } });
    }
  }
  return out;
}

const meanConf = (ws: OcrWord[]) => (ws.length ? ws.reduce((a, w) => a + w.conf, 0) / ws.length : 0);

/** A cell's second reading replaces the first where it is surer on the whole. */
export function betterTexts(words: OcrWord[], bands: GridBand[], cells: { key: string }[], again: OcrWord[][]) {
  const where = placeInGrid(words, bands);
  const out = new Map<string, { text: string; conf: number }>();
  for (const [k, { key }] of cells.entries()) {
    const [b, c] = key.split(":").map(Number);
    const before = words.filter((_, i) => where[i].band === b && where[i].cell === c);
    const after = again[k] ?? [];
    // A label read again may not gain figures: a row head printed top to bottom, read on its
    // own, came back as `7一、开了八` and its `7` would be taken for the row's first figure.
    const gains = /\d/.test(cellText(after)) && !/\d/.test(cellText(before));
    if (after.length && !gains && meanConf(after) > meanConf(before))
      out.set(key, { text: cellText(after), conf: Math.round(Math.min(...after.map((w) => w.conf))) });
  }
  return out;
}

/**
 * A line outside the grid with no figure is prose or a heading: one piece, as a PDF's text line is.
 * Split at a dropped `、` (四 政府信息公开行政复议 | 行政诉讼情况), a heading would read as a row
 * and be taken for the continuation of the table above it.
 */
function proseLine(line: PlacedLine): PlacedLine {
  if (line.pieces.length < 2 || line.pieces.some((p) => /\d/.test(p.text))) return line;
  const first = line.pieces[0];
  const last = line.pieces[line.pieces.length - 1];
  const joined = line.pieces.map((p) => p.text).join("");
  const text = normalizeEnumerator(joined.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, ""));
  return { ...line, pieces: [{ text, x0: first.x0, x1: last.x1, loc: line.loc }] };
}
