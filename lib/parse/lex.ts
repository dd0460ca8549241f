/**
 * One cell cut into tokens: numbers (with units and thousands separators), printed blanks and
 * letter pieces, each with where it was read.
 */
import { skeleton } from "../report/labels";
import { parseValue } from "../report/values";
import type { DocCell, DocLine, SourceLoc } from "./document";
import { toSimplified } from "./simplified";
import type { GridPos, Tok } from "./tokens";

interface Cell {
  text: string;
  loc: SourceLoc;
  pos?: GridPos;
  /** Starts a new row (a table row, or a line of text). */
  row: boolean;
}

// A letter piece: text between values, with where it was read.
export interface Piece {
  kind: "letters";
  pos?: GridPos;
  text: string;
  loc: SourceLoc;
  paren: boolean;
  /** Index of the cell it belongs to. */
  cell: number;
  /** Opens its cell / closes its cell. */
  first: boolean;
  last: boolean;
}
export type Item = Piece | Exclude<Tok, { k: "label" } | { k: "text" }> | { kind: "sepMark"; row: boolean };

/** Characters the cell lexer looks at; everything between them is letters. */
const SPECIAL = /[\d+\-/／—–－\\(（无\s\u00a0\u3000]/g;
const YEAR_IN_PARENS = /[(（]\s*(?:19|20)\d{2}\s*年?\s*[)）]/g;
const SPACE = /[\s\u00a0\u3000]/;
const UNIT = /(?:万元|元|件|条|个|项|次)/y;
const NUMBER = /[-+]?\d+(?:,\d{3})*(?:\.\d+)?/y;
const ENUM_AFTER = /[.、．]\s*[\u4e00-\u9fff]/y;
const DASHES = new Set(["/", "／", "—", "–", "-", "－", "\\"]);
const CJK = /[\u4e00-\u9fff]/;
const DIGIT = /\d/;
export const ONLY_ENUMERATOR = /^[\s(（]*[一二三四五六七八九十]{1,3}[)）]?[\s、.．:：]*$/;

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const PLAIN_INTEGER = /^\s*(\d+)\s*$/;

function normalizeCell(text: string, simplify: boolean): string {
  // Most cells are plain figures: nothing to normalize.
  if (PLAIN_ASCII.test(text)) return text;
  let s = text.normalize("NFKC").replace(/[\u00a0\u3000]/g, " ");
  if (simplify) s = toSimplified(s);
  return s.includes("(") || s.includes("（") ? s.replace(YEAR_IN_PARENS, "") : s;
}

/** Lines and rows → cells. A text line is one cell; a row's cells follow each other. */
export function cellsOf(lines: DocLine[], simplify: boolean): Cell[] {
  const out: Cell[] = [];
  for (const line of lines) {
    if (line.kind === "text") out.push({ text: normalizeCell(line.text, simplify), loc: line.loc, row: true });
    else {
      // A grid column: the web page's own (merged cells expanded), else the cell's place in its row.
      const colOf = (c: DocCell, i: number) => (c.loc.col !== undefined ? c.loc.col - 1 : i);
      const width = line.cells.length ? colOf(line.cells[line.cells.length - 1], line.cells.length - 1) + 1 : 0;
      const at = out.length;
      line.cells.forEach((c, i) =>
        out.push({ text: normalizeCell(c.text, simplify), loc: c.loc, row: i === 0, pos: { line: at, col: colOf(c, i), width } }),
      );
    }
  }
  return out;
}

const MANY_NUMBERS = /^\s*[-+]?\d[\d.,]*(?:\s+[-+]?\d[\d.,]*)+\s*$/;

function numTok(raw: string, loc: SourceLoc, note?: string): Item {
  const v = parseValue(raw);
  if (v.kind !== "value") return { kind: "letters", text: raw, loc, paren: false, cell: -1, first: false, last: false };
  if (v.value === null) return { k: "blank", raw, loc };
  const digits = raw.replace(/\s+/g, "");
  return {
    k: "num",
    raw,
    value: v.value,
    ...((note ?? v.note) ? { note: note ?? v.note } : {}),
    loc,
    splittable: /^[-+]?\d{2,}$/.test(digits),
  };
}

/** One cell's text → values and letter pieces. */
export function lexCell(cell: Cell, index: number, out: Item[]) {
  const text = cell.text.trim();
  const loc = cell.loc;
  if (!text) {
    out.push({ k: "empty", loc, ...(cell.pos ? { pos: cell.pos } : {}) });
    return;
  }
  if (loc.ocr?.doubt) {
    // A figure OCR is unsure of: one value whatever its characters, so the row keeps its shape.
    const v = parseValue(text);
    const value = v.kind === "value" && v.value !== null ? v.value : 0;
    out.push({ k: "num", raw: text, value, loc, splittable: false, doubt: true, ...(cell.pos ? { pos: cell.pos } : {}) });
    return;
  }
  const int = PLAIN_INTEGER.exec(text);
  if (int) {
    const digits = int[1];
    out.push({ k: "num", raw: text, value: Number(digits), loc, splittable: digits.length >= 2, ...(cell.pos ? { pos: cell.pos } : {}) });
    return;
  }
  if (text.length <= 200 && MANY_NUMBERS.test(text)) {
    text.split(/\s+/).forEach((t, i) => {
      if (i) out.push({ kind: "sepMark", row: false });
      out.push(numTok(t, loc));
    });
    return;
  }
  // A whole cell that is a value (`1,234`, `22（其中修订16件）`, `/`); prose never is, and is long.
  if (text.length <= 40 && (DIGIT.test(text) || text.length <= 2) && parseValue(text).kind === "value") {
    const t = numTok(text, loc);
    if (cell.pos) (t as { pos?: GridPos }).pos = cell.pos;
    out.push(t);
    return;
  }
  const start = out.length;
  let i = 0;
  let letters = "";
  let lettersParen = false;
  const flush = () => {
    if (letters.trim()) out.push({ kind: "letters", text: letters, loc, paren: lettersParen, cell: index, first: false, last: false });
    letters = "";
    lettersParen = false;
  };
  while (i < text.length) {
    // Letters up to the next character that may start something else, in one step.
    SPECIAL.lastIndex = i;
    const sp = SPECIAL.exec(text);
    const j = sp ? sp.index : text.length;
    if (j > i) {
      letters += text.slice(i, j);
      i = j;
      if (i >= text.length) break;
    }
    const ch = text[i];
    const next = text[i + 1] ?? "";
    // A number, with its sign, thousands separators, decimals, unit and annotation.
    const signed = (ch === "-" || ch === "+") && /\d/.test(next) && !/[\d]/.test(text[i - 1] ?? "") ? 1 : 0;
    const startsNumber = /\d/.test(ch) || signed || ((ch === "-" || ch === "+") && /\d/.test(next));
    if (startsNumber) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text)!;
      let raw = m[0];
      let end = i + raw.length;
      // `2.其他…`: a digit before a dot and a Chinese character is the next row's enumerator.
      ENUM_AFTER.lastIndex = end;
      if (ENUM_AFTER.test(text)) {
        flush();
        const body = raw.slice(0, -1);
        if (body && body !== "-" && body !== "+") out.push(numTok(body, loc));
        letters = raw.slice(-1);
        i = end;
        continue;
      }
      UNIT.lastIndex = end;
      const unit = UNIT.exec(text)?.[0];
      if (unit && !/^项/.test(unit)) {
        raw += unit;
        end += unit.length;
      }
      let note: string | undefined;
      if (text[end] === "(" || text[end] === "（") {
        const close = matchingParen(text, end);
        // `22（其中修订16件）` annotates its number; `（六）` is the next row's enumerator.
        if (close > 0 && !/^[(（][一二三四五六七八九十\d]{1,3}[)）]$/.test(text.slice(end, close + 1))) {
          note = text.slice(end, close + 1);
          end = close + 1;
        }
      }
      flush();
      out.push(numTok(raw, loc, note));
      i = end;
      continue;
    }
    if (DASHES.has(ch) && !(CJK.test(prevNonSpace(text, i)) && CJK.test(nextNonSpace(text, i)))) {
      // `——` is one printed blank, not two.
      let j = i + 1;
      while (j < text.length && text[j] === ch) j++;
      flush();
      out.push({ k: "blank", raw: text.slice(i, j), loc });
      i = j;
      continue;
    }
    if (ch === "无" && !CJK.test(text[i - 1] ?? "") && !CJK.test(text[i + 1] ?? "")) {
      flush();
      out.push({ k: "blank", raw: ch, loc });
      i++;
      continue;
    }
    if (ch === "(" || ch === "（") {
      // An annotation: one piece, digits and all, so that `（指2019年事项数）` is not read as values.
      const close = matchingParen(text, i);
      const end = close > 0 ? close + 1 : text.length;
      const inner = text.slice(i + 1, end);
      if (skeleton(inner).length >= 2) {
        flush();
        letters = text.slice(i, end);
        lettersParen = true;
        flush();
        i = end;
        continue;
      }
    }
    if (SPACE.test(ch)) {
      // Space inside a label is wrapping; next to a value it separates two cells (`规章 0 0 0`).
      let j = i;
      while (j < text.length && SPACE.test(text[j])) j++;
      const nextIsValue =
        j < text.length &&
        (DIGIT.test(text[j]) || DASHES.has(text[j]) || ((text[j] === "-" || text[j] === "+") && DIGIT.test(text[j + 1] ?? "")));
      const prev = out[out.length - 1];
      const afterValue = !letters && out.length > start && prev && !("kind" in prev && prev.kind === "letters");
      if ((letters && nextIsValue) || afterValue) {
        flush();
        if (j < text.length) out.push({ kind: "sepMark", row: false });
      } else if (letters) letters += " ";
      i = j;
      continue;
    }
    letters += ch;
    i++;
  }
  flush();
  // Mark the pieces that open and close the cell.
  const mine = out.slice(start);
  if (cell.pos) for (const it of mine) (it as { pos?: GridPos }).pos = cell.pos;
  const firstPiece = mine[0];
  const lastPiece = mine[mine.length - 1];
  for (const it of mine) if ("kind" in it && it.kind === "letters") it.cell = index;
  if (firstPiece && "kind" in firstPiece && firstPiece.kind === "letters") {
    firstPiece.first = true;
  }
  if (lastPiece && "kind" in lastPiece && lastPiece.kind === "letters") lastPiece.last = true;
}

function prevNonSpace(s: string, i: number): string {
  for (let j = i - 1; j >= 0; j--) if (!SPACE.test(s[j])) return s[j];
  return "";
}
function nextNonSpace(s: string, i: number): string {
  for (let j = i + 1; j < s.length; j++) if (!SPACE.test(s[j])) return s[j];
  return "";
}

function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    const c = s[j];
    if (c === "(" || c === "（") depth++;
    else if (c === ")" || c === "）") {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

/** Does the document read as Traditional characters (a mirror site's copy)? */
