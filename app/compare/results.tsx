/** The compare page's results: the ranked table of the chosen measure, its chart of the top agencies and the pages. */
import Link from "next/link";
import { getDb } from "@/db/index";
import { listMeasureSeries, rankAgencies, type CompareScope, type RankRow } from "@/db/queries/compare";
import { CompareChart } from "@/components/charts/compare-chart";
import { ChartExport } from "@/components/export/chart-export";
import { Card, Empty } from "@/components/dashboard/card";
import { cellHref } from "@/components/dashboard/links";
import { Sparkline } from "@/components/dashboard/sparkline";
import { compareRows, rankCell } from "@/lib/dashboard/compare";
import { TONE_COLORS, lineColor } from "@/components/charts/palette";
import { isRate, measureTraceKey, type Measure } from "@/lib/dashboard/measures";
import { formatDelta, formatPercent, formatValue } from "@/lib/dashboard/number-format";
import { msg } from "@/lib/messages";
import { query, type Params } from "./search";

const dash = msg.dashboard;
const PER_PAGE = 50;
const CHART_TOP = 10;

function ValueCell({ m, row, shown }: { m: Measure; row: RankRow; shown: ReturnType<typeof rankCell> }) {
  const c = shown.current;
  if (c.hidden === "small-base" || c.hidden === "no-base")
    return (
      <span className="muted small" title={dash.smallBase(m.baseLabel ?? "", c.base)}>
        {dash.smallBase(m.baseLabel ?? "", c.base)}
      </span>
    );
  if (c.value === null || !row.reportId) return <span className="muted">{row.reportId ? "—" : dash.notFiled}</span>;
  return <Link href={cellHref(row.reportId, measureTraceKey(m))}>{formatValue(c.value, m.unit)}</Link>;
}

export async function Results({ p, scope, m, from, to }: { p: Params; scope: CompareScope; m: Measure; from: number; to: number }) {
  const db = await getDb();
  const ranked = await rankAgencies(db, m, scope, to, { limit: PER_PAGE, offset: (p.page - 1) * PER_PAGE });
  if (!ranked) return <Empty>{dash.compare.noRegion}</Empty>;
  if (ranked.total === 0) return <Empty>{dash.compare.noData}</Empty>;
  const chartAgencies = ranked.rows.slice(0, "agencyIds" in scope ? 20 : CHART_TOP);
  const series = await listMeasureSeries(
    db,
    m,
    ranked.rows.map((r) => r.agencyId),
    from,
    to,
  );
  const rows = compareRows(m, series, from, to);
  const lines = chartAgencies.map((a, i) => ({ id: `a${a.agencyId}`, label: a.name, color: lineColor(i) }));
  const pages = Math.ceil(ranked.total / PER_PAGE);
  return (
    <>
      <Card title={dash.compare.chart} testId="card-compare-chart" skeletonHeight={360}>
        <ChartExport
          title={msg.comparePage.chartTitle(m.label)}
          subtitle={msg.comparePage.chartCaption(lines.length, from, to, m.unit === "%" ? msg.common.percent : m.unit)}
          legend={lines}
          table={{
            columns: [
              { key: "year", header: msg.common.year, numFmt: "0" },
              ...lines.map((l) => ({ key: l.id, header: l.label, numFmt: m.unit === "%" ? "0.0%" : "General" })),
            ],
            rows: rows.map((r) => ({
              year: r.year,
              ...Object.fromEntries(lines.map((l) => [l.id, typeof r[l.id] === "number" ? (r[l.id] as number) : null])),
            })),
          }}
        >
          <CompareChart rows={rows} lines={lines} unit={m.unit} cell={measureTraceKey(m)} />
        </ChartExport>
        <p className="muted small">
          {ranked.total > chartAgencies.length && dash.compare.chartTop(chartAgencies.length, ranked.total)}
          {isRate(m) && ` ${dash.compare.hiddenNote(m.minBase ?? 1, m.baseLabel ?? "")}`} {dash.compare.notFiledNote}
        </p>
      </Card>
      <Card title={dash.compare.ranking(to)} testId="card-ranking">
        <table className="list compact" data-testid="ranking">
          <thead>
            <tr>
              <th className="num">{dash.compare.rank}</th>
              <th>{dash.compare.agency}</th>
              <th className="num">{m.label}</th>
              {isRate(m) && <th className="num">{dash.compare.base}</th>}
              <th className="num">{dash.compare.change}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.rows.map((r, i) => {
              const cell = rankCell(m, { num: r.num, den: r.den }, { num: r.prevNum, den: r.prevDen });
              const c = cell.change;
              return (
                <tr key={r.agencyId}>
                  <td className="num">{(p.page - 1) * PER_PAGE + i + 1}</td>
                  <td>
                    <Link href={`/agencies/${r.agencyId}`}>{r.name}</Link> <span className="muted small">{r.regionName}</span>
                  </td>
                  <td className="num">
                    <ValueCell m={m} row={r} shown={cell} />
                  </td>
                  {isRate(m) && <td className="num">{r.den ?? "—"}</td>}
                  <td className="num" style={{ color: TONE_COLORS[c.tone] }}>
                    {c.delta === null ? (
                      <span className="muted">{r.prevReportId ? "—" : dash.prevMissing}</span>
                    ) : (
                      <>
                        {c.direction === "up" ? "▲" : c.direction === "down" ? "▼" : "＝"} {formatDelta(c.delta, m.unit)}
                        {c.pct !== null && <span className="small"> （{formatPercent(c.pct)}）</span>}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {pages > 1 && (
          <nav className="pager" aria-label={msg.common.pagination}>
            {p.page > 1 && <Link href={query(p, { page: p.page - 1 })}>{dash.overview.prev}</Link>}
            <span className="muted">{msg.comparePage.pageOf(p.page, pages, ranked.total)}</span>
            {p.page < pages && <Link href={query(p, { page: p.page + 1 })}>{dash.overview.next}</Link>}
          </nav>
        )}
      </Card>
      <Card title={dash.compare.multiples} testId="card-multiples">
        <div className="multiples">
          {ranked.rows.slice(0, 24).map((r) => {
            const values = rows.map((row) => (row[`a${r.agencyId}`] ?? null) as number | null);
            const last = [...values].reverse().find((v) => v !== null) ?? null;
            return (
              <div className="multiple" key={r.agencyId}>
                <Link href={`/agencies/${r.agencyId}`}>{r.name}</Link>
                <div>
                  <Sparkline values={values} width={180} height={48} label={`${r.name} ${m.label}`} />
                </div>
                <span className="muted">
                  {from}
                  {msg.comparePage.latest(to)}
                  {formatValue(last, m.unit)}
                </span>
              </div>
            );
          })}
        </div>
      </Card>
    </>
  );
}
