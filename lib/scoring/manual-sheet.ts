/**
 * Manual indicators for many agencies from a spreadsheet an assessor filled in (CSV or XLSX):
 * a header row with 单位 and the manual indicators' names (as the grid's download writes them),
 * one row per agency. Cells left empty are "no change"; a cell with `-` or 清除 clears an entry.
 */
import { scoringMsg as m } from "../messages/scoring";

export interface SheetIndicator {
  id: string;
  name: string;
  max: number;
}

/** Per agency name, per indicator id: a number, "clear", or absent (no change). */
export type SheetValues = Map<string, Record<string, number | "clear">>;

export type SheetRead = { ok: true; values: SheetValues } | { ok: false; error: string };

const CLEAR = new Set(["-", "－", m.manual.clearWord]);

/** RFC 4180 CSV (quotes, doubled quotes, CRLF), BOM dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows.filter((r) => r.some((x) => x.trim()));
}

async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow((r) => {
    const vals = (r.values as unknown[])
      .slice(1)
      .map((v) =>
        v === null || v === undefined
          ? ""
          : typeof v === "object" && v && "result" in v
            ? String((v as { result: unknown }).result ?? "")
            : String(v),
      );
    rows.push(vals);
  });
  return rows;
}

export async function readManualSheet(bytes: Uint8Array, fileName: string, indicators: readonly SheetIndicator[]): Promise<SheetRead> {
  let rows: string[][];
  try {
    rows = /\.xlsx$/i.test(fileName) ? await xlsxRows(bytes) : parseCsv(new TextDecoder("utf-8").decode(bytes));
  } catch {
    return { ok: false, error: m.manual.sheetUnreadable(fileName) };
  }
  // The header: the first row naming 单位 (title and note lines above it are skipped).
  const h = rows.findIndex((r) => r.some((c) => c.trim() === m.columns.agency));
  if (h < 0) return { ok: false, error: m.manual.sheetNoHeader };
  const header = rows[h].map((c) => c.trim().replace(/（[\d.]+）$/, ""));
  const agencyCol = header.indexOf(m.columns.agency);
  const cols = indicators.map((x) => ({ x, col: header.indexOf(x.name) })).filter((c) => c.col >= 0);
  if (cols.length === 0) return { ok: false, error: m.manual.sheetNoIndicator(indicators.map((x) => x.name)) };
  const values: SheetValues = new Map();
  for (const [n, r] of rows.slice(h + 1).entries()) {
    const agency = (r[agencyCol] ?? "").trim();
    if (!agency) continue;
    const v: Record<string, number | "clear"> = {};
    for (const { x, col } of cols) {
      const cell = (r[col] ?? "").trim();
      if (!cell) continue;
      if (CLEAR.has(cell)) {
        v[x.id] = "clear";
        continue;
      }
      const num = Number(cell);
      if (!Number.isFinite(num) || num < 0 || num > x.max)
        return { ok: false, error: m.manual.sheetBadValue(h + n + 2, agency, x.name, cell, x.max) };
      v[x.id] = num;
    }
    values.set(agency, v);
  }
  return { ok: true, values };
}
