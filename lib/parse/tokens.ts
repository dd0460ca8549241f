/**
 * Any presentation → one stream of tokens: template labels, values, printed blanks, empty cells and
 * cell boundaries. This is the only place that knows how a presentation separates cells; the
 * aligner (match.ts) reads every presentation from the same stream.
 *
 * A document arrives as lines and table rows (SourceDocument). Each row cell, and each text line,
 * is a cell: its text is cut into numbers and letter pieces. Consecutive letter pieces — across
 * cell and line boundaries, as long as no value stands between them — form a run, and template
 * labels are spotted in the run's skeleton (its Chinese characters). So a label wrapped over lines
 * (`本年新⏎制作数量`), split over cells (`| 业 | 构 | 益组织 |`) or run together with its
 * neighbours (`规章000行政规范性文件000`) is found the same way.
 */
import { LEXICON, labelsAt, skeleton, type LexEntry, type LexMatch } from "../report/labels";
import { parseValue } from "../report/values";
import type { DocCell, DocLine, SourceLoc } from "./document";
import { toSimplified } from "./simplified";

/** Where a cell stands in its row: the row (document line), its column and the row's width. */
export interface GridPos {
  line: number;
  col: number;
  width: number;
}

export type Tok =
  | {
      k: "label";
      pos?: GridPos;
      /** Every lexicon entry with this skeleton; the aligner picks by table and order. */
      entries: LexEntry[];
      text: string;
      loc: SourceLoc;
      /** The label fills its cell (bar an enumerator or annotation): a table cell, not prose. */
      whole: boolean;
      prefix: boolean;
    }
  | {
      k: "num";
      pos?: GridPos;
      raw: string;
      value: number;
      note?: string;
      loc: SourceLoc;
      /** Digits that may be several cells whose boundaries were lost. */
      splittable: boolean;
      /** OCR could not read it with confidence: it holds its cell's place but is never stored. */
      doubt?: boolean;
    }
  | { k: "blank"; raw: string; loc: SourceLoc; pos?: GridPos }
  | { k: "empty"; loc: SourceLoc; pos?: GridPos }
  | { k: "sep"; row: boolean }
  | {
      k: "text";
      text: string;
      loc: SourceLoc;
      /** A parenthesised annotation (`（指2019年事项数）`). */
      paren: boolean;
      /** Follows the previous token in the same cell with nothing between (prose, not a cell). */
      glued: boolean;
    };

interface Cell {
  text: string;
  loc: SourceLoc;
  pos?: GridPos;
  /** Starts a new row (a table row, or a line of text). */
  row: boolean;
}

// A letter piece: text between values, with where it was read.
interface Piece {
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
type Item = Piece | Exclude<Tok, { k: "label" } | { k: "text" }> | { kind: "sepMark"; row: boolean };

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
const ONLY_ENUMERATOR = /^[\s(（]*[一二三四五六七八九十]{1,3}[)）]?[\s、.．:：]*$/;

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
function cellsOf(lines: DocLine[], simplify: boolean): Cell[] {
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
    ...(note ?? v.note ? { note: note ?? v.note } : {}),
    loc,
    splittable: /^[-+]?\d{2,}$/.test(digits),
  };
}

/** One cell's text → values and letter pieces. */
function lexCell(cell: Cell, index: number, out: Item[]) {
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
      const nextIsValue = j < text.length && (DIGIT.test(text[j]) || DASHES.has(text[j]) || ((text[j] === "-" || text[j] === "+") && DIGIT.test(text[j + 1] ?? "")));
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
const TRADITIONAL = /[與為數條項處請應關機於會務發報區縣鎮辦規範檔計資總統許訟複議結維糾審訴費採購額內製訊開體據資請權]/g;
export function looksTraditional(lines: DocLine[]): boolean {
  let n = 0;
  const count = (t: string) => {
    TRADITIONAL.lastIndex = 0;
    while (TRADITIONAL.exec(t) && ++n < 8);
  };
  for (const l of lines) {
    if (l.kind === "text") count(l.text);
    else for (const c of l.cells) count(c.text);
    if (n >= 8) return true;
  }
  return false;
}

/**
 * The token stream of a document. Letter runs are spotted for labels (longest first); what is not
 * a label stays text. Enumerators in front of a label (`一、`, `（三）`) belong to it.
 */
/**
 * Labels a scan's OCR got slightly wrong (`行玫许可`, `本年外埋决定数量`, a dropped character):
 * a text token standing alone in its cell whose skeleton is within a few edits of exactly one
 * label's — and nearer to it than to any other — is that label.
 */
const FUZZY_KINDS = new Set<LexEntry["kind"]>(["t2row", "t2col", "t2section", "t3row", "t3group", "t3head", "t4group", "t4result", "title"]);
const FUZZY_LEXICON = LEXICON.filter((e) => FUZZY_KINDS.has(e.kind) && e.skel.length >= 4);

/** Every two-character sequence of a label, to pass over text that shares none with any label. */
const LABEL_BIGRAMS = new Set(FUZZY_LEXICON.flatMap((e) => [...e.skel].slice(1).map((c, i) => e.skel[i] + c)));

function fuzzyLabel(text: string): LexEntry[] | undefined {
  if (text.length > 48 || /[，。；,;]/.test(text)) return undefined;
  const sk = skeleton(text);
  if (sk.length < 4 || sk.length > 40) return undefined;
  let shared = 0;
  for (let i = 1; i < sk.length; i++) if (LABEL_BIGRAMS.has(sk[i - 1] + sk[i])) shared++;
  // Each edit breaks at most two of them: a 4-character label with its middle character misread
  // (其他外理) keeps one of its three.
  const edits = Math.max(1, Math.floor((sk.length + 1) / 4));
  if (shared === 0 || shared < sk.length - 1 - 2 * edits) return undefined;
  // The nearest label, if it is within a quarter of its length and strictly nearer than any other.
  let best = Infinity;
  let second = Infinity;
  let found: LexEntry[] = [];
  for (const e of FUZZY_LEXICON) {
    const allowed = Math.max(1, Math.floor(Math.max(e.skel.length, sk.length) / 4));
    if (Math.abs(e.skel.length - sk.length) > allowed) continue;
    const d = editDistance(sk, e.skel, Math.min(allowed, second) + 1);
    if (d > allowed) continue;
    if (d < best) {
      if (!found.length || found[0].skel !== e.skel) second = best;
      best = d;
      found = [e];
    } else if (d === best && found[0]?.skel === e.skel) found.push(e);
    else if (d < second) second = d;
  }
  return found.length && best > 0 && second > best ? found : undefined;
}

/** Levenshtein distance, giving up (returning `cap`) once it must exceed it. */
function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Where the tables can begin: the first line naming a table's header. The prose before it (the
 * report's longest part, 一、总体情况) holds no cell, so it is not tokenized. A document where no
 * such line is found (OCR noise, Traditional characters) is read whole.
 */
const TABLE_START = /第二十条|信息内容|勾稽|申请人情况|本年新收|本年制发|本年新制作/;

function tableStart(lines: DocLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t = l.kind === "text" ? l.text : l.cells.map((c) => c.text).join("");
    if (TABLE_START.test(t.replace(/\s+/g, ""))) return Math.max(0, i - 3);
  }
  return 0;
}

export function tokenize(lines: DocLine[]): Tok[] {
  const traditional = looksTraditional(lines);
  if (!traditional) lines = lines.slice(tableStart(lines));
  const cells = cellsOf(lines, traditional);
  const items: Item[] = [];
  cells.forEach((c, i) => {
    if (i > 0) items.push({ kind: "sepMark", row: c.row });
    lexCell(c, i, items);
  });

  const out: Tok[] = [];
  let run: Piece[] = [];
  // A separator after letters: inside the run if more letters follow (spotRun marks it by the
  // pieces' cells), after it otherwise.
  let pending: { row: boolean } | undefined;
  const flushRun = () => {
    if (run.length) spotRun(run, out);
    run = [];
    if (pending) out.push({ k: "sep", row: pending.row });
    pending = undefined;
  };
  for (const it of items) {
    if ("kind" in it && it.kind === "letters") {
      pending = undefined;
      run.push(it);
      continue;
    }
    if ("kind" in it && it.kind === "sepMark") {
      if (run.length) pending = { row: it.row || (pending?.row ?? false) };
      else out.push({ k: "sep", row: it.row });
      continue;
    }
    flushRun();
    out.push(it as Tok);
  }
  flushRun();
  // Text standing alone in its cell may be a label read with noise.
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (t.k !== "text" || t.paren || t.glued) continue;
    const prev = out[i - 1];
    const next = out[i + 1];
    const alone = (!prev || prev.k === "sep" || prev.k === "label") && (!next || next.k === "sep" || next.k === "num" || next.k === "blank" || next.k === "empty");
    if (!alone) continue;
    const entries = fuzzyLabel(t.text);
    if (entries) out[i] = { k: "label", entries, text: t.text, loc: t.loc, whole: true, prefix: false };
  }
  return out;
}

/**
 * Spot labels in a run of letter pieces. The run's skeleton is scanned left to right; at each
 * character the longest label starting there wins, and the characters between labels are text.
 */
function spotRun(run: Piece[], out: Tok[]) {
  // Skeleton with, per character, the piece it came from.
  let skel = "";
  const pieceOf: number[] = [];
  const annot: boolean[] = [];
  // Whether something other than a Chinese character (space, punctuation) stands before each one.
  const brokenBefore: boolean[] = [];
  // Where each piece's characters start in the skeleton (pieces come from cells already in NFKC).
  const firstOf: number[] = [];
  for (let pi = 0; pi < run.length; pi++) {
    const text = run[pi].text;
    const paren = run[pi].paren;
    firstOf.push(pieceOf.length);
    let j = 0;
    let gap = true;
    for (let x = 0; x < text.length; x++) {
      const c = text.charCodeAt(x);
      if (!(c >= 0x4e00 && c <= 0x9fff)) {
        gap = true;
        continue;
      }
      skel += text[x];
      pieceOf.push(pi);
      // Inside an annotation (past its first character) no label starts.
      annot.push(paren && j > 0);
      brokenBefore.push(gap);
      gap = false;
      j++;
    }
  }
  firstOf.push(pieceOf.length);
  const boundaryAt = (i: number) => i + 1 >= skel.length || run[pieceOf[i + 1]].cell !== run[pieceOf[i]].cell;

  type Span = { from: number; to: number; match?: LexMatch };
  const spans: Span[] = [];
  const pushText = (from: number, to: number) => {
    // Text never spans cells: one span per cell.
    let a = from;
    for (let i = from + 1; i <= to; i++) {
      if (i === to || run[pieceOf[i]].cell !== run[pieceOf[a]].cell || pieceOf[i] !== pieceOf[a]) {
        spans.push({ from: a, to: i });
        a = i;
      }
    }
  };
  // A two-character label (其他, 总计, 规章) inside a longer phrase is a word, not a label: it must
  // open its piece (bar an enumerator's numeral) and close it.
  const standsAlone = (i: number, len: number) => {
    if (len > 2) return true;
    const p = pieceOf[i];
    let j = i;
    while (j > 0 && !brokenBefore[j] && pieceOf[j - 1] === p && "一二三四五六七八九十".includes(skel[j - 1])) j--;
    // Run together with its neighbours (`现行有效件数规章000`), a label next to it is a boundary too.
    const opens = brokenBefore[j] || j === 0 || pieceOf[j - 1] !== p || lastLabelEnd === j;
    const k = i + len;
    const closes = k >= skel.length || pieceOf[k] !== p || brokenBefore[k] || labelStartsAt(k);
    return opens && closes;
  };
  const labelStartsAt = (k: number) => {
    for (let n = 0; n <= 2 && k + n < skel.length; n++) {
      if (labelsAt(skel, k + n, boundaryAt).some((m) => m.length > 2)) return true;
      if (!"一二三四五六七八九十".includes(skel[k + n])) return false;
    }
    return false;
  };
  let lastLabelEnd = -1;
  let textFrom = 0;
  for (let i = 0; i < skel.length; ) {
    const m = annot[i] ? undefined : labelsAt(skel, i, boundaryAt).find((x) => standsAlone(i, x.length));
    if (!m) {
      i++;
      continue;
    }
    if (textFrom < i) pushText(textFrom, i);
    spans.push({ from: i, to: i + m.length, match: m });
    i += m.length;
    textFrom = i;
    lastLabelEnd = i;
  }
  if (textFrom < skel.length) pushText(textFrom, skel.length);

  const lastPieceOfCell = new Map<number, number>();
  run.forEach((p, q) => lastPieceOfCell.set(p.cell, q));
  // Pieces with no Chinese character (a stray `)`, `:`) carry no span; a cell of such pieces is text.
  let lastCell = -1;
  for (let s = 0; s < spans.length; s++) {
    const sp = spans[s];
    const p0 = pieceOf[sp.from];
    const p1 = pieceOf[sp.to - 1];
    const piece = run[p0];
    if (lastCell >= 0 && piece.cell !== lastCell) out.push({ k: "sep", row: false });
    lastCell = run[p1].cell;
    const text = pieceText(run, pieceOf, firstOf, sp.from, sp.to);
    const before = spans[s - 1];
    const after = spans[s + 1];
    if (sp.match) {
      const enumBefore = before && !before.match && pieceOf[before.to - 1] === p0 && ONLY_ENUMERATOR.test(pieceText(run, pieceOf, firstOf, before.from, before.to));
      const startsCell = piece.first && (!before || pieceOf[before.to - 1] !== p0 || enumBefore);
      // After the label, its cell holds nothing but annotations.
      let endsCell = !after || pieceOf[after.from] !== p1 || run[pieceOf[after.from]].paren;
      for (let q = p1 + 1; endsCell && q < run.length && run[q].cell === run[p1].cell; q++) endsCell = run[q].paren;
      endsCell = endsCell && run[lastPieceOfCell.get(run[p1].cell)!].last;
      out.push({ k: "label", entries: sp.match.entries, text, loc: piece.loc, whole: Boolean(startsCell && endsCell), prefix: sp.match.prefix, ...(piece.pos ? { pos: piece.pos } : {}) });
      continue;
    }
    const t = text.trim();
    // An enumerator before a label belongs to the label.
    if (!t || (after?.match && pieceOf[after.from] === p1 && ONLY_ENUMERATOR.test(t))) continue;
    const glued = Boolean(before?.match) && pieceOf[before.to - 1] === p0 && !piece.paren;
    out.push({ k: "text", text: t, loc: piece.loc, paren: piece.paren, glued });
  }
  // A run whose pieces hold no Chinese character at all (`:`, `)`): text.
  if (!spans.length) {
    const t = run.map((p) => p.text).join(" ").trim();
    if (t) out.push({ k: "text", text: t, loc: run[0].loc, paren: false, glued: false });
  }
}

/** The printed text of skeleton characters [from, to): whole pieces where the span covers them. */
function pieceText(run: Piece[], pieceOf: number[], firstOf: number[], from: number, to: number): string {
  const p0 = pieceOf[from];
  const p1 = pieceOf[to - 1];
  if (p0 === p1) {
    // Characters of one piece: cut its text at the skeleton characters' positions.
    const first = firstOf[p0];
    return sliceBySkeleton(run[p0].text, from - first, to - first, from === first, to === firstOf[p0 + 1]);
  }
  const parts: string[] = [];
  for (let p = p0; p <= p1; p++) {
    const first = firstOf[p];
    const last = firstOf[p + 1];
    const a = Math.max(from, first) - first;
    const b = Math.min(to, last) - first;
    parts.push(sliceBySkeleton(run[p].text, a, b, from <= first, to >= last));
  }
  return parts.join("");
}

/** A piece's text from its k0-th to its k1-th Chinese character, with the punctuation around. */
function sliceBySkeleton(text: string, k0: number, k1: number, fromStart: boolean, toEnd: boolean): string {
  let k = 0;
  let a = fromStart ? 0 : -1;
  let b = toEnd ? text.length : -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (k === k0 && a < 0) a = i;
      k++;
      if (k === k1 && b < 0) b = i + 1;
    }
  }
  return text.slice(Math.max(a, 0), b < 0 ? text.length : b);
}
