/** A table the page already shows (chart data, rankings…) as an XLSX file. Reads nothing stored. */
import { z } from "zod";
import { XLSX_TYPE, attachment, toXlsx } from "@/lib/export/xlsx";
import { safeFileName } from "@/lib/export/table";
import { requireReader } from "@/app/session";

const tableSchema = z.object({
  title: z.string().min(1).max(200),
  columns: z.array(z.object({ key: z.string().max(100), header: z.string().max(200), numFmt: z.string().max(40).optional() })).min(1).max(200),
  rows: z.array(z.record(z.string(), z.union([z.string().max(2000), z.number(), z.null()]))).max(50_000),
  notes: z.array(z.string().max(500)).max(10).optional(),
});

export async function POST(request: Request) {
  await requireReader();
  const len = Number(request.headers.get("content-length") ?? 0);
  if (len > 10 * 1024 * 1024) return new Response("表格过大", { status: 413 });
  const parsed = tableSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return new Response("表格数据格式不正确", { status: 400 });
  const bytes = await toXlsx(parsed.data);
  const name = `${safeFileName(parsed.data.title)}.xlsx`;
  return new Response(new Uint8Array(bytes), { headers: { "content-type": XLSX_TYPE, "content-disposition": attachment(name, "table.xlsx") } });
}
