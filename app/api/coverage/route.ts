/** The full 未报送 / 逾期 / 导入失败 lists of a year and region, as CSV or XLSX: what /coverage pages through. */
import { z } from "zod";
import { getDb } from "@/db/index";
import { COVERAGE_BUCKETS, getCoverage } from "@/db/queries/coverage";
import { SOURCE_LINE, madeOnLine, toCsv, type ExportTable } from "@/lib/export/table";
import { XLSX_TYPE, attachment, toXlsx } from "@/lib/export/xlsx";
import { daysLate } from "@/lib/report/deadline";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { publicOrigin } from "@/lib/http/origin";

export const dynamic = "force-dynamic";

const dash = msg.dashboard;
const schema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  region: z.coerce.number().int().positive().optional().catch(undefined),
  format: z.enum(["csv", "xlsx"]).catch("csv").default("csv"),
});
const LABEL = { missing: dash.coverage.missing, late: dash.coverage.late, failed: dash.coverage.failed };

export async function GET(request: Request) {
  await requireReader();
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response(dash.coverage.badYear, { status: 400 });
  const { year, region, format } = parsed.data;
  const c = await getCoverage(await getDb(), year, region ?? null, { perPage: 1_000_000 });
  if (!c) return new Response(dash.coverage.noRegion, { status: 404 });
  const origin = publicOrigin(request.headers, request.url);
  const table: ExportTable = {
    title: dash.coverage.sheet(year),
    columns: [
      { key: "status", header: dash.coverage.status },
      { key: "name", header: msg.common.agency },
      { key: "kind", header: msg.common.kind },
      { key: "region", header: msg.common.regionOf },
      { key: "published", header: dash.coverage.published },
      { key: "deadline", header: dash.coverage.deadline },
      { key: "daysLate", header: msg.coveragePage.daysLate, numFmt: "0" },
      { key: "reason", header: msg.common.reason },
      { key: "link", header: msg.coveragePage.link },
    ],
    rows: COVERAGE_BUCKETS.flatMap((b) =>
      c[b].rows.map((a) => ({
        status: LABEL[b],
        name: a.name,
        kind: msg.agencyKinds[a.kind],
        region: a.regionName,
        published: a.publishedOn ?? "",
        deadline: a.deadline ?? "",
        daysLate: b === "late" ? daysLate(year, a.kind, a.publishedOn) : null,
        reason: a.message ?? "",
        link: a.reportId ? `${origin}/reports/${a.reportId}` : `${origin}/agencies/${a.id}`,
      })),
    ),
    notes: [dash.coverage.summary(c.expected, c.filed), SOURCE_LINE, madeOnLine()],
  };
  const name = `${dash.coverage.sheet(year)}`;
  if (format === "xlsx")
    return new Response(new Uint8Array(await toXlsx(table)), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachment(`${name}.xlsx`, `coverage-${year}.xlsx`) },
    });
  return new Response(toCsv(table), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(`${name}.csv`, `coverage-${year}.csv`) },
  });
}
