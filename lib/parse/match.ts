/**
 * The aligner: the token stream of any presentation (tokens.ts) against the national template.
 *
 * The template is a grammar. Its labels come in a fixed order, each row has a fixed number of
 * cells, and identities hold between them (domain.md §5). So a row is read the same way whatever
 * the presentation: find its label, take what stands between it and the next label, and decide how
 * those values fill the row's cells. Where the source marks every cell, that decides; where it lost
 * boundaries (digits run together, blank cells that left no trace, spacer cells) the identities
 * must leave exactly one reading, or the row is left unread and listed with its source text.
 * Never a value under the wrong key.
 */
import {
  ALL_CELL_KEYS,
  T2_SECTIONS,
  T3_COLUMNS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  t2Key,
  t2SectionNumeral,
  t3Key,
  t4Key,
  type LabelDef,
  type T3Group,
  type TableFormat,
  type TableId,
  describeCell,
} from "../report/template";
import { LEXICON, skeleton, type LexEntry } from "../report/labels";
import type { CellValue } from "../report/values";
import { msg } from "../messages";
import type { DocLine, SourceLoc } from "./document";
import { tokenize, type GridPos, type Tok } from "./tokens";
import { DIGIT_CONFIDENCE, DIGIT_CONFIDENCE_CHECKED } from "./ocr-layout";
import { distrustScannedColumns } from "./scan-columns";

export interface ReadCell {
  value: CellValue;
  /** The text as printed. */
  raw: string;
  note?: string;
  loc: SourceLoc;
}

export interface ParseIssue {
  code: "row_shape" | "unknown_row" | "duplicate_cell" | "extra_values" | "unknown_column" | "uncertain_split" | "row_not_found" | "low_confidence";
  message: string;
  loc: SourceLoc;
  /** The cells this issue leaves unread. */
  keys?: string[];
  /** The row as printed: its label and what stood after it. */
  source?: string;
}

export interface MatchResult {
  cells: Record<string, ReadCell>;
  /** Format evidence per table: which labels were printed. */
  evidence: { t2?: TableFormat; t3?: TableFormat };
  tablesSeen: Set<TableId>;
  issues: ParseIssue[];
}

type ValueTok = Extract<Tok, { k: "num" } | { k: "blank" }>;
type SegCell = { v: ValueTok } | { e: SourceLoc; pos?: GridPos };
type Slot = { value: CellValue; raw: string; loc: SourceLoc; note?: string; doubt?: boolean };

/** An identity the values of one row satisfy (domain.md §5); blanks count as 0. */
type Balance = (values: number[]) => boolean;

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
/** W3: a 表三 row's 总计 is the sum of its six columns. */
const T3_ROW_BALANCE: Balance = (v) => v.length < 7 || v[6] === sum(v.slice(0, 6));
/** W5: in each 表四 group, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
const T4_ROW_BALANCE: Balance = (v) => {
  for (let g = 0; g + 5 <= v.length; g += 5) if (v[g + 4] !== sum(v.slice(g, g + 4))) return false;
  return true;
};
const NO_BALANCE: Balance = () => true;

/**
 * Readings of digit runs whose cell boundaries were lost (`8855698` = 88 | 55 | 698) as `count`
 * numbers, each run split in place (no leading zeros; a run's sign stays with its first part),
 * keeping those the row's identity accepts. Stops at `limit`: one reading is an answer, more are a
 * doubt.
 */
export function splitRuns(runs: string[], count: number, balance: Balance, limit = 2): number[][] {
  const found: number[][] = [];
  const parts: number[] = [];
  // The readings grow combinatorially with the digits: past this many steps the row is a doubt.
  let budget = 200_000;
  const walk = (run: number, pos: number) => {
    if (--budget < 0) {
      while (found.length < 2) found.push([]);
      return;
    }
    if (found.length >= limit || parts.length > count || !balance(parts)) return;
    if (run === runs.length) {
      if (parts.length === count) found.push([...parts]);
      return;
    }
    const text = runs[run];
    const sign = pos === 0 && (text[0] === "-" || text[0] === "+") ? text[0] : "";
    const at = pos + sign.length;
    if (at === text.length) return walk(run + 1, 0);
    const maxEnd = text[at] === "0" ? at + 1 : text.length;
    for (let end = at + 1; end <= maxEnd; end++) {
      parts.push(Number(sign + text.slice(at, end)));
      if (end === text.length) walk(run + 1, 0);
      else walk(run, end);
      parts.pop();
    }
  };
  walk(0, 0);
  return found;
}

const asNumbers = (r: Slot[]) => r.map((s) => s.value ?? 0);
const slotOf = (t: ValueTok): Slot =>
  t.k === "num"
    ? { value: t.value, raw: t.raw, loc: t.loc, ...(t.note ? { note: t.note } : {}), ...(t.doubt ? { doubt: true } : {}) }
    : { value: null, raw: t.raw, loc: t.loc };

type Reading =
  | { kind: "ok"; slots: Slot[] }
  | { kind: "doubt"; candidates: Slot[][] }
  | { kind: "shape"; got: number; extra: boolean }
  | { kind: "cut" };

/**
 * How the cells after a label fill a row of `n`. Values in order, empty cells as possible blanks
 * (or spacers and placeholders of merged cells), digit runs as possibly several cells.
 */
export function readRow(cells: SegCell[], n: number, balance: Balance, at: SourceLoc, atEnd: boolean, glued = false): Reading {
  const idx: number[] = [];
  cells.forEach((c, i) => {
    if ("v" in c) idx.push(i);
  });
  const vals = idx.map((i) => (cells[i] as { v: ValueTok }).v);
  if (vals.length === 0) {
    // The row printed with no value at all: every cell blank. At the end of a cut excerpt: absent.
    if (atEnd && cells.length === 0) return { kind: "cut" };
    const loc = cells.length && "e" in cells[0] ? cells[0].e : at;
    return { kind: "ok", slots: Array.from({ length: n }, () => ({ value: null, raw: "", loc })) };
  }
  if (vals.length === n) return { kind: "ok", slots: vals.map(slotOf) };
  if (vals.length > n) return { kind: "shape", got: vals.length, extra: true };
  // Too few values where the document ends: an excerpt cut inside the row, unless they read whole.
  if (atEnd) {
    const r = readRow(cells, n, balance, at, false, glued);
    return r.kind === "shape" ? { kind: "cut" } : r;
  }

  // Some cells are blank: a window of n cells over the printed ones holds every value.
  const windows: Slot[][] = [];
  for (let s = Math.max(0, idx[idx.length - 1] - n + 1); s <= Math.min(idx[0], cells.length - n); s++) {
    windows.push(cells.slice(s, s + n).map((c) => ("v" in c ? slotOf(c.v) : { value: null, raw: "", loc: c.e })));
  }
  // Cell boundaries lost: digit runs side by side may be several cells. That is another reading of
  // the same cells, so where both are possible the identity must choose between all of them.
  const contiguous = idx.every((p, i) => i === 0 || p === idx[i - 1] + 1);
  // Digits the source bounded as one cell (`| 196 |`) are split only where an identity confirms it;
  // a row with none (表二) only where they ran into their label (`规章000`).
  const splittable =
    contiguous &&
    (balance !== NO_BALANCE || glued) &&
    vals.some((v) => v.k === "num" && v.splittable) &&
    vals.every((v) => v.k === "num" && (v.splittable || /^[-+]?\d$/.test(v.raw.trim())));
  if (windows.length > 0 && !splittable) {
    if (windows.length === 1) return { kind: "ok", slots: windows[0] };
    return decide(windows.filter((w) => balance(asNumbers(w))), windows);
  }
  if (!splittable) return { kind: "shape", got: vals.length, extra: false };
  const runs = vals.map((v) => v.raw.replace(/\s+/g, ""));
  const found = splitRuns(runs, n, balance, 8);
  if (windows.length > 0) {
    const passing = windows.filter((w) => balance(asNumbers(w)));
    if (found.length === 0) return decide(passing, windows);
    return { kind: "doubt", candidates: [...passing, ...splitSlots(found, runs, vals, n)] };
  }
  if (found.length === 0) return { kind: "shape", got: vals.length, extra: false };
  const slots = splitSlots(found, runs, vals, n);
  if (slots.some((s) => s.length !== n)) return { kind: "doubt", candidates: [] };
  return slots.length === 1 ? { kind: "ok", slots: slots[0] } : { kind: "doubt", candidates: slots };
}

/** Split readings as slots: each part keeps the run it came from as its printed text and place. */
function splitSlots(found: number[][], runs: string[], vals: ValueTok[], n: number): Slot[][] {
  return found.map((reading) => {
    const out: Slot[] = [];
    let k = 0;
    runs.forEach((run, i) => {
      let rest = run.replace(/^[-+]/, "");
      while (rest && k < n) {
        const part = String(Math.abs(reading[k]));
        out.push({ value: reading[k], raw: run, loc: vals[i].loc });
        rest = rest.slice(part.length);
        k++;
      }
    });
    return out;
  });
}

/**
 * A row laid out as a full grid (a markdown table, a web page's table): its cells stand in the
 * columns the header named, so each value's column says which cell it is — blank cells and the
 * spacers of merged labels included. Only when the whole row is on the label's line, in a grid as
 * wide as the header's, and every value in a named column.
 */
function gridReading(cells: SegCell[], n: number, label: { pos?: GridPos; loc: SourceLoc }, grid: Map<number, { first?: number; last?: number }>): Reading | undefined {
  const pos = label.pos;
  const g = pos && grid.get(pos.width);
  if (!pos || g?.first === undefined || g.last === undefined || g.last - g.first !== n - 1) return undefined;
  const slots: Slot[] = Array.from({ length: n }, () => ({ value: null, raw: "", loc: label.loc }));
  const seen = new Set<number>();
  for (const c of cells) {
    const at = "v" in c ? c.v.pos : c.pos;
    if (!at || at.line !== pos.line) return undefined;
    if (!("v" in c)) continue;
    if (at.col < g.first || at.col > g.last || seen.has(at.col)) return undefined;
    seen.add(at.col);
    slots[at.col - g.first] = slotOf(c.v);
  }
  return seen.size ? { kind: "ok", slots } : undefined;
}

function decide(passing: Slot[][], all: Slot[][]): Reading {
  const key = (r: Slot[]) => r.map((s) => (s.value === null ? "∅" : s.value)).join(",");
  const distinct = new Map((passing.length ? passing : all).map((r) => [key(r), r]));
  if (passing.length && distinct.size === 1) return { kind: "ok", slots: passing[0] };
  return { kind: "doubt", candidates: [...distinct.values()] };
}

const SECTION_BY_ROW = (format: TableFormat, rowKey: string) => T2_SECTIONS[format].find((s) => s.rows.some((r) => r.key === rowKey));

const T2_HEADER_SKELETONS = LEXICON.filter((e) => e.kind === "t2col" || e.kind === "t2info").map((e) => e.skel);
const T3_HEADER_SKELETONS = LEXICON.filter((e) => e.kind === "t3head" && e.key !== "note").map((e) => e.skel);
const T3_ROW_SKELETONS: Record<string, string[]> = {};
for (const e of LEXICON) if (e.kind === "t3row") (T3_ROW_SKELETONS[e.key] ??= []).push(e.skel);
const rowSkeletons = (t: Extract<Tok, { k: "label" }>) => t.entries.map((e) => e.skel);
/** Per 表三 row: the fragments that may wrap into its cells (its own label, the table's headers). */
const T3_FRAGMENTS: Record<string, string[]> = Object.fromEntries(
  Object.entries(T3_ROW_SKELETONS).map(([k, v]) => [k, [...T3_HEADER_SKELETONS, ...v]]),
);

export function matchCells(lines: DocLine[]): MatchResult {
  return align(tokenize(lines));
}

export function align(toks: Tok[]): MatchResult {
  const cells: Record<string, ReadCell> = {};
  const issues: ParseIssue[] = [];
  const evidence: MatchResult["evidence"] = {};
  const tablesSeen = new Set<TableId>();
  type Region = "none" | "t2" | "t3" | "t4" | "end";
  let region: Region = "none";
  let t2Section: string | undefined;
  let sectionVotes: TableFormat[] = [];
  let t3Started = false;
  let t3Group: T3Group | undefined;
  let t3OtherSubRows = false;
  let t3OtherSingle = false;
  let t4Read = false;
  let lastT4Result = false;
  const docT2Format = voteT2Format(toks);
  const doubts: { rowKey: string; keys: string[]; candidates: Slot[][]; issue: ParseIssue }[] = [];
  const t3Grid = new Map<number, { first?: number; last?: number }>();

  const put = (key: string, slot: Slot) => {
    if (!ALL_CELL_KEYS.has(key)) {
      issues.push({ code: "unknown_column", message: msg.parse.unknownKey(key), loc: slot.loc });
      return;
    }
    if (cells[key]) {
      issues.push({ code: "duplicate_cell", message: msg.parse.duplicateCell(describeCell(key)), loc: slot.loc });
      return;
    }
    cells[key] = { value: slot.value, raw: slot.raw, ...(slot.note ? { note: slot.note } : {}), loc: slot.loc };
  };

  /**
   * The cells after token i up to the next label or text. Annotations right after the label are
   * skipped, and so are fragments of the row's own label or of the table's headers (a label or a
   * header wrapped into the data rows, `商业企 ⏎ 业 0`): `fragments` holds their skeletons.
   */
  const segmentAfter = (i: number, fragments: readonly string[] = []) => {
    const seg: SegCell[] = [];
    let j = i + 1;
    let sawSep = false;
    let sawValue = false;
    let rowStart = -1;
    let glued = false;
    for (; j < toks.length; j++) {
      const t = toks[j];
      if (t.k === "sep") {
        sawSep = true;
        if (t.row) rowStart = seg.length;
        continue;
      }
      if (t.k === "text" && t.paren && !sawValue) continue;
      if (t.k === "text" && fragments.length && !t.paren) {
        const sk = skeleton(t.text);
        if (sk && fragments.some((f) => f.includes(sk))) continue;
      }
      if (t.k === "num" || t.k === "blank") {
        if (!sawValue && !sawSep && seg.length === 0) glued = true;
        seg.push({ v: t });
        sawValue = true;
        continue;
      }
      if (t.k === "empty") {
        seg.push({ e: t.loc, ...(t.pos ? { pos: t.pos } : {}) });
        continue;
      }
      break;
    }
    // Empty cells opening the next label's row are its spacers (a merged group column), not ours.
    if (toks[j]?.k === "label" && rowStart > 0 && seg.slice(rowStart).every((c) => "e" in c)) seg.length = rowStart;
    return { seg, end: j, stop: toks[j] as Tok | undefined, sawSep, glued };
  };
  const sourceOf = (label: string, seg: SegCell[]) =>
    [label, ...seg.map((c) => ("v" in c ? c.v.raw : ""))].join(" | ").replace(/(\s\|\s)+$/, " |");

  /** Read a row of `keys` from the cells after token i (its label). Returns where the row ends. */
  const readAfter = (
    i: number,
    label: { text: string; loc: SourceLoc; whole: boolean; pos?: GridPos },
    where: string,
    keys: string[],
    balance: Balance,
    fragments: readonly string[] = [],
    grid?: Map<number, { first?: number; last?: number }>,
  ): { end: number; ok: boolean } => {
    const { seg, end, stop, glued } = segmentAfter(i, fragments);
    if (seg.length === 0 && stop?.k === "text") {
      // Prose that names a row (`行政许可事项办理…`) is not the row: a table label stands in its own
      // cell. A label alone in its cell and followed by other text: the row printed blank.
      if (stop.glued || !label.whole) return { end, ok: false };
    }
    let cellsIn = seg;
    const atEnd = stop === undefined;
    // An excerpt cut just after a row leaves the beginning of what followed it: the next row's
    // enumerator (`… 0 ⏎ 2`) or the first digits of a year (`… 0 ⏎ 20`). One value too many, last.
    if (atEnd) {
      const vals = cellsIn.filter((c) => "v" in c);
      const last = vals[vals.length - 1];
      if (vals.length === keys.length + 1 && last) cellsIn = cellsIn.slice(0, cellsIn.lastIndexOf(last));
    }
    const values = cellsIn.filter((c) => "v" in c);
    if (label.loc.ocr && values.length === 0) {
      // A scanned label with no figure beside it: its figures were lost or landed elsewhere (a
      // blank row is far rarer than a misplaced line). Listed, not read as blank.
      issues.push({ code: "low_confidence", message: msg.scan.lowConfidence(where), loc: label.loc, keys, source: label.text });
      return { end, ok: false };
    }
    // A scanned row whose identity fails was misread far more often than misprinted: unread.
    const scanned = values.some((c) => "v" in c && c.v.loc.ocr);
    if (scanned) {
      // Only figures read with confidence are stored: full confidence where no identity checks
      // the row (表二), a little less where one does.
      const min = balance === NO_BALANCE ? DIGIT_CONFIDENCE : DIGIT_CONFIDENCE_CHECKED;
      for (const c of values) if ("v" in c && c.v.k === "num" && (c.v.loc.ocr?.conf ?? 100) < min) c.v.doubt = true;
    }
    const r = (grid && gridReading(cellsIn, keys.length, label, grid)) || readRow(cellsIn, keys.length, balance, label.loc, atEnd, glued);
    // A printed blank (`—`, `/`, `无`) in a scanned table is as likely a speck or a rule remnant.
    const blankIn = scanned || label.loc.ocr ? values.some((c) => "v" in c && c.v.k === "blank") : false;
    const doubtIn =
      blankIn || values.some((c) => "v" in c && c.v.k === "num" && c.v.doubt) || (scanned && r.kind === "ok" && !balance(asNumbers(r.slots)));
    if (r.kind === "ok" && doubtIn) {
      // An OCR figure read without confidence. Where every value stands in its own cell, only
      // that cell is unread; where blanks or splits were placed by an identity the doubtful
      // figure took part in, the whole row is.
      const exact = !blankIn && values.length === keys.length && r.slots.some((s) => s.doubt);
      const unsure = exact ? keys.filter((_, n) => r.slots[n].doubt) : keys;
      keys.forEach((k, n) => {
        if (!unsure.includes(k)) put(k, r.slots[n]);
      });
      const loc = r.slots.find((s) => s.doubt)?.loc ?? label.loc;
      issues.push({ code: "low_confidence", message: msg.scan.lowConfidence(where), loc, keys: unsure, source: sourceOf(label.text, cellsIn) });
      return { end, ok: true };
    }
    if (r.kind === "ok") {
      keys.forEach((k, n) => put(k, r.slots[n]));
      return { end, ok: true };
    }
    if (r.kind === "cut") return { end, ok: false };
    const source = sourceOf(label.text, cellsIn);
    const issue: ParseIssue =
      r.kind === "doubt"
        ? { code: "uncertain_split", message: msg.parse.uncertainSplit(where), loc: label.loc, keys, source }
        : { code: r.extra ? "extra_values" : "row_shape", message: msg.parse.rowShape(where, r.got, keys.length), loc: label.loc, keys, source };
    issues.push(issue);
    if (r.kind === "doubt" && r.candidates.length && !doubtIn) doubts.push({ rowKey: keys[0].split(".")[1], keys, candidates: r.candidates, issue });
    return { end, ok: false };
  };

  const pick = (t: Extract<Tok, { k: "label" }>, kinds: LexEntry["kind"][]) => t.entries.filter((e) => kinds.includes(e.kind));

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === "num" || t.k === "blank" || t.k === "empty") {
      // 表四: its one row of 15 values follows the header's result labels.
      if (region === "t4" && lastT4Result && !t4Read) {
        const { seg } = segmentAfter(i - 1);
        const first = seg.find((c) => "v" in c);
        // A sentence naming 结果维持 72 件 is not the table: its row holds many values, or digits
        // enough for 15 cells run together.
        const vals = seg.flatMap((c) => ("v" in c ? [c.v] : []));
        const digits = vals.reduce((n, v) => n + v.raw.replace(/\D/g, "").length, 0);
        if (first && "v" in first && (vals.length >= 5 || digits >= 15)) {
          const keys = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => t4Key(g.key, r.key)));
          const { end, ok } = readAfter(i - 1, { text: "表四", loc: first.v.loc, whole: true }, "表四", keys, T4_ROW_BALANCE);
          t4Read = ok;
          tablesSeen.add("t4");
          i = end - 1;
        }
      }
      continue;
    }
    if (t.k === "sep") continue;
    if (t.k === "text") {
      // Fragments of a wrapped header (`结`, `维持`) keep 表四's header open; a sentence closes it.
      if (!t.paren && (/[，。；,;]/.test(t.text) || t.text.replace(/\s+/g, "").length > 12)) lastT4Result = false;
      continue;
    }

    // A label: what it means depends on the table it stands in.
    const kinds = new Set(t.entries.map((e) => e.kind));
    lastT4Result = false;
    if (kinds.has("end") && !t.prefix) {
      region = "end";
      continue;
    }
    if (kinds.has("t2section")) {
      region = "t2";
      t2Section = t.entries.find((e) => e.kind === "t2section")!.key;
      sectionVotes = [];
      tablesSeen.add("t2");
      continue;
    }
    if (kinds.has("t2info")) {
      if (region !== "t2") t2Section = undefined;
      region = "t2";
      sectionVotes = [];
      tablesSeen.add("t2");
      continue;
    }
    if (kinds.has("title")) {
      const table = t.entries.find((e) => e.kind === "title")!.key;
      // A heading switches tables; the same words inside a sentence do not.
      if (t.whole) {
        if (table === "t3") {
          region = "t3";
          t3Started = false;
        } else if (table === "t4") {
          region = "t4";
          tablesSeen.add("t4");
        }
        else if (region !== "t2") region = "none";
      }
      continue;
    }
    if (region === "t2") {
      const col = pick(t, ["t2col"]);
      if (col.length) {
        sectionVotes.push(...new Set(col.flatMap((e) => e.formats ?? [])));
        continue;
      }
      const row = pick(t, ["t2row"])[0];
      if (row) {
        const format = sectionFormat(sectionVotes, docT2Format, row);
        const section =
          (t2Section && T2_SECTIONS[format].find((s) => t2SectionNumeral(s) === t2Section && s.rows.some((r) => r.key === row.key))) ||
          SECTION_BY_ROW(format, row.key);
        if (!section) continue;
        const keys = section.columns.map((c: LabelDef) => t2Key(row.key, c.key));
        i = readAfter(i, t, `表二「${t.text}」`, keys, NO_BALANCE, [...T2_HEADER_SKELETONS, ...rowSkeletons(t)]).end - 1;
        continue;
      }
    }
    const t4 = pick(t, ["t4group", "t4result"]);
    const t3row = pick(t, ["t3row"]);
    const t3head = pick(t, ["t3head"]);
    const group = pick(t, ["t3group"])[0];
    // 表四's header: in 表四, or a label only 表四 prints.
    if (t4.length && (region === "t4" || (!t3row.length && !t3head.length && (region === "t3" || t.whole)))) {
      if (region !== "t4") {
        region = "t4";
        t4Read = false;
      }
      tablesSeen.add("t4");
      // Values follow the header's result labels (or its group labels, where the results wrapped away).
      lastT4Result = t4.some((e) => e.kind === "t4result") || t.whole;
      continue;
    }
    // 表三's header: before its first row (its 其他 and 总计 are columns there, rows after).
    if (t3head.length && (!t3Started || !t3row.length || t3head.some((e) => e.key === "note" || e.key === "applicants"))) {
      if (t3head.some((e) => e.key === "note" || e.key === "applicants")) t3Started = false;
      // Where the grid puts the first and the last applicant column, by row width.
      const col = t3head.find((e) => e.key === "natural_person" || e.key === "total");
      if (col && t.pos) {
        const g = t3Grid.get(t.pos.width) ?? {};
        if (col.key === "natural_person") g.first ??= t.pos.col;
        else g.last ??= t.pos.col;
        t3Grid.set(t.pos.width, g);
      }
      region = "t3";
      tablesSeen.add("t3");
      continue;
    }
    const startsT3 = t3row.some((e) => e.key === "received" || e.key === "carried_over");
    if (region !== "t3" && !startsT3) continue;
    if (group && (!t3row.length || !isSingleOtherRow(toks, i, group))) {
      t3Group = group.key as T3Group;
      if (group.key === "other") t3OtherSubRows = true;
      continue;
    }
    if (!t3row.length) continue;
    const rowEntry = t3row.length > 1 ? (t3row.find((e) => e.t3?.group === t3Group) ?? t3row[0]) : t3row[0];
    const row = rowEntry.t3!;
    region = "t3";
    t3Started = true;
    tablesSeen.add("t3");
    if (row.key === "other") t3OtherSingle = true;
    if (row.group === "other") t3OtherSubRows = true;
    if (!row.group || row.group === "results") t3Group = undefined;
    const keys = T3_COLUMNS.map((c) => t3Key(row.key, c.key));
    i = readAfter(i, t, `表三「${t.text}」`, keys, T3_ROW_BALANCE, T3_FRAGMENTS[row.key], t3Grid).end - 1;
  }

  resolveDoubts(doubts, cells, issues, put);
  distrustScannedColumns(cells, issues);
  if (t3OtherSubRows) evidence.t3 = "2021";
  else if (t3OtherSingle) evidence.t3 = "2019";
  const used = docT2Format;
  if (used) evidence.t2 = used;
  else if (Object.keys(cells).some((k) => k.startsWith("t2."))) evidence.t2 = inferT2FromCells(cells);
  // （六）其他处理 as one row: printed so, or a 2019 表二 and no sub-row seen.
  // Neither seen nor implied: which it was cannot be said, so its cells are not listed by key.
  const otherSingle = t3OtherSingle || (!t3OtherSubRows && (evidence.t2 ?? docT2Format) === "2019");
  const otherKnown = otherSingle || t3OtherSubRows;
  listRowsNotFound(cells, issues, tablesSeen, docT2Format, t4Read, toks, otherSingle, otherKnown);
  return { cells, evidence, tablesSeen, issues };
}

/** Which format's 表二 the printed labels vote for: column headers first, then rows only one format has. */
function voteT2Format(toks: Tok[]): TableFormat | undefined {
  const votes = { "2021": 0, "2019": 0 };
  for (const t of toks) {
    if (t.k !== "label") continue;
    const cols = t.entries.filter((e) => e.kind === "t2col");
    const fs = new Set(cols.flatMap((e) => e.formats ?? []));
    if (fs.size === 1) votes[[...fs][0]] += 2;
    const rows = t.entries.filter((e) => e.kind === "t2row");
    const rf = new Set(rows.flatMap((e) => e.formats ?? []));
    if (rows.length && rf.size === 1) votes[[...rf][0]] += 1;
    if (t.entries.some((e) => e.kind === "t2section" && e.key === "九")) votes["2019"] += 1;
  }
  if (votes["2021"] === votes["2019"]) return undefined;
  return votes["2021"] > votes["2019"] ? "2021" : "2019";
}

function sectionFormat(votes: TableFormat[], doc: TableFormat | undefined, row: LexEntry): TableFormat {
  const set = new Set(votes);
  // One header against the rest of the table is a misread header (`本处理决定数量`), not a mix.
  if (set.size === 1 && (!doc || doc === votes[0] || votes.length >= 2)) return [...set][0];
  if (row.formats?.length === 1) return row.formats[0];
  return doc ?? "2021";
}

function inferT2FromCells(cells: Record<string, ReadCell>): TableFormat {
  return Object.keys(cells).some((k) => /^t2\.\w+\.(made|published|total_public|prev_items|change|items|amount_yuan)$/.test(k)) ? "2019" : "2021";
}

/** （六）其他处理 is a group when its sub-rows follow (format 2021), the row itself in format 2019. */
function isSingleOtherRow(toks: Tok[], i: number, group: LexEntry): boolean {
  if (group.key !== "other") return false;
  for (let j = i + 1; j < toks.length; j++) {
    const t = toks[j];
    if (t.k === "label") return !t.entries.some((e) => e.kind === "t3row" && e.t3?.group === "other");
    if (t.k === "num" || t.k === "blank") return true;
    // A label we could not read stands between: a sub-row, so this is the group.
    if (t.k === "text" && !t.paren) return false;
  }
  return true;
}

/**
 * A 表三 row several readings fit: keep the one that makes the column identities hold with the
 * rows already read (W1: 一 + 二 = （七） + 四; W2: results = （七）), when exactly one does.
 */
function resolveDoubts(
  doubts: { rowKey: string; keys: string[]; candidates: Slot[][]; issue: ParseIssue }[],
  cells: Record<string, ReadCell>,
  issues: ParseIssue[],
  put: (key: string, slot: Slot) => void,
) {
  const resultRows = T3_ROWS.filter((r) => r.result).map((r) => r.key);
  // The result rows a complete 表三 prints, per format (and the mixed one).
  const complete = [
    resultRows.filter((k) => k !== "other"),
    resultRows.filter((k) => !k.startsWith("other_")),
  ];
  for (const d of doubts) {
    if (!d.keys[0].startsWith("t3.")) continue;
    const fits = d.candidates.filter((cand) => {
      const get = (row: string, col: string): number | undefined => {
        if (row === d.rowKey) return cand[T3_COLUMNS.findIndex((c) => c.key === col)].value ?? 0;
        const c = cells[t3Key(row, col)];
        return c ? (c.value ?? 0) : undefined;
      };
      let checked = 0;
      for (const col of T3_COLUMNS.map((c) => c.key)) {
        const printed = resultRows.filter((r) => cells[t3Key(r, col)] || r === d.rowKey);
        const total = get("total_handled", col);
        const whole = complete.some((set) => set.every((k) => printed.includes(k)));
        if (total !== undefined && whole && (d.rowKey === "total_handled" || printed.includes(d.rowKey))) {
          const s = printed.reduce((a, r) => a + (get(r, col) ?? 0), 0);
          if (s !== total) return false;
          checked++;
        }
        const w1 = ["received", "carried_over", "total_handled", "carried_forward"].map((r) => get(r, col));
        if (w1.every((x) => x !== undefined) && ["received", "carried_over", "total_handled", "carried_forward"].includes(d.rowKey)) {
          if (w1[0]! + w1[1]! !== w1[2]! + w1[3]!) return false;
          checked++;
        }
      }
      return checked > 0;
    });
    if (fits.length !== 1) continue;
    d.keys.forEach((k, n) => put(k, fits[0][n]));
    issues.splice(issues.indexOf(d.issue), 1);
  }
}

/**
 * No silent loss: a template row that stands before the last row read of its table (or a 表四 whose
 * header was printed) was printed, so if it was neither read nor listed, list it now.
 */
function listRowsNotFound(
  cells: Record<string, ReadCell>,
  issues: ParseIssue[],
  tablesSeen: Set<TableId>,
  t2Format: TableFormat | undefined,
  t4Read: boolean,
  toks: Tok[],
  otherSingle: boolean,
  otherKnown: boolean,
) {
  const listed = new Set(issues.flatMap((i) => i.keys ?? []));
  const loc = toks.find((t) => t.k === "label")?.loc ?? {};
  const rows: { where: string; keys: string[] }[][] = [];
  const t2 = t2Format ?? (Object.keys(cells).some((k) => /^t2\.\w+\.(made|prev_items|items)$/.test(k)) ? "2019" : "2021");
  rows.push(T2_SECTIONS[t2].flatMap((s) => s.rows.map((r) => ({ where: `表二「${r.label}」`, keys: s.columns.map((c) => t2Key(r.key, c.key)) }))));
  const single = otherSingle || Object.keys(cells).some((k) => k.startsWith("t3.other."));
  const t3Rows = T3_ROWS.filter((r) => (single ? !r.key.startsWith("other_") : r.key !== "other") && (otherKnown || !r.key.startsWith("other")));
  rows.push(t3Rows.map((r) => ({ where: `表三「${r.label}」`, keys: T3_COLUMNS.map((c) => t3Key(r.key, c.key)) })));
  // A table's rows up to the last one read were printed; so were all of them when a later table
  // was seen (its last rows are not an excerpt's cut end then).
  const later = [tablesSeen.has("t3") || tablesSeen.has("t4"), tablesSeen.has("t4")];
  for (const [n, table] of rows.entries()) {
    const last = table.findLastIndex((r) => r.keys.some((k) => k in cells));
    for (const r of table.slice(0, later[n] && last >= 0 ? table.length : Math.max(last, 0))) {
      const lost = r.keys.filter((k) => !(k in cells) && !listed.has(k));
      if (lost.length === r.keys.length) issues.push({ code: "row_not_found", message: msg.parse.rowNotFound(r.where), loc, keys: lost });
    }
  }
  if (tablesSeen.has("t4") && !t4Read) {
    const keys = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => t4Key(g.key, r.key))).filter((k) => !(k in cells) && !listed.has(k));
    if (keys.length === 15) issues.push({ code: "row_not_found", message: msg.parse.rowNotFound("表四"), loc, keys });
  }
}
