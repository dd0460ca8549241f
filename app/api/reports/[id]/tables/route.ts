/** A report's three tables as CSV (one file, three blocks) or XLSX (three sheets). */
import { z } from "zod";
import { getDb } from "@/db/index";
import { getReport } from "@/db/queries/reports";
import { reportExportTables } from "@/lib/export/report-tables";
import { SOURCE_LINE, madeOnLine, safeFileName, toCsvMany } from "@/lib/export/table";
import { XLSX_TYPE, attachment, toXlsx } from "@/lib/export/xlsx";
import { requireReader } from "@/app/session";
import { msg } from "@/lib/messages";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  await requireReader();
  const id = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await ctx.params).id);
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const found = id.success ? await getReport(await getDb(), id.data) : null;
  const format2 = found?.report.format;
  if (!found || !format2 || format2 === "pre2019")
    return new Response(msg.reportPage.noTables, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { report, agency } = found;
  const heading = msg.reportPage.tablesCaption(agency.name, report.year, SOURCE_LINE, madeOnLine());
  const tables = reportExportTables(format2, report.mixedFormat, report.cellValues, heading);
  const name = safeFileName(msg.reportPage.tablesName(agency.name, report.year));
  if (format === "xlsx") {
    return new Response(new Uint8Array(await toXlsx(tables)), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachment(`${name}.xlsx`, `report-${report.id}.xlsx`) },
    });
  }
  return new Response(toCsvMany(tables), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(`${name}.csv`, `report-${report.id}.csv`) },
  });
}
