/**
 * The agency page's cards, each an async server component reading the request's one cached load:
 * KPI cards, the families of figures, posts published, the report list.
 */
import Link from "next/link";
import { legendOf } from "@/components/charts/palette";
import { FamilyChart, type FamilyChartRow } from "@/components/charts/family-chart";
import { TrendChart } from "@/components/charts/trend-chart";
import { Card, Empty } from "@/components/dashboard/card";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { PostsTable } from "@/components/dashboard/posts-table";
import { FAMILIES, familyRows, formatBreak, postsFamily, type ChartRow, type Family } from "@/lib/dashboard/families";
import { HEADLINE_SERIES, headlineRows } from "@/lib/dashboard/headline-trend";
import { buildKpis, fromFirstTables } from "@/lib/dashboard/kpis";
import { MEASURE_BY_ID, measureTraceKey } from "@/lib/dashboard/measures";
import { msg } from "@/lib/messages";
import { FORMAT_LABELS } from "@/lib/report/template";
import { formatDate } from "@/lib/format";
import { correctPostCount } from "./actions";
import { getDb } from "@/db/index";
import { agencyTarget } from "@/db/queries/users";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/app/session";
import { ChartExport } from "@/components/export/chart-export";
import { chartSubtitle, yearSeriesTable } from "@/lib/export/table";
import { loadAgencyYears, loadExpectedSpan, loadReportList } from "./data";
import { filingHistory } from "@/lib/dashboard/filing";
import type { DeadlineKind } from "@/lib/report/deadline";

const dash = msg.dashboard;

const toChartRows = (rows: ChartRow[]): FamilyChartRow[] =>
  rows.map((r) => ({ year: r.year, filed: r.filed, format: r.format, reportId: r.reportId, ...r.values }));

export async function KpiSection({ agencyId }: { agencyId: number }) {
  const { years } = await loadAgencyYears(agencyId);
  return <KpiCards kpis={buildKpis(years)} />;
}

/**
 * The KPI cards' count measures over every filed year. Pre-2019 years have no tables: where their
 * text states a figure of the same meaning it is drawn, marked 正文所述 on the chart, in the
 * export and in the note below.
 */
export async function HeadlineSection({ agencyId, agencyName }: { agencyId: number; agencyName: string }) {
  const { years } = await loadAgencyYears(agencyId);
  const rows = headlineRows(years);
  const label = new Map(HEADLINE_SERIES.map((s) => [s.id as string, s.label]));
  const missingYears = rows.filter((r) => !r.filed).map((r) => r.year);
  const noTables = rows.filter((r) => r.format === "pre2019").map((r) => r.year);
  const statedYears = rows.filter((r) => r.stated.length > 0).map((r) => r.year);
  const statedLabels = HEADLINE_SERIES.filter((s) => rows.some((r) => r.stated.includes(s.id))).map((s) => s.label);
  const subtitle = chartSubtitle(agencyName, rows, msg.common.pieces);
  return (
    <>
      <ChartExport
        title={dash.headline.title}
        subtitle={statedYears.length > 0 ? `${subtitle} · ${dash.headline.statedSubtitle(statedYears)}` : subtitle}
        legend={legendOf(HEADLINE_SERIES)}
        table={yearSeriesTable(
          rows.map((r) => ({
            ...r,
            note: r.stated.length > 0 ? dash.headline.statedRow(r.stated.map((id) => label.get(id) ?? id)) : undefined,
          })),
          HEADLINE_SERIES,
          msg.common.pieces,
        )}
      >
        <TrendChart
          rows={rows}
          series={HEADLINE_SERIES.map(({ id, label, unit }) => ({ id, label, unit, cell: measureTraceKey(MEASURE_BY_ID.get(id)!) }))}
        />
      </ChartExport>
      <p className="muted small">
        {dash.headline.multiplesNote}
        {missingYears.length > 0 && dash.gapNote(missingYears)}
        {noTables.length > 0 && dash.pre2019Note(noTables)}
        {statedYears.length > 0 && dash.headline.statedNote(statedYears, statedLabels)}
      </p>
    </>
  );
}

function FamilyNotes({ family, rows }: { family: Family; rows: ChartRow[] }) {
  const missing = rows.filter((r) => !r.filed).map((r) => r.year);
  const brk = family.series.some((s) => s.formats === "2021" || s.formats === "2019") ? formatBreak(rows) : null;
  const hidden = rows.filter((r) => Object.values(r.hidden).some((h) => h === "small-base" || h === "no-base"));
  const measure = family.chart === "rate" ? MEASURE_BY_ID.get(family.series[0].id) : undefined;
  return (
    <p className="muted small">
      {missing.length > 0 && dash.gapNote(missing)}
      {brk !== null && dash.formatBreak(brk)}
      {family.note && brk !== null && ` ${family.note}`}
      {measure &&
        hidden.length > 0 &&
        msg.agencyPage.hiddenSmallBase(
          hidden.map((r) => msg.agencyPage.yearOf(r.year)),
          measure.baseLabel ?? "",
          measure.minBase,
        )}
    </p>
  );
}

export async function FamilySection({ agencyId, agencyName, familyId }: { agencyId: number; agencyName: string; familyId: string }) {
  const { years } = await loadAgencyYears(agencyId);
  const family = FAMILIES.find((f) => f.id === familyId)!;
  const rows = fromFirstTables(familyRows(family, years));
  const any = rows.some((r) => Object.values(r.values).some((v) => v !== null));
  if (!any) return <Empty>{dash.emptyFamily}</Empty>;
  // Series that no year prints (e.g. 2019-format lines for an agency with only 2021-format reports) stay out of the legend.
  const series = family.series.filter((s) => rows.some((r) => r.values[s.id] !== null));
  const brk = series.some((s) => s.formats === "2021" || s.formats === "2019") ? formatBreak(rows) : null;
  return (
    <>
      <ChartExport
        title={family.title}
        subtitle={chartSubtitle(agencyName, rows, family.unit)}
        legend={legendOf(series)}
        table={yearSeriesTable(rows, series, family.unit)}
      >
        <FamilyChart
          rows={toChartRows(rows)}
          series={series.map(({ id, label, cell }) => ({ id, label, cell }))}
          kind={family.chart === "stacked" ? "stacked" : "line"}
          unit={family.unit}
          breakYear={brk}
          testId={`family-${family.id}`}
        />
      </ChartExport>
      <FamilyNotes family={family} rows={rows} />
    </>
  );
}

export async function PostsSection({ agencyId, agencyName }: { agencyId: number; agencyName: string }) {
  const [{ years }, user, target] = await Promise.all([
    loadAgencyYears(agencyId),
    currentUser(),
    getDb().then((db) => agencyTarget(db, agencyId)),
  ]);
  // The form only for those the action would accept (posts.correct); the action checks again.
  const mayCorrect = can(user, "correct", target);
  const { family, rows } = postsFamily(years);
  return (
    <>
      {family.series.length === 0 ? (
        <Empty>{dash.posts.none}</Empty>
      ) : (
        <ChartExport
          title={dash.posts.title}
          subtitle={chartSubtitle(agencyName, rows, msg.common.items)}
          legend={legendOf(family.series)}
          table={yearSeriesTable(rows, family.series, msg.common.items)}
        >
          <FamilyChart
            rows={toChartRows(rows)}
            series={family.series}
            kind="line"
            unit={msg.common.items}
            breakYear={null}
            testId="family-posts"
          />
        </ChartExport>
      )}
      <PostsTable agencyId={agencyId} years={years} action={mayCorrect ? correctPostCount : undefined} />
    </>
  );
}

export async function ReportListSection({ agencyId }: { agencyId: number }) {
  const reportList = await loadReportList(agencyId);
  if (reportList.length === 0) return <p className="empty">{msg.agencyPage.noReports}</p>;
  return (
    <table className="list" data-testid="report-list">
      <thead>
        <tr>
          <th>{msg.common.year}</th>
          <th>{msg.common.format}</th>
          <th>{msg.common.publishedOn}</th>
          <th>{msg.agencyPage.checkResult}</th>
          <th>{msg.agencyPage.sourceFile}</th>
        </tr>
      </thead>
      <tbody>
        {reportList.map((r) => (
          <tr key={r.id}>
            <td>
              <Link href={`/reports/${r.id}`}>
                {r.year}
                {msg.agencyPage.yearSuffix}
              </Link>
            </td>
            <td>{FORMAT_LABELS[r.format]}</td>
            <td>{formatDate(r.publishedOn) || <span className="muted">{msg.common.unknown}</span>}</td>
            <td>
              {r.errors > 0 && (
                <span className="badge error">
                  {msg.agencyPage.errorsCount}
                  {r.errors}
                </span>
              )}{" "}
              {r.warnings > 0 && (
                <span className="badge warning">
                  {msg.agencyPage.warningsCount}
                  {r.warnings}
                </span>
              )}
              {r.errors === 0 && r.warnings === 0 && <span className="muted">{msg.agencyPage.noProblems}</span>}
            </td>
            <td className="muted">{r.sourceName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FamilyCards({ agencyId, agencyName }: { agencyId: number; agencyName: string }) {
  return (
    <div className="grid2">
      {FAMILIES.map((f) => (
        <Card key={f.id} title={f.title} testId={`card-${f.id}`} skeletonHeight={260}>
          <FamilySection agencyId={agencyId} agencyName={agencyName} familyId={f.id} />
        </Card>
      ))}
    </div>
  );
}

/**
 * One line: every year the agency was expected to report — filed on time, late (days), or missing —
 * so a reader sees at once that an agency stopped after 2021. Text says the status; colour only helps.
 */
export async function FilingHistoryLine({ agencyId, kind }: { agencyId: number; kind: DeadlineKind }) {
  const [span, list] = [await loadExpectedSpan(agencyId), await loadReportList(agencyId)];
  const history = filingHistory(span, list, kind);
  const f = dash.filing;
  if (history.length === 0) return <p className="muted small">{f.none}</p>;
  const filed = history.filter((h) => h.status !== "missing").length;
  const late = history.filter((h) => h.status === "late").length;
  return (
    <p className="filing-history" data-testid="filing-history">
      <span className="filing-title">
        {f.title}（{f.summary(history.length, filed, late, history.length - filed)}）：
      </span>
      {history.map((h) => {
        const text =
          h.status === "on-time" ? f.onTime : h.status === "late" ? f.late(h.daysLate ?? 0) : h.status === "no-date" ? f.noDate : f.missing;
        const body = (
          <>
            <b>{h.year}</b> {text}
          </>
        );
        return (
          <span key={h.year} className={`filing ${h.status}`} data-status={h.status}>
            {h.reportId ? <Link href={`/reports/${h.reportId}`}>{body}</Link> : body}
          </span>
        );
      })}
    </p>
  );
}
