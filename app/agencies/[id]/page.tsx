import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getAgency } from "@/db/queries/agencies";
import { getRegionTrail } from "@/db/queries/regions";
import { listAgencyCellSeries, listAgencyReports } from "@/db/queries/reports";
import { TrendChart, type TrendRow } from "@/components/charts/trend-chart";
import { ALL_METRIC_KEYS, HEADLINE_METRICS, buildTrend } from "@/lib/metrics";
import { AGENCY_KIND_LABELS } from "@/lib/report/agency";
import { FORMAT_LABELS } from "@/lib/report/template";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

export default async function AgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const db = await getDb();
  const found = await getAgency(db, parsed.data.id);
  if (!found) notFound();
  const [trail, reportList, series] = await Promise.all([
    getRegionTrail(db, found.region.id),
    listAgencyReports(db, found.agency.id),
    listAgencyCellSeries(db, found.agency.id, ALL_METRIC_KEYS),
  ]);
  const trend = buildTrend(series, reportList.map((r) => r.year));
  const data: TrendRow[] = trend.map((p) => ({ year: p.year, filed: p.filed, ...p.values }));
  const missingYears = trend.filter((p) => !p.filed).map((p) => p.year);
  const noTables = reportList.filter((r) => r.format === "pre2019").map((r) => r.year).sort();

  return (
    <>
      <p className="muted">
        <Link href="/">单位与年度</Link> / {trail.map((r) => r.name).join(" / ")}
      </p>
      <h1>{found.agency.name}</h1>
      <p className="muted">{AGENCY_KIND_LABELS[found.agency.kind]} · 共 {reportList.length} 份年报</p>

      <div className="card">
        <h2 style={{ marginTop: 0 }}>主要指标趋势</h2>
        <TrendChart data={data} series={HEADLINE_METRICS.map(({ id, label, color, unit }) => ({ id, label, color, unit }))} />
        <p className="muted" style={{ fontSize: "0.85rem" }}>
          {missingYears.length > 0 && <>未报送年度（图中留空，不按 0 画）：{missingYears.join("、")}。</>}
          {noTables.length > 0 && <>{noTables.join("、")} 年度报告为 2019 年以前格式，没有统一表格，图中留空。</>}
        </p>
      </div>

      <h2>年度报告</h2>
      {reportList.length === 0 ? (
        <p className="empty">该单位还没有年报。</p>
      ) : (
        <table className="list" data-testid="report-list">
          <thead>
            <tr>
              <th>年度</th>
              <th>格式</th>
              <th>发布日期</th>
              <th>核对结果</th>
              <th>来源文件</th>
            </tr>
          </thead>
          <tbody>
            {reportList.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/reports/${r.id}`}>{r.year} 年度</Link>
                </td>
                <td>{FORMAT_LABELS[r.format]}</td>
                <td>{formatDate(r.publishedOn) || <span className="muted">未识别</span>}</td>
                <td>
                  {r.errors > 0 && <span className="badge error">错误 {r.errors}</span>}{" "}
                  {r.warnings > 0 && <span className="badge warning">警告 {r.warnings}</span>}
                  {r.errors === 0 && r.warnings === 0 && <span className="muted">无问题</span>}
                </td>
                <td className="muted">{r.sourceName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
