import Link from "next/link";
import { notFound } from "next/navigation";
import { RegionBreadcrumb } from "@/components/layout/region-breadcrumb";
import { legendOf } from "@/components/charts/palette";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getRegionTotals } from "@/db/queries/compare";
import { getRegionTrail } from "@/db/queries/regions";
import { FamilyChart } from "@/components/charts/family-chart";
import { ChartExport } from "@/components/export/chart-export";
import { ExportPageButton, ExportRegistry } from "@/components/export/page-export";
import { chartSubtitle, yearSeriesTable } from "@/lib/export/table";
import { Card, Empty } from "@/components/dashboard/card";
import { FAMILIES, familyRows, formatBreak } from "@/lib/dashboard/families";
import type { AgencyYear } from "@/lib/dashboard/agency-years";
import { FIGURES } from "@/lib/dashboard/figures";
import { formatValue } from "@/lib/dashboard/number-format";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const dash = msg.dashboard;
const paramsSchema = z.object({ id: z.coerce.number().int().positive() });
const FIGURE_IDS = FIGURES.map((f) => f.id);

async function Totals({ regionId, regionName }: { regionId: number; regionName: string }) {
  const totals = await getRegionTotals(await getDb(), regionId, FIGURE_IDS);
  if (!totals || totals.length === 0) return <Empty>{dash.region.empty}</Empty>;
  const first = totals[0].year;
  const last = totals[totals.length - 1].year;
  // Years as the agency page has them: a year nobody in the region reported is a gap.
  const years: AgencyYear[] = [];
  for (let y = first; y <= last; y++) {
    const t = totals.find((x) => x.year === y);
    years.push({
      year: y,
      reportId: null,
      format: t ? (y >= 2021 ? "2021" : y >= 2019 ? "2019" : "pre2019") : null,
      figures: t?.sums ?? {},
      posts: {},
      stated: {},
    });
  }
  const filedRows = (rows: ReturnType<typeof familyRows>) => rows.map((r) => ({ ...r, filed: totals.some((t) => t.year === r.year) }));
  return (
    <>
      <table className="list compact" data-testid="region-contributors">
        <thead>
          <tr>
            <th>{msg.common.year}</th>
            <th className="num">{msg.regionPage.filedAgencies}</th>
            <th className="num">{msg.regionPage.received}</th>
            <th className="num">{msg.regionPage.statedBy}</th>
            <th className="num">{msg.regionPage.reviews}</th>
            <th className="num">{msg.regionPage.suits}</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((t) => (
            <tr key={t.year}>
              <td>{t.year}</td>
              <td className="num">{t.reports}</td>
              <td className="num">{formatValue(t.sums.received, msg.common.pieces)}</td>
              <td className="num">{t.counts.received}</td>
              <td className="num">{formatValue(t.sums.review_total, msg.common.pieces)}</td>
              <td className="num">{formatValue(t.sums.suit_total, msg.common.pieces)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{dash.region.note}</p>
      <div className="grid2">
        {FAMILIES.map((f) => {
          const rows = filedRows(familyRows(f, years));
          const series = f.series.filter((s) => rows.some((r) => r.values[s.id] !== null));
          const brk = series.some((s) => s.formats === "2021" || s.formats === "2019") ? formatBreak(rows) : null;
          return (
            <Card key={f.id} title={f.title} testId={`region-${f.id}`} skeletonHeight={260}>
              {series.length === 0 ? (
                <Empty>{dash.emptyFamily}</Empty>
              ) : (
                <ChartExport
                  title={f.title}
                  subtitle={chartSubtitle(msg.regionPage.title(regionName), rows, f.unit)}
                  legend={legendOf(series)}
                  table={yearSeriesTable(rows, series, f.unit)}
                >
                  <FamilyChart
                    rows={rows.map((r) => ({ year: r.year, filed: r.filed, format: r.format, reportId: null, ...r.values }))}
                    series={series.map(({ id, label }) => ({ id, label, cell: "" }))}
                    kind={f.chart === "stacked" ? "stacked" : "line"}
                    unit={f.unit}
                    breakYear={brk}
                    testId={`region-chart-${f.id}`}
                  />
                </ChartExport>
              )}
              {brk !== null && <p className="muted small">{dash.formatBreak(brk)}</p>}
            </Card>
          );
        })}
      </div>
    </>
  );
}

export default async function RegionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireReader();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const db = await getDb();
  const trail = await getRegionTrail(db, parsed.data.id);
  const region = trail[trail.length - 1];
  if (!region || region.id !== parsed.data.id) notFound();
  return (
    <>
      <RegionBreadcrumb trail={trail} />
      <h1>{dash.region.title(region.name)}</h1>
      <p className="muted">
        <Link href={`/coverage?region=${region.id}`}>{dash.nav.coverage}</Link> ·{" "}
        <Link href={`/compare?region=${region.id}`}>{dash.nav.compare}</Link> ·{" "}
        <Link href={`/rectifications?region=${region.id}`}>{msg.rect.title}</Link> · {msg.rect.docs.bulletin}：
        <a href={`/api/rectifications/documents/bulletin?region=${region.id}`} download>
          {msg.rect.docs.docx}
        </a>{" "}
        /{" "}
        <a href={`/api/rectifications/documents/bulletin?region=${region.id}&format=xlsx`} download>
          {msg.rect.docs.xlsx}
        </a>
      </p>
      <ExportRegistry>
        <p className="form-row no-print">
          <ExportPageButton zipName={msg.regionPage.zipName(region.name)} />
        </p>
        <Card title={msg.regionPage.history} testId="card-region-totals" skeletonHeight={400}>
          <Totals regionId={region.id} regionName={region.name} />
        </Card>
      </ExportRegistry>
    </>
  );
}
