/**
 * The cell keys (`t3.received.total`) each format prints, every key any format defines, and a key's
 * human label — derived from the rows and columns that template.ts declares.
 */
import type { ReportFormat } from "./template";
import { TABLE_NAMES, T2_SECTIONS, T3_COLUMNS, T3_ROWS, T4_GROUPS, T4_RESULTS, t2Key, t3Key, t3RowsFor, t4Key } from "./template";

/** Every cell key a complete report of this format prints, in reading order. */
export function cellKeys(format: ReportFormat): string[] {
  if (format === "pre2019") return [];
  const keys: string[] = [];
  for (const s of T2_SECTIONS[format]) for (const r of s.rows) for (const c of s.columns) keys.push(t2Key(r.key, c.key));
  for (const r of t3RowsFor(format)) for (const c of T3_COLUMNS) keys.push(t3Key(r.key, c.key));
  for (const g of T4_GROUPS) for (const r of T4_RESULTS) keys.push(t4Key(g.key, r.key));
  return keys;
}

/** All keys any format defines — for validating stored or imported data. */
export const ALL_CELL_KEYS: ReadonlySet<string> = new Set([
  ...cellKeys("2021"),
  ...cellKeys("2019"),
  ...T3_COLUMNS.map((c) => t3Key("other", c.key)),
]);

/** Human label of a cell key, e.g. "表三 自然人·（七）总计". */
export function describeCell(key: string): string {
  const [table, row, column] = key.split(".");
  if (table === "t3") {
    const r = T3_ROWS.find((x) => x.key === row);
    const c = T3_COLUMNS.find((x) => x.key === column);
    return `${TABLE_NAMES.t3} ${r?.short ?? r?.label ?? row}·${c?.label ?? column}`;
  }
  if (table === "t4") {
    const g = T4_GROUPS.find((x) => x.key === row);
    const r = T4_RESULTS.find((x) => x.key === column);
    const group = g && "parent" in g ? `${g.parent}（${g.label}）` : g?.label;
    return `${TABLE_NAMES.t4} ${group ?? row}·${r?.label ?? column}`;
  }
  for (const format of ["2021", "2019"] as const) {
    for (const s of T2_SECTIONS[format]) {
      const r = s.rows.find((x) => x.key === row);
      const c = s.columns.find((x) => x.key === column);
      if (r && c) return `${TABLE_NAMES.t2} ${r.label}·${c.short ?? c.label}`;
    }
  }
  return key;
}
