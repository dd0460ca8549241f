/**
 * What the printed labels leave open: which format's 表二 a document prints, whether （六）其他处理
 * is a group, rows several readings fit, and rows the template has that were not found.
 */
import {
  T2_SECTIONS,
  T3_COLUMNS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  t2Key,
  t3Key,
  t4Key,
  type TableFormat,
  type TableId,
} from "../report/template";
import type { LexEntry } from "../report/labels";
import { msg } from "../messages";
import type { Tok } from "./tokens";
import type { ParseIssue, ReadCell } from "./read-cells";
import type { Slot } from "./row-reading";

/** Which format's 表二 the printed labels vote for: column headers first, then rows only one format has. */
export function voteT2Format(toks: Tok[]): TableFormat | undefined {
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

export function sectionFormat(votes: TableFormat[], doc: TableFormat | undefined, row: LexEntry): TableFormat {
  const set = new Set(votes);
  // One header against the rest of the table is a misread header (`本处理决定数量`), not a mix.
  if (set.size === 1 && (!doc || doc === votes[0] || votes.length >= 2)) return [...set][0];
  if (row.formats?.length === 1) return row.formats[0];
  return doc ?? "2021";
}

export function inferT2FromCells(cells: Record<string, ReadCell>): TableFormat {
  return Object.keys(cells).some((k) => /^t2\.\w+\.(made|published|total_public|prev_items|change|items|amount_yuan)$/.test(k))
    ? "2019"
    : "2021";
}

/** （六）其他处理 is a group when its sub-rows follow (format 2021), the row itself in format 2019. */
export function isSingleOtherRow(toks: Tok[], i: number, group: LexEntry): boolean {
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
export function resolveDoubts(
  doubts: { rowKey: string; keys: string[]; candidates: Slot[][]; issue: ParseIssue }[],
  cells: Record<string, ReadCell>,
  issues: ParseIssue[],
  put: (key: string, slot: Slot) => void,
) {
  const resultRows = T3_ROWS.filter((r) => r.result).map((r) => r.key);
  // The result rows a complete 表三 prints, per format (and the mixed one).
  const complete = [resultRows.filter((k) => k !== "other"), resultRows.filter((k) => !k.startsWith("other_"))];
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
export function listRowsNotFound(
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
  rows.push(
    T2_SECTIONS[t2].flatMap((s) => s.rows.map((r) => ({ where: `表二「${r.label}」`, keys: s.columns.map((c) => t2Key(r.key, c.key)) }))),
  );
  const single = otherSingle || Object.keys(cells).some((k) => k.startsWith("t3.other."));
  const t3Rows = T3_ROWS.filter(
    (r) => (single ? !r.key.startsWith("other_") : r.key !== "other") && (otherKnown || !r.key.startsWith("other")),
  );
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
