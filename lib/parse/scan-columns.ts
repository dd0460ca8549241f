/**
 * Scans only: 表三's column identities as a last guard. OCR can misread a figure the same way twice
 * in one row (6 → 5 under 自然人 and under 总计), which the row's own total does not catch. A
 * column whose identities fail (W1: 一 + 二 = （七） + 四; W2: the results add up to （七）) is
 * listed as unread — every cell of it — rather than stored with a figure that is surely wrong.
 */
import { msg } from "../messages";
import { T3_COLUMNS, T3_ROWS, t3Key } from "../report/template";
import type { ParseIssue, ReadCell } from "./read-cells";

export function distrustScannedColumns(cells: Record<string, ReadCell>, issues: ParseIssue[]) {
  if (!Object.values(cells).some((c) => c.loc.ocr)) return;
  const resultRows = T3_ROWS.filter((r) => r.result).map((r) => r.key);
  const complete = [resultRows.filter((k) => k !== "other"), resultRows.filter((k) => !k.startsWith("other_"))];
  for (const col of T3_COLUMNS.map((c) => c.key)) {
    const get = (row: string) => cells[t3Key(row, col)];
    const val = (row: string) => get(row)?.value ?? 0;
    let ok = true;
    const w1 = ["received", "carried_over", "total_handled", "carried_forward"];
    if (w1.every((r) => get(r)) && val("received") + val("carried_over") !== val("total_handled") + val("carried_forward")) ok = false;
    const printed = resultRows.filter((r) => get(r));
    if (get("total_handled") && complete.some((set) => set.every((k) => printed.includes(k)))) {
      const s = printed.reduce((a, r) => a + val(r), 0);
      if (Math.abs(s - val("total_handled")) > 1e-9) ok = false;
    }
    if (ok) continue;
    const keys = T3_ROWS.map((r) => t3Key(r.key, col)).filter((k) => k in cells);
    const loc = cells[keys[0]].loc;
    for (const k of keys) delete cells[k];
    const label = T3_COLUMNS.find((c) => c.key === col)!.label;
    issues.push({ code: "low_confidence", message: msg.scan.columnFails(label), loc, keys });
  }
}
