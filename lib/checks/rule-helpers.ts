/**
 * What the rules share: cell lookups, key lists built once, and the shape of a narrative rule.
 */
import { msg } from "../messages";
import { T3_COLUMNS, T3_PART_COLUMNS, T3_ROWS, T4_GROUPS, T4_RESULTS, t3Key, t4Key } from "../report/template";
import { ALL_CELL_KEYS, describeCell } from "../report/cell-keys";
import { statedFigure, type NarrativeFigure } from "./narrative";

import type { Cells, RuleSpec } from "./rules";

export const has = (cells: Cells, key: string) => key in cells;
export const num = (cells: Cells, key: string) => cells[key] ?? 0;
// The keys of each table in reading order. Rules look cells up by these lists rather than walking
// the object: a 200-key object is a hash table to V8, and walking one costs a sort each time
// (bench:checks runs the rules on 8,000 reports at a time).
export const TABLE_KEYS = { t2: [] as string[], t3: [] as string[], t4: [] as string[] };
for (const k of ALL_CELL_KEYS) TABLE_KEYS[k.slice(0, 2) as keyof typeof TABLE_KEYS].push(k);
export type TableId = keyof typeof TABLE_KEYS;
export const anyIn = (cells: Cells, table: TableId) => TABLE_KEYS[table].some((k) => k in cells);
/** Cells of the given tables whose value fails `bad`, in reading order. */
export function cellsWhere(cells: Cells, bad: (v: number, k: string) => boolean, ...tables: TableId[]): [string, number][] {
  const out: [string, number][] = [];
  for (const t of tables) {
    for (const k of TABLE_KEYS[t]) {
      const v = cells[k];
      if (v !== null && v !== undefined && bad(v, k)) out.push([k, v]);
    }
  }
  return out;
}
export const round = (v: number) => Math.round(v * 1e6) / 1e6;
export const T4_KEYS = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => t4Key(g.key, r.key)));
// Key lists built once: checks run on thousands of reports at a time (bench:checks).
export const RESULT_KEYS = new Map(
  T3_COLUMNS.map((c) => [
    c.key,
    { total: t3Key("total_handled", c.key), parts: T3_ROWS.filter((r) => r.result).map((r) => t3Key(r.key, c.key)) },
  ]),
);
export const BALANCE_KEYS = new Map(
  T3_COLUMNS.map((c) => [c.key, ["received", "carried_over", "total_handled", "carried_forward"].map((r) => t3Key(r, c.key))]),
);
export const ROW_KEYS = new Map(
  T3_ROWS.map((r) => [
    r.key,
    {
      total: t3Key(r.key, "total"),
      parts: T3_PART_COLUMNS.map((c) => t3Key(r.key, c.key)),
      all: T3_COLUMNS.map((c) => t3Key(r.key, c.key)),
    },
  ]),
);
export const T4_GROUP_KEYS = new Map(
  T4_GROUPS.map((g) => [
    g.key,
    { total: t4Key(g.key, "total"), parts: T4_RESULTS.filter((r) => r.key !== "total").map((r) => t4Key(g.key, r.key)) },
  ]),
);

export function narrativeRule<Id extends string>(
  id: Id,
  ref: string,
  figure: NarrativeFigure,
  readings: (cells: Cells) => string[][],
): RuleSpec & { id: Id } {
  return {
    id,
    severity: "warning",
    tolerance: 0,
    ref,
    check: ({ narrative, cells }) => {
      if (!narrative) return [];
      const stated = statedFigure(narrative, figure);
      if (!stated) return [];
      // Any accepted reading that the cells support settles it (受理 means either 新收 or 新收+结转).
      const options = readings(cells).filter((keys) => keys.every((k) => has(cells, k)));
      if (options.length === 0) return [];
      const values = options.map((keys) => round(keys.reduce((s, k) => s + num(cells, k), 0)));
      if (values.includes(stated.value)) return [];
      return [
        {
          cells: options[0],
          message: msg.findings.narrative(stated.sentence, stated.value, options[0].map(describeCell).join(" + "), values[0]),
        },
      ];
    },
  };
}
