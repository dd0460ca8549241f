/** A report's three national tables as export tables, laid out as the template prints them. */
import {
  T2_SECTIONS,
  T3_COLUMNS,
  T4_GROUPS,
  T4_RESULTS,
  tableCaption,
  t2Key,
  t3Key,
  t3RowsFor,
  t4Key,
  type TableFormat,
} from "../report/template";
import type { ExportTable } from "./table";

import { msg } from "../messages";

type Cells = Readonly<Record<string, number | null>>;

export function reportExportTables(format: TableFormat, mixed: boolean, cells: Cells, heading: string): ExportTable[] {
  const t2: ExportTable = {
    title: tableCaption("t2"),
    columns: [
      { key: "section", header: msg.exportFiles.clause },
      { key: "row", header: msg.exportFiles.content },
      { key: "column", header: msg.exportFiles.item },
      { key: "value", header: msg.exportFiles.value, numFmt: "General" },
    ],
    rows: T2_SECTIONS[format].flatMap((s) =>
      s.rows.flatMap((r) =>
        s.columns.map((c) => ({ section: s.header, row: r.label, column: c.label, value: cells[t2Key(r.key, c.key)] ?? null })),
      ),
    ),
  };
  const t3: ExportTable = {
    title: tableCaption("t3"),
    columns: [{ key: "row", header: msg.exportFiles.item }, ...T3_COLUMNS.map((c) => ({ key: c.key, header: c.label, numFmt: "0" }))],
    rows: t3RowsFor(format, mixed).map((r) => ({
      row: r.label,
      ...Object.fromEntries(T3_COLUMNS.map((c) => [c.key, cells[t3Key(r.key, c.key)] ?? null])),
    })),
  };
  const t4: ExportTable = {
    title: tableCaption("t4"),
    columns: [{ key: "group", header: msg.exportFiles.category }, ...T4_RESULTS.map((r) => ({ key: r.key, header: r.label, numFmt: "0" }))],
    rows: T4_GROUPS.map((g) => ({
      group: "parent" in g ? `${g.parent}·${g.label}` : g.label,
      ...Object.fromEntries(T4_RESULTS.map((r) => [r.key, cells[t4Key(g.key, r.key)] ?? null])),
    })),
  };
  return [t2, t3, t4].map((t) => ({ ...t, notes: [heading] }));
}
