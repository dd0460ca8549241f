/** A table the page already shows (chart data, rankings…) as an XLSX file. Reads nothing stored. */
import { XLSX_TYPE, attachment, toXlsx } from "@/lib/export/xlsx";
import { safeFileName } from "@/lib/export/table";
import { readTableRequest } from "@/lib/export/table-request";
import { requireReader } from "@/app/session";

export async function POST(request: Request) {
  await requireReader();
  const r = await readTableRequest(request);
  if (!r.ok) return new Response(r.error, { status: r.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  const bytes = await toXlsx(r.table);
  const name = `${safeFileName(r.table.title)}.xlsx`;
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": XLSX_TYPE, "content-disposition": attachment(name, "table.xlsx") },
  });
}
