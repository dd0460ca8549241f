/** The XLSX form of an export table: a bold header, number formats per column, the notes below. */
import type { ExportTable } from "./table";

import { msg } from "../messages";

/** One sheet per table. */
export async function toXlsx(tables: ExportTable | ExportTable[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  for (const t of Array.isArray(tables) ? tables : [tables]) addSheet(wb, t);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function addSheet(wb: import("exceljs").Workbook, t: ExportTable) {
  const ws = wb.addWorksheet(t.title.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || msg.exportFiles.sheetName);
  ws.columns = t.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.min(48, Math.max(10, [...c.header].length * 2 + 2)),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(Object.fromEntries(t.columns.map((c) => [c.key, r[c.key] ?? null])));
  if (t.notes?.length) {
    ws.addRow([]);
    for (const n of t.notes) ws.addRow([n]);
  }
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function attachment(fileName: string, ascii: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
