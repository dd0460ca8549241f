/**
 * Reading one row: how the values between its label and the next fill its cells. Where the
 * source marks every cell that decides; where boundaries were lost the row's identities must leave
 * exactly one reading.
 */
import type { CellValue } from "../report/values";
import type { SourceLoc } from "./document";
import type { GridPos, Tok } from "./tokens";

type ValueTok = Extract<Tok, { k: "num" } | { k: "blank" }>;
export type SegCell = { v: ValueTok } | { e: SourceLoc; pos?: GridPos };
export type Slot = { value: CellValue; raw: string; loc: SourceLoc; note?: string; doubt?: boolean };

/** An identity the values of one row satisfy (domain.md §5); blanks count as 0. */
export type Balance = (values: number[]) => boolean;

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
/** W3: a 表三 row's 总计 is the sum of its six columns. */
export const T3_ROW_BALANCE: Balance = (v) => v.length < 7 || v[6] === sum(v.slice(0, 6));
/** W5: in each 表四 group, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
export const T4_ROW_BALANCE: Balance = (v) => {
  for (let g = 0; g + 5 <= v.length; g += 5) if (v[g + 4] !== sum(v.slice(g, g + 4))) return false;
  return true;
};
export const NO_BALANCE: Balance = () => true;

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

export const asNumbers = (r: Slot[]) => r.map((s) => s.value ?? 0);
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
    return decide(
      windows.filter((w) => balance(asNumbers(w))),
      windows,
    );
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
export function gridReading(
  cells: SegCell[],
  n: number,
  label: { pos?: GridPos; loc: SourceLoc },
  grid: Map<number, { first?: number; last?: number }>,
): Reading | undefined {
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
