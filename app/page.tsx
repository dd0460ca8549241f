import Link from "next/link";
import { z } from "zod";
import { CHART } from "@/components/charts/palette";
import { getDb } from "@/db/index";
import {
  getOverviewCounts,
  listAgencyPage,
  listExpectedSpans,
  listFiledByYear,
  listLatestImports,
  listOpenFindings,
} from "@/db/queries/dashboard";
import { AgencyTable } from "@/components/dashboard/agency-table";
import { Card, Empty } from "@/components/dashboard/card";
import { cellHref } from "@/components/dashboard/links";
import { coverageByYear } from "@/lib/dashboard/coverage";
import { formatCount, formatPercent } from "@/lib/dashboard/number-format";
import { formatDateTime } from "@/lib/format";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { summarizeRectifications } from "@/db/queries/rectifications";
import { RectSummary } from "@/components/rectification/summary";

export const dynamic = "force-dynamic";

const dash = msg.dashboard;
const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) });
const PER_PAGE = 50;

async function Counts() {
  const c = await getOverviewCounts(await getDb());
  return (
    <div className="stats" data-testid="overview-counts">
      <div className="stat">
        <b>{formatCount(c.agencies)}</b>
        {msg.common.agency}
      </div>
      <div className="stat">
        <b>{formatCount(c.reports)}</b>
        {msg.home.reports}
      </div>
      <div className="stat">
        <b>{formatCount(c.regions)}</b>
        {msg.home.regions}
      </div>
      <div className="stat">
        <b>{formatCount(c.findingsOpen)}</b>
        {msg.home.openErrors}
      </div>
    </div>
  );
}

async function CoverageByYear() {
  const db = await getDb();
  const spans = await listExpectedSpans(db);
  const filed = await listFiledByYear(db);
  const rows = coverageByYear(spans, filed);
  if (rows.length === 0) return <Empty>{dash.overview.coverageEmpty}</Empty>;
  return (
    <table className="list compact" data-testid="coverage-by-year">
      <thead>
        <tr>
          <th>{msg.common.year}</th>
          <th className="num">{msg.home.due}</th>
          <th className="num">{msg.home.filed}</th>
          <th>{msg.home.rate}</th>
          <th className="num">{msg.home.late}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {[...rows].reverse().map((r) => (
          <tr key={r.year}>
            <td>{r.year}</td>
            <td className="num">{r.expected}</td>
            <td className="num">{r.filed}</td>
            <td>
              <div className="bar" title={formatPercent(r.rate)}>
                <span style={{ width: `${Math.round((r.rate ?? 0) * 100)}%`, background: CHART.rateBar }} />
              </div>{" "}
              <span className="small">{formatPercent(r.rate)}</span>
            </td>
            <td className="num">{r.late}</td>
            <td>
              <Link href={`/coverage?year=${r.year}`}>{msg.home.notFiledList}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function OpenFindings() {
  const rows = await listOpenFindings(await getDb());
  if (rows.length === 0) return <Empty>{dash.overview.findingsEmpty}</Empty>;
  return (
    <ul className="plain" data-testid="open-findings">
      {rows.map((f) => (
        <li key={f.id}>
          <span className="badge error">{msg.severity[f.severity]}</span> <Link href={`/agencies/${f.agencyId}`}>{f.agency}</Link>
          {msg.home.yearLabel(f.year)}
          <Link href={cellHref(f.reportId, f.cells[0])}>{f.message}</Link>
        </li>
      ))}
    </ul>
  );
}

/** Unfinished and overdue 整改事项 per region and per agency (the ten with most overdue). */
async function Rectifications() {
  const db = await getDb();
  const [byRegion, byAgency] = await Promise.all([summarizeRectifications(db, "region"), summarizeRectifications(db, "agency")]);
  return (
    <div className="grid2">
      <div>
        <h3 className="small">{msg.rect.summary.byRegion}</h3>
        <RectSummary rows={byRegion} by="region" testId="rect-by-region" />
      </div>
      <div>
        <h3 className="small">{msg.rect.summary.byAgency}</h3>
        <RectSummary rows={byAgency.slice(0, 10)} by="agency" testId="rect-by-agency" />
        <p className="small">
          <Link href="/rectifications?status=unfinished">{msg.rect.summary.all}</Link>
        </p>
      </div>
    </div>
  );
}

async function LatestImports() {
  const rows = await listLatestImports(await getDb());
  if (rows.length === 0) return <Empty>{dash.overview.importsEmpty}</Empty>;
  return (
    <ul className="plain" data-testid="latest-imports">
      {rows.map((l) => (
        <li key={l.id}>
          <span className={`badge ${l.status === "failed" ? "error" : "info"}`}>
            {l.status === "failed" ? msg.common.failed : l.status === "updated" ? msg.home.replaced : msg.common.created}
          </span>{" "}
          {l.reportId ? (
            <Link href={`/reports/${l.reportId}`}>{l.message}</Link>
          ) : (
            <span>
              {l.agency ? `${l.agency} ${l.year ?? ""}：` : ""}
              {l.message}
            </span>
          )}{" "}
          <span className="muted small">{formatDateTime(l.at)}</span>
        </li>
      ))}
    </ul>
  );
}

async function AgencyList({ page }: { page: number }) {
  const { rows, total } = await listAgencyPage(await getDb(), page, PER_PAGE);
  if (total === 0)
    return (
      <div className="empty">
        {dash.overview.agenciesEmpty}
        <Link href="/import">{msg.home.importFirst}</Link>
      </div>
    );
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <>
      <AgencyTable rows={rows} />
      {pages > 1 && (
        <nav className="pager" aria-label={msg.common.pagination}>
          {page > 1 && <Link href={`/?page=${page - 1}`}>{dash.overview.prev}</Link>}
          <span className="muted">{dash.overview.page(page, pages, total)}</span>
          {page < pages && <Link href={`/?page=${page + 1}`}>{dash.overview.next}</Link>}
        </nav>
      )}
    </>
  );
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireReader();
  const { page } = searchSchema.parse(await searchParams);
  return (
    <>
      <h1>{msg.app.name}</h1>
      <p className="muted">
        {msg.app.tagline}。<Link href="/agencies">{dash.nav.agencies}</Link> · <Link href="/coverage">{dash.nav.coverage}</Link> ·{" "}
        <Link href="/compare">{dash.nav.compare}</Link>
      </p>
      <Card title={dash.overview.title} testId="card-counts" skeletonHeight={60}>
        <Counts />
      </Card>
      <div className="grid2">
        <Card title={dash.overview.coverage} testId="card-coverage" skeletonHeight={220}>
          <CoverageByYear />
        </Card>
        <div>
          <Card title={dash.overview.findings} testId="card-findings" skeletonHeight={160}>
            <OpenFindings />
          </Card>
          <Card title={dash.overview.imports} testId="card-imports" skeletonHeight={160}>
            <LatestImports />
          </Card>
        </div>
      </div>
      <Card title={msg.rect.summary.title} testId="card-rectifications" skeletonHeight={120}>
        <Rectifications />
      </Card>
      <Card title={dash.overview.agencies} testId="card-agencies" skeletonHeight={400}>
        <AgencyList page={page} />
      </Card>
    </>
  );
}
