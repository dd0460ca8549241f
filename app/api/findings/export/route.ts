/** The findings queue, with the same filters as /findings, as CSV or XLSX (up to 50,000 rows). */
import { getDb } from "@/db/index";
import { listFindings } from "@/db/queries/findings";
import { findingsSearchSchema, toFindingFilter } from "@/app/findings/search";
import { SOURCE_LINE, madeOnLine, toCsv, type ExportTable } from "@/lib/export/table";
import { XLSX_TYPE, attachment, toXlsx } from "@/lib/export/xlsx";
import { describeCell } from "@/lib/report/cell-keys";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { publicOrigin } from "@/lib/http/origin";

export const dynamic = "force-dynamic";

const STATUS: Record<string, string> = { confirmed: msg.common.confirmed, dismissed: msg.common.dismissed };

export async function GET(request: Request) {
  await requireReader();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const origin = publicOrigin(request.headers, request.url);
  const s = findingsSearchSchema.parse(params);
  const rows = await listFindings(await getDb(), toFindingFilter(s), 1, 50_000);
  const table: ExportTable = {
    title: msg.common.findings,
    columns: [
      { key: "severity", header: msg.common.severityShort },
      { key: "agency", header: msg.common.agency },
      { key: "region", header: msg.common.region },
      { key: "year", header: msg.common.year, numFmt: "0" },
      { key: "rule", header: msg.common.rule },
      { key: "message", header: msg.common.finding },
      { key: "cells", header: msg.findingsPage.cells },
      { key: "status", header: msg.common.review },
      { key: "link", header: msg.findingsPage.reportLink },
    ],
    rows: rows.map((f) => ({
      severity: msg.severity[f.severity],
      agency: f.agency,
      region: f.region,
      year: f.year,
      rule: f.rule,
      message: f.message,
      cells: f.cells.map(describeCell).join("；"),
      status: f.status ? `${STATUS[f.status]}（${f.reviewer}）` : msg.common.pending,
      link: `${origin}/reports/${f.reportId}`,
    })),
    notes: [SOURCE_LINE, madeOnLine()],
  };
  if (params.format === "xlsx")
    return new Response(new Uint8Array(await toXlsx(table)), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachment(msg.findingsPage.xlsxName, "findings.xlsx") },
    });
  return new Response(toCsv(table), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(msg.findingsPage.csvName, "findings.csv") },
  });
}
