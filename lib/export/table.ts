/**
 * Tables for download: one shape for CSV and XLSX, so every table and every chart's data exports
 * the same way. CSV carries a UTF-8 BOM: without it Excel opens Chinese as mojibake.
 */
import { formatDay } from "../format";

import { msg } from "../messages";

export interface ExportColumn {
  key: string;
  header: string;
  /** Excel number format, e.g. "0", "0.0%", "#,##0.00"; absent for text. */
  numFmt?: string;
}

export type ExportValue = string | number | null | undefined;

export interface ExportTable {
  /** Sheet name and the file's base name. */
  title: string;
  columns: ExportColumn[];
  rows: Record<string, ExportValue>[];
  /** Lines printed under the table: the source line and the date made. */
  notes?: string[];
}

export const BOM = "\uFEFF";

function csvCell(v: ExportValue): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : v;
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s)
    ? `"${(/^[=+\-@]/.test(s) && typeof v !== "number" ? `'${s}` : s).replace(/"/g, '""')}"`
    : s;
}

/** CSV with a BOM and CRLF line ends (what Excel expects); blank cells stay empty, never 0. */
export function toCsv(t: ExportTable): string {
  const lines = [t.columns.map((c) => csvCell(c.header)).join(",")];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(r[c.key])).join(","));
  if (t.notes?.length) {
    lines.push("");
    for (const n of t.notes) lines.push(csvCell(n));
  }
  return `${BOM + lines.join("\r\n")}\r\n`;
}

/** Several tables in one CSV: each under its title line, a blank line between. */
export function toCsvMany(tables: ExportTable[]): string {
  return BOM + tables.map((t) => `${csvCell(t.title)}\r\n${toCsv(t).slice(1)}`).join("\r\n");
}

/** A file name without characters Windows or zip tools refuse. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 120) || "export"
  );
}

export const SOURCE_LINE = msg.app.source;

export function madeOnLine(d = new Date()): string {
  return msg.exportFiles.drawnOn(formatDay(d));
}

/** What a chart's download says it shows: who, the years drawn, the unit. */
export function chartSubtitle(who: string, rows: readonly { year: number }[], unit: string): string {
  return msg.exportFiles.caption(
    who,
    rows[0]?.year ?? "",
    rows[rows.length - 1]?.year ?? "",
    unit === "%" ? msg.exportFiles.percentUnit : unit,
  );
}

/**
 * A year-by-year chart's figures as its data download: blanks where the chart has a gap. A row's
 * note (e.g. which values the report's text states rather than its tables) gets a 说明 column, so
 * the file says what the chart marks.
 */
export function yearSeriesTable(
  rows: readonly { year: number; filed: boolean; values: Record<string, number | null>; note?: string }[],
  series: readonly { id: string; label: string }[],
  unit: string,
): Omit<ExportTable, "title" | "notes"> {
  const noted = rows.some((r) => r.note);
  return {
    columns: [
      { key: "year", header: msg.common.year, numFmt: "0" },
      ...series.map((s) => ({ key: s.id, header: `${s.label}（${unit}）`, numFmt: unit === "%" ? "0.0%" : "General" })),
      { key: "filed", header: msg.exportPage.filing },
      ...(noted ? [{ key: "note", header: msg.common.detail }] : []),
    ],
    rows: rows.map((r) => ({
      year: r.year,
      ...Object.fromEntries(series.map((s) => [s.id, r.values[s.id] ?? null])),
      filed: r.filed ? "" : msg.exportPage.notFiled,
      ...(noted ? { note: r.note ?? "" } : {}),
    })),
  };
}
