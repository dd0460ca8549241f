/** 未报送: for a year and a region, who was expected to report and did not, who filed late, what failed. */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../index";
import type { AgencyKind } from "../../lib/report/agency";
import { deadlineSql } from "./dashboard";
import { rowsOf } from "./rows";
import { subtreeCondition } from "./scope";
import { coverageIn, expectedMask, fromMask, toMask, yearBit } from "./agency-coverage-sql";

export interface CoverageAgency {
  id: number;
  name: string;
  kind: AgencyKind;
  regionName: string;
  reportId: number | null;
  publishedOn: string | null;
  deadline: string | null;
  message: string | null;
  at: string | null;
}

export const COVERAGE_BUCKETS = ["missing", "late", "failed"] as const;
export type CoverageBucket = (typeof COVERAGE_BUCKETS)[number];

export interface Coverage {
  expected: number;
  filed: number;
  missing: { total: number; rows: CoverageAgency[] };
  late: { total: number; rows: CoverageAgency[] };
  failed: { total: number; rows: CoverageAgency[] };
}

/**
 * The agency row (alias a) of one listed id, by its key: a list reads a few hundred agencies of a
 * province, which the planner would otherwise hash whole (offset 0 keeps it a probe per row).
 */
const agencyOf = (id: SQL) => sql`(select a.id, a.name, a.kind, a.region_id from agencies a where a.id = ${id} offset 0) a`;

/**
 * Who was expected, who filed, and one page of each list: the missing (region order), the late
 * (most days late first) and those whose import failed. `offsets` pages each list on its own.
 */
export async function getCoverage(
  db: Db,
  year: number,
  regionId: number | null,
  opts: { perPage?: number; offsets?: Partial<Record<CoverageBucket, number>> } = {},
): Promise<Coverage | null> {
  const inRegion = await subtreeCondition(db, regionId);
  if (!inRegion) return null;
  const per = opts.perPage ?? 50;
  const off = (b: CoverageBucket) => Math.max(0, Math.trunc(opts.offsets?.[b] ?? 0));
  // One pass over the region's agencies against the narrow report_figures rows of the year (index
  // only: report id and days late), and the latest failed import of the year; the wide reports
  // row is read only for the late rows shown.
  type Row = CoverageAgency & {
    bucket: CoverageBucket | null;
    expected_n: number;
    filed_n: number;
    missing_n: number;
    late_n: number;
    failed_n: number;
  };
  const rows = rowsOf<Row>(
    await db.execute(sql`
      with sc as (
        -- One narrow row per agency in scope: expected this year, and filed (a report this year).
        select c.agency_id as id, (${expectedMask} & ${yearBit(year)}) <> 0 as expected, (c.years & ${yearBit(year)}) <> 0 as filed
        from ${coverageIn(inRegion)}
      ),
      failed as (
        select distinct on (l.agency_id) l.agency_id, l.message, l.at
        from import_log l where l.year = ${year} and l.status = 'failed' and l.agency_id is not null
        order by l.agency_id, l.at desc
      ),
      late as (
        select f.agency_id as id, f.report_id, f.days_late, failed.message, failed.at
        from report_figures f join sc on sc.id = f.agency_id left join failed on failed.agency_id = f.agency_id
        where f.year = ${year} and f.days_late > 0
      ),
      unfiled_failed as (
        select failed.agency_id as id, failed.message, failed.at from failed join sc on sc.id = failed.agency_id where not sc.filed
      ),
      counted as (
        select count(*) filter (where expected)::int as expected_n,
               count(*) filter (where expected and filed)::int as filed_n,
               count(*) filter (where expected and not filed)::int as missing_n,
               (select count(*) from late)::int as late_n,
               (select count(*) from unfiled_failed)::int as failed_n
        from sc
      ),
      -- Each list reads names and regions for its own rows only.
      buckets as (
        select 'missing' as bucket, a.id, a.name, a.kind, g.name as region_name, null::int as report_id, null::int as days_late,
               x.message, x.at, row_number() over (order by g.path, a.kind, a.name) as n
        from sc cross join lateral ${agencyOf(sql`sc.id`)} join regions g on g.id = a.region_id left join failed x on x.agency_id = sc.id
        where sc.expected and not sc.filed
        union all
        select 'late', a.id, a.name, a.kind, g.name, l.report_id, l.days_late, l.message, l.at, row_number() over (order by l.days_late desc, a.name)
        from late l cross join lateral ${agencyOf(sql`l.id`)} join regions g on g.id = a.region_id
        union all
        select 'failed', a.id, a.name, a.kind, g.name, null::int, null::int, u.message, u.at, row_number() over (order by u.at desc, a.name)
        from unfiled_failed u cross join lateral ${agencyOf(sql`u.id`)} join regions g on g.id = a.region_id
      )
      select b.bucket, b.id, b.name, b.kind, b.region_name as "regionName", b.report_id as "reportId",
             r.published_on::text as "publishedOn",
             case when r.id is not null then (${deadlineSql})::text end as deadline,
             b.message, b.at::text as at, c.expected_n, c.filed_n, c.missing_n, c.late_n, c.failed_n
      from counted c
      left join buckets b on (b.bucket = 'missing' and b.n > ${off("missing")} and b.n <= ${off("missing") + per})
                          or (b.bucket = 'late' and b.n > ${off("late")} and b.n <= ${off("late") + per})
                          or (b.bucket = 'failed' and b.n > ${off("failed")} and b.n <= ${off("failed") + per})
      left join reports r on r.id = b.report_id
      left join agencies a on a.id = b.id
      order by b.bucket, b.n`),
  );
  const first = rows[0];
  if (!first)
    return { expected: 0, filed: 0, missing: { total: 0, rows: [] }, late: { total: 0, rows: [] }, failed: { total: 0, rows: [] } };
  const pick = (bucket: CoverageBucket) => ({
    total: first[`${bucket}_n`],
    rows: rows
      .filter((r) => r.bucket === bucket)
      .map(({ id, name, kind, regionName, reportId, publishedOn, deadline, message, at }) => ({
        id,
        name,
        kind,
        regionName,
        reportId,
        publishedOn,
        deadline,
        message,
        at,
      })),
  });
  return { expected: first.expected_n, filed: first.filed_n, missing: pick("missing"), late: pick("late"), failed: pick("failed") };
}

/** Years that have any report or import attempt, newest first: the year picker. */
export async function listReportYears(db: Db): Promise<number[]> {
  // A skip scan down reports_year_idx: one probe per year, not one row per report.
  return rowsOf<{ year: number }>(
    await db.execute(sql`
      with recursive y(year) as (
        select max(year) from reports
        union all
        select (select max(r.year) from reports r where r.year < y.year) from y where y.year is not null
      )
      select year from y where year is not null`),
  ).map((r) => r.year);
}

/** The latest year anyone has reported: through it, every active agency is expected to have reported. */
export async function getLatestReportYear(db: Db): Promise<number | null> {
  const [r] = rowsOf<{ year: number | null }>(await db.execute(sql`select max(year)::int as year from reports`));
  return r?.year ?? null;
}

export interface SpanMissing {
  id: number;
  name: string;
  kind: AgencyKind;
  regionName: string;
  /** The years in the span the agency was expected to report and has no report for. */
  years: number[];
}

/**
 * "Which agencies missed any year of 2021–2025": every agency of the region (and below) expected in
 * some year of the span (active_from, else its first report, ≤ year ≤ active_to) with no report
 * for that year, its missing years listed; one page, region order, and the total.
 */
export async function listSpanMissing(
  db: Db,
  from: number,
  to: number,
  regionId: number | null,
  opts: { limit?: number; offset?: number } = {},
): Promise<{ total: number; rows: SpanMissing[] } | null> {
  const inRegion = await subtreeCondition(db, regionId);
  if (!inRegion) return null;
  const rows = rowsOf<SpanMissing & { total: number }>(
    await db.execute(sql`
      with gaps as (
        select c.agency_id, ${expectedMask} & ${fromMask(sql`${from}::int`)} & ${toMask(sql`${to}::int`)} & ~c.years as m
        from ${coverageIn(inRegion)}
      ),
      missed as (
        select a.id, a.name, a.kind, g.name as region_name, g.path, gaps.m
        from gaps join agencies a on a.id = gaps.agency_id join regions g on g.id = a.region_id
        where gaps.m <> 0
      )
      select id, name, kind, region_name as "regionName",
             array(select g from generate_series(${from}::int, ${to}::int) g where m & ${fromMask(sql`g`)} & ${toMask(sql`g`)} <> 0) as years,
             count(*) over ()::int as total
      from missed order by path, name
      limit ${opts.limit ?? 50} offset ${opts.offset ?? 0}`),
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => ({ ...r, years: (r.years as unknown[]).map(Number) })) };
}
