import Link from "next/link";
import { z } from "zod";
import { RegionSelect } from "@/components/filters/region-select";
import { getDb } from "@/db/index";
import {
  COVERAGE_BUCKETS,
  getCoverage,
  listReportYears,
  listSpanMissing,
  type CoverageAgency,
  type CoverageBucket,
} from "@/db/queries/coverage";
import { listRegionNodes } from "@/db/queries/directory";
import { Card, Empty } from "@/components/dashboard/card";
import { AgencyList } from "@/components/dashboard/agency-list";
import { daysLate } from "@/lib/report/deadline";
import { formatDate, formatDateTime } from "@/lib/format";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { CoverageEvidence } from "./evidence";
import { YearRange } from "@/components/filters/year-range";

export const dynamic = "force-dynamic";

const dash = msg.dashboard;
const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
const searchSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  region: z.coerce.number().int().positive().optional().catch(undefined),
  missingPage: page,
  latePage: page,
  failedPage: page,
  from: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  to: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  spanPage: page,
});
type Search = z.infer<typeof searchSchema>;
const PER_PAGE = 50;
const PAGE_PARAM = { missing: "missingPage", late: "latePage", failed: "failedPage" } as const satisfies Record<
  CoverageBucket,
  keyof Search
>;

/** This view's URL with one list turned to another page (the other lists stay where they are). */
function href(p: Search & { year: number }, bucket: CoverageBucket, to: number): string {
  const q = new URLSearchParams({ year: String(p.year) });
  if (p.region) q.set("region", String(p.region));
  for (const b of COVERAGE_BUCKETS) {
    const n = b === bucket ? to : p[PAGE_PARAM[b]];
    if (n > 1) q.set(PAGE_PARAM[b], String(n));
  }
  return `/coverage?${q}`;
}

/** "第 2 / 7 页" with the neighbours, per list; nothing when one page holds them all. */
function Pager({ p, bucket, total }: { p: Search & { year: number }; bucket: CoverageBucket; total: number }) {
  const pages = Math.ceil(total / PER_PAGE);
  if (pages <= 1) return null;
  const at = Math.min(p[PAGE_PARAM[bucket]], pages);
  return (
    <p className="small pager" data-testid={`${bucket}-pager`}>
      {at > 1 && <Link href={href(p, bucket, at - 1)}>{dash.overview.prev}</Link>} {dash.coverage.page(at, pages, total)}{" "}
      {at < pages && <Link href={href(p, bucket, at + 1)}>{dash.overview.next}</Link>}
    </p>
  );
}

function MissingTable({ rows, testId }: { rows: CoverageAgency[]; testId: string }) {
  return <AgencyList rows={rows} columns={[{ head: msg.common.regionOf, cell: (a) => a.regionName }]} testId={testId} />;
}

/** One view of every agency that missed any year of a span (default: the latest five years). */
async function SpanMissingCard({ p, from, to }: { p: Search; from: number; to: number }) {
  const c = dash.coverage;
  const r = await listSpanMissing(await getDb(), from, to, p.region ?? null, { limit: PER_PAGE, offset: (p.spanPage - 1) * PER_PAGE });
  if (!r) return null;
  const pages = Math.ceil(r.total / PER_PAGE);
  const at = Math.min(p.spanPage, Math.max(1, pages));
  const link = (n: number) => {
    const q = new URLSearchParams({ from: String(from), to: String(to) });
    if (p.year) q.set("year", String(p.year));
    if (p.region) q.set("region", String(p.region));
    if (n > 1) q.set("spanPage", String(n));
    return `/coverage?${q}`;
  };
  return (
    <Card title={c.spanTitle(from, to, r.total)} testId="card-span-missing">
      {r.total === 0 ? (
        <Empty>{c.spanEmpty(from, to)}</Empty>
      ) : (
        <table className="list compact" data-testid="span-missing-list">
          <thead>
            <tr>
              <th>{c.agency}</th>
              <th>{c.regionColumn}</th>
              <th>{c.spanYears}</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/agencies/${a.id}`}>{a.name}</Link>
                </td>
                <td>{a.regionName}</td>
                <td>{a.years.join("、")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <p className="small pager" data-testid="span-pager">
          {at > 1 && <Link href={link(at - 1)}>{dash.overview.prev}</Link>} {c.page(at, pages, r.total)}{" "}
          {at < pages && <Link href={link(at + 1)}>{dash.overview.next}</Link>}
        </p>
      )}
    </Card>
  );
}

async function CoverageCards({ p }: { p: Search & { year: number } }) {
  const year = p.year;
  const offsets = Object.fromEntries(COVERAGE_BUCKETS.map((b) => [b, (p[PAGE_PARAM[b]] - 1) * PER_PAGE]));
  const c = await getCoverage(await getDb(), year, p.region ?? null, { perPage: PER_PAGE, offsets });
  if (!c) return <Empty>{dash.coverage.noRegion}</Empty>;
  const download = (format: "csv" | "xlsx") =>
    `/api/coverage?${new URLSearchParams({ year: String(year), ...(p.region ? { region: String(p.region) } : {}), format })}`;
  return (
    <>
      <p data-testid="coverage-summary">
        {dash.coverage.summary(c.expected, c.filed)}{" "}
        <span className="small">
          {dash.coverage.download}：
          <a href={download("csv")} data-testid="coverage-csv">
            CSV
          </a>{" "}
          · <a href={download("xlsx")}>XLSX</a>
        </span>
      </p>
      <div className="grid3">
        <Card title={`${dash.coverage.missing}（${c.missing.total}）`} testId="card-missing">
          {c.missing.total === 0 ? (
            <Empty>{dash.coverage.missingEmpty(year)}</Empty>
          ) : (
            <MissingTable rows={c.missing.rows} testId="missing-list" />
          )}
          <Pager p={p} bucket="missing" total={c.missing.total} />
        </Card>
        <Card title={`${dash.coverage.late}（${c.late.total}）`} testId="card-late">
          {c.late.total === 0 ? (
            <Empty>{dash.coverage.lateEmpty(year)}</Empty>
          ) : (
            <table className="list compact" data-testid="late-list">
              <thead>
                <tr>
                  <th>{msg.common.agency}</th>
                  <th>{dash.coverage.published}</th>
                  <th>{dash.coverage.deadline}</th>
                </tr>
              </thead>
              <tbody>
                {c.late.rows.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link href={`/agencies/${a.id}`}>{a.name}</Link>
                    </td>
                    <td>
                      <Link href={`/reports/${a.reportId}`}>{formatDate(a.publishedOn)}</Link>
                      <div className="small tone-bad">{dash.coverage.daysLate(daysLate(year, a.kind, a.publishedOn) ?? 0)}</div>
                    </td>
                    <td>{formatDate(a.deadline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager p={p} bucket="late" total={c.late.total} />
        </Card>
        <Card title={`${dash.coverage.failed}（${c.failed.total}）`} testId="card-failed">
          {c.failed.total === 0 ? (
            <Empty>{dash.coverage.failedEmpty(year)}</Empty>
          ) : (
            <table className="list compact" data-testid="failed-list">
              <thead>
                <tr>
                  <th>{msg.common.agency}</th>
                  <th>{msg.common.reason}</th>
                </tr>
              </thead>
              <tbody>
                {c.failed.rows.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link href={`/agencies/${a.id}`}>{a.name}</Link>
                    </td>
                    <td className="small">
                      {a.message}
                      {a.at && <div className="muted">{formatDateTime(a.at)}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager p={p} bucket="failed" total={c.failed.total} />
        </Card>
      </div>
    </>
  );
}

export default async function CoveragePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireReader();
  const params = searchSchema.parse(await searchParams);
  const db = await getDb();
  const [years, regions] = [await listReportYears(db), await listRegionNodes(db)];
  if (years.length === 0)
    return (
      <>
        <h1>{dash.coverage.title}</h1>
        <Empty>{dash.coverage.noYears}</Empty>
      </>
    );
  const year = params.year ?? years[0];
  const region = params.region ?? null;
  const spanTo = params.to ?? years[0];
  const spanFrom = Math.min(params.from ?? spanTo - 4, spanTo);
  return (
    <>
      <h1>{dash.coverage.title}</h1>
      <form className="filters" action="/coverage" autoComplete="off">
        <label>
          {dash.coverage.year}
          <select name="year" defaultValue={String(year)}>
            {[...new Set([year, ...years])]
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                  {msg.coveragePage.yearSuffix}
                </option>
              ))}
          </select>
        </label>
        <RegionSelect
          regions={regions.filter((r) => r.level !== "township")}
          value={region}
          label={dash.coverage.region}
          allLabel={dash.coverage.all}
        />
        <YearRange from={spanFrom} to={spanTo} fromLabel={dash.coverage.spanFrom} toLabel={dash.coverage.spanTo} />
        <button type="submit">{dash.coverage.show}</button>
      </form>
      <CoverageCards p={{ ...params, year }} />
      <Card title={msg.harvest.evidence.coverageTitle(year)} testId="card-coverage-evidence">
        <CoverageEvidence year={year} regionId={region} />
      </Card>
      <SpanMissingCard p={params} from={spanFrom} to={spanTo} />
    </>
  );
}
