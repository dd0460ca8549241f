/**
 * A sheet of sources (单位, 地区, 栏目地址) from CSV — UTF-8 with or without BOM, or GBK as Excel
 * saves it on Chinese Windows — or XLSX. Each row keeps its line number so a refusal can name it.
 */
export interface SourceSheetRow {
  line: number;
  agency: string;
  region: string;
  listUrl: string;
}

export type SheetRead = { ok: true; rows: SourceSheetRow[] } | { ok: false; error: "unreadable" | "missing_columns" | "empty" };

const HEADERS = {
  agency: ["单位", "单位名称", "机关", "发布机关"],
  region: ["地区", "所属地区", "行政区划"],
  listUrl: ["栏目地址", "栏目网址", "年报栏目", "地址", "网址", "url"],
};

/** One CSV line's fields (RFC 4180 quotes; commas, tabs or Chinese commas inside quotes kept). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const sep = text.split("\n", 1)[0].includes("\t") && !text.split("\n", 1)[0].includes(",") ? "\t" : ",";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function decodeCsv(bytes: Uint8Array): string | null {
  let b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(b);
    } catch {
      return null;
    }
  }
}

async function xlsxRows(bytes: Uint8Array): Promise<string[][] | null> {
  try {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const out: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (r) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = r.getCell(c).value as unknown;
        // A hyperlink cell holds { text, hyperlink }: the address is what is wanted.
        const text =
          v && typeof v === "object"
            ? String((v as { hyperlink?: string; text?: string }).hyperlink ?? (v as { text?: string }).text ?? "")
            : String(v ?? "");
        cells.push(text);
      }
      out.push(cells);
    });
    return out;
  } catch {
    return null;
  }
}

export async function readSourceSheet(name: string, bytes: Uint8Array): Promise<SheetRead> {
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  let table: string[][] | null;
  if (isZip || /\.xlsx$/i.test(name)) table = await xlsxRows(bytes);
  else {
    const text = decodeCsv(bytes);
    table = text === null ? null : parseCsv(text);
  }
  if (!table) return { ok: false, error: "unreadable" };
  const headerAt = table.findIndex((r) => r.some((c) => c.trim()));
  if (headerAt < 0) return { ok: false, error: "empty" };
  const header = table[headerAt].map((h) => h.trim().toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const idx = { agency: col(HEADERS.agency), region: col(HEADERS.region), listUrl: col(HEADERS.listUrl) };
  if (idx.agency < 0 || idx.region < 0 || idx.listUrl < 0) return { ok: false, error: "missing_columns" };
  const rows: SourceSheetRow[] = [];
  table.forEach((r, i) => {
    if (i <= headerAt || r.every((c) => !c.trim())) return;
    rows.push({
      line: i + 1,
      agency: (r[idx.agency] ?? "").trim(),
      region: (r[idx.region] ?? "").trim(),
      listUrl: (r[idx.listUrl] ?? "").trim(),
    });
  });
  return rows.length ? { ok: true, rows } : { ok: false, error: "empty" };
}

/** An http(s) address, or null. */
export function normalizeListUrl(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
