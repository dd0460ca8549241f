/**
 * Text laid out by position — `pdftotext -layout` output, and the lines pdf.ts rebuilds from a PDF's
 * text items — read into the common document model.
 *
 * A printed line is a list of pieces, each with its horizontal extent; pieces are cells (columns
 * are separated by a wide gap). Outside 表三 each line is one row. 表三 needs more: its row labels
 * wrap over several lines (the values sit on one of them, or on a line of their own between two
 * label fragments), and its group labels (三、本年度办理结果, （三）不予公开 …) are printed down a
 * left column, even one character per line. So in 表三 the label fragments are first joined into
 * labels by column and by the template's label texts, then each line of values gets the label
 * that wraps around it; group labels go in front of the first row they stand beside.
 */
import { matchT3Group, normalizeLabel, startsWithEnumerator, t3LabelFit } from "../report/labels";
import { parseValue } from "../report/values";
import { documentText, PAGE_FOOTER, type DocCell, type DocLine, type SourceDocument, type SourceLoc } from "./document";

export interface Piece {
  text: string;
  /** Left and right edge, in the units of the source (character columns, or PDF points). */
  x0: number;
  x1: number;
  loc: SourceLoc;
}

export interface PlacedLine {
  pieces: Piece[];
  loc: SourceLoc;
}

export interface Geometry {
  /** How far apart the left edges of two fragments of one wrapped label may be. */
  columnTolerance: number;
}

/** Label fragments further apart than this many printed lines are never one label. */
const MAX_LINE_GAP = 3;

/** `pdftotext -layout` text: several lines whose words are separated by runs of spaces, no pipes. */
export function looksLikeLayout(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  const piped = lines.filter((l) => l.includes("|")).length;
  const spaced = lines.filter((l) => /\S {2,}\S/.test(l.trim())).length;
  return spaced >= 5 && piped * 10 < spaced;
}

export function readLayout(text: string): SourceDocument {
  const placed: PlacedLine[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const loc = { line: i + 1 };
      const line = raw.replace(/\t/g, "    ").replace(/\f/g, "");
      const pieces: Piece[] = [];
      for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
        pieces.push({ text: m[0], x0: m.index, x1: m.index + m[0].length, loc });
      }
      if (pieces.length) placed.push({ pieces: splitNumberRuns(pieces), loc });
    });
  const lines = placedLinesToDoc(placed, { columnTolerance: 4 });
  return { kind: "layout", lines, text: documentText(lines) };
}

/**
 * A piece that is only numbers separated by single spaces (`0 0 0`) is several cells: the gap
 * between two narrow columns can shrink to one space. Never read `1 0` as ten.
 */
export function splitNumberRuns(pieces: Piece[]): Piece[] {
  return pieces.flatMap((p) => {
    const tokens = [...p.text.matchAll(/\S+/g)];
    if (tokens.length < 2 || !tokens.every((t) => isNumber(t[0]))) return [p];
    const unit = (p.x1 - p.x0) / p.text.length;
    return tokens.map((t) => ({ text: t[0], x0: p.x0 + t.index * unit, x1: p.x0 + (t.index + t[0].length) * unit, loc: p.loc }));
  });
}

const isNumber = (s: string) => {
  const v = parseValue(s);
  return v.kind === "value" && v.value !== null;
};
const isValue = (s: string) => parseValue(s).kind === "value";

type Region = "t3" | undefined;

function headingRegion(text: string, current: Region): Region {
  const t = normalizeLabel(text);
  if (/^三\.收到和处理政府信息公开申请/.test(t)) return "t3";
  // Not 二、/四、 alone: 二、上年结转… and 四、结转下年度… are rows of 表三 itself.
  if (/^二\.主动公开|^四\.政府信息公开行政复议|^[五六七八]\./.test(t)) return undefined;
  return current;
}

const isT3HeaderPiece = (text: string) => {
  const t = normalizeLabel(text);
  return t === "申请人情况" || t.includes("勾稽关系");
};
const isT4HeaderPiece = (text: string) => {
  const t = normalizeLabel(text);
  return t === "行政复议" || t === "行政诉讼";
};

/** Positioned lines → document lines: one row per line, except in 表三 (see the file comment). */
export function placedLinesToDoc(placed: PlacedLine[], geometry: Geometry): DocLine[] {
  const out: DocLine[] = [];
  let region: Region;
  let t3Lines: PlacedLine[] = [];
  const flushT3 = () => {
    out.push(...assembleT3(t3Lines, geometry));
    t3Lines = [];
  };

  for (const line of placed) {
    if (line.pieces.length === 1 && PAGE_FOOTER.test(line.pieces[0].text.trim())) continue;
    const single = line.pieces.length === 1 ? line.pieces[0].text : undefined;
    let next = single !== undefined ? headingRegion(single, region) : region;
    if (line.pieces.some((p) => isT3HeaderPiece(p.text))) next = "t3";
    if (line.pieces.some((p) => isT4HeaderPiece(p.text))) next = undefined;
    if (region === "t3" && next !== "t3") flushT3();
    region = next;
    if (region === "t3" && !(single !== undefined && headingRegion(single, undefined) === "t3")) {
      t3Lines.push(line);
      continue;
    }
    out.push(lineToDoc(line));
  }
  if (region === "t3") flushT3();
  return out;
}

function lineToDoc(line: PlacedLine): DocLine {
  // One piece ending in digits may be a row whose cells ran together (行政规范性文件8855698).
  const single = line.pieces.length === 1 && !/[^\d\s]\d+$/.test(line.pieces[0].text);
  if (single) return { kind: "text", text: line.pieces[0].text, loc: line.loc };
  return { kind: "row", loc: line.loc, cells: line.pieces.map((p) => ({ text: p.text, loc: p.loc })) };
}

interface Block {
  pieces: Piece[];
  first: number;
  last: number;
  x0: number;
  text: string;
  /** The values line this block labels. */
  anchor?: number;
}

interface Analysed {
  line: PlacedLine;
  labels: Piece[];
  values: Piece[];
}

/** 表三: join wrapped label fragments and give each line of values its labels. */
function assembleT3(lines: PlacedLine[], geometry: Geometry): DocLine[] {
  const analysed: Analysed[] = lines.map((line) => {
    let cut = line.pieces.length;
    while (cut > 0 && isValue(line.pieces[cut - 1].text)) cut--;
    return { line, labels: line.pieces.slice(0, cut), values: line.pieces.slice(cut) };
  });
  // The header: every line before the first line of values or of an enumerated label.
  const firstData = analysed.findIndex((a) => a.values.length > 0 || a.labels.some((p) => startsWithEnumerator(p.text)));
  const headerEnd = firstData < 0 ? analysed.length : firstData;
  const out: DocLine[] = analysed.slice(0, headerEnd).map((a) => lineToDoc(a.line));
  const body = analysed.slice(headerEnd);

  // 1. Label fragments → labels, by column and line distance, refusing joins the template rules out.
  const blocks: Block[] = [];
  const blockOf = new Map<Piece, Block>();
  body.forEach((a, i) => {
    for (const p of a.labels) {
      const open = blocks
        .filter(
          (b) =>
            b.last < i &&
            i - b.last <= MAX_LINE_GAP &&
            Math.abs(b.x0 - p.x0) <= geometry.columnTolerance &&
            !startsWithEnumerator(p.text) &&
            (t3LabelFit(b.text) !== "complete" || t3LabelFit(b.text + p.text) !== "none"),
        )
        .sort((b1, b2) => Math.abs(b1.x0 - p.x0) - Math.abs(b2.x0 - p.x0) || b2.last - b1.last)[0];
      if (open && !(open.anchor !== undefined && a.values.length > 0 && open.anchor !== i)) {
        open.pieces.push(p);
        open.last = i;
        open.text += p.text;
        blockOf.set(p, open);
      } else {
        const b: Block = { pieces: [p], first: i, last: i, x0: p.x0, text: p.text };
        blocks.push(b);
        blockOf.set(p, b);
      }
    }
    // The rightmost label on a line of values is that row's label.
    const own = a.labels[a.labels.length - 1];
    if (a.values.length > 0 && own) blockOf.get(own)!.anchor ??= i;
  });

  // 2. A line of values with no label of its own: the label wrapping around it, or just above it.
  body.forEach((a, i) => {
    if (a.values.length === 0 || a.labels.length > 0) return;
    const candidate = blocks
      .filter((b) => b.anchor === undefined && b.first < i && b.last >= i - MAX_LINE_GAP && t3LabelFit(b.text) !== "none")
      .filter((b) => !isGroupOnly(b.text))
      .sort((b1, b2) => b2.x0 - b1.x0)[0];
    if (candidate) candidate.anchor = i;
  });

  // 3. Group labels stand in front of the first row at or after their first line.
  const groupsAt = new Map<number, Block[]>();
  const standalone = new Map<number, DocLine>();
  for (const b of blocks) {
    if (b.anchor !== undefined) continue;
    const at = body.findIndex((a, i) => i >= b.first && a.values.length > 0);
    if (isGroupOnly(b.text) && at >= 0) {
      groupsAt.set(at, [...(groupsAt.get(at) ?? []), b]);
      continue;
    }
    const loc = b.pieces[0].loc;
    // A complete row label with no values: a row printed blank.
    standalone.set(
      b.first,
      t3LabelFit(b.text) === "complete" ? { kind: "row", loc, cells: [{ text: b.text, loc }] } : { kind: "text", text: b.text, loc },
    );
  }

  const byAnchor = new Map(blocks.filter((b) => b.anchor !== undefined).map((b) => [b.anchor!, b]));
  body.forEach((a, i) => {
    const s = standalone.get(i);
    if (s) out.push(s);
    if (a.values.length === 0) return;
    const label = byAnchor.get(i);
    const groups = (groupsAt.get(i) ?? []).sort((g1, g2) => g1.x0 - g2.x0);
    const cells: DocCell[] = [
      ...groups.map((g) => ({ text: g.text, loc: g.pieces[0].loc })),
      ...(label ? [{ text: label.text, loc: label.pieces[0].loc }] : []),
      ...a.values.map((v) => ({ text: v.text, loc: v.loc })),
    ];
    out.push({ kind: "row", loc: a.line.loc, cells });
  });
  return out;
}

/**
 * A 表三 group label (三、本年度办理结果, （三）不予公开 …). （六）其他处理 is also the label of the
 * single row of format 2019: with values beside it, it is the row's own label and never gets here.
 */
const isGroupOnly = (text: string) => matchT3Group(text) !== undefined;
