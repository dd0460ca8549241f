/** 未报送: for a year and a region, who was expected to report and did not, who filed late, what failed. */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../index";
import type { AgencyKind } from "../../lib/report/agency";
import { deadlineSql } from "./dashboard";
import { rowsOf } from "./rows";
import { regionsIn, subtreeCondition } from "./scope";
import { regionPage } from "./region-page";
import { fromMask, gapsOf, spanMask, toMask, yearBit } from "./agency-coverage-sql";

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

type Listed = Pick<CoverageAgency, "id" | "name" | "kind" | "regionName" | "message" | "at"> & Partial<CoverageAgency>;
const listed = (r: Listed): CoverageAgency => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  regionName: r.regionName,
  reportId: r.reportId ?? null,
  publishedOn: r.publishedOn ?? null,
  deadline: r.deadline ?? null,
  message: r.message,
  at: r.at,
});

/**
 * The agency row (alias a) of one listed id, by its key: a list reads a few hundred agencies of a
 * province, which the planner would otherwise hash whole (offset 0 keeps it a probe per row).
 */
const agencyOf = (id: SQL) => sql`lateral (select a.id, a.name, a.kind, a.region_id from agencies a where a.id = ${id} offset 0) a`;

/** Each agency's latest failed import of the year (alias failed). */
const failedOf = (year: number) => sql`(
  select distinct on (l.agency_id) l.agency_id, l.message, l.at::text as at
  from import_log l where l.year = ${year} and l.status = 'failed' and l.agency_id is not null
  order by l.agency_id, l.at desc)`;

/**
 * Who was expected, who filed, and one page of each list: the missing (region order), the late
 * (most days late first) and those whose import failed. `offsets` pages each list on its own.
 * The counts are sums of the per-region rollups (coverage_counts, region_figures) over the regions
 * in scope; each list reads only the rows of its page.
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
  const rg = regionsIn(inRegion);
  const bit = yearBit(year);
  // Failed imports of agencies in scope that have no report this year.
  // (A probe by key per failed agency — offset 0 keeps the planner from scanning every agency.)
  const unfiled = sql`${failedOf(year)} failed cross join lateral (
    select c.region_id from agency_coverage c where c.agency_id = failed.agency_id and c.years & ${bit} = 0 offset 0) c`;
  const unfiledWhere = sql`c.region_id in ${rg}`;
  // In a region: each late report's agency placed by a probe by key (a scalar subquery, so not a
  // hash of every agency in scope).
  const lateWhere = sql`f.year = ${year} and f.days_late > 0 ${
    regionId ? sql`and (select c.region_id from agency_coverage c where c.agency_id = f.agency_id) in ${rg}` : sql``
  }`;
  const [counts, missing, late, failed] = await Promise.all([
    db
      .execute(sql`
        select (select coalesce(sum(n), 0) from coverage_counts where region_id in ${rg}
                  and from_year <= ${year} and (to_year is null or to_year >= ${year}))::int as expected,
               (select coalesce(sum(n), 0) from coverage_counts where region_id in ${rg} and gaps & ${bit} <> 0)::int as missing,
               (select coalesce(sum(late), 0) from region_figures where year = ${year} and region_id in ${rg})::int as late,
               (select count(*) from ${unfiled} where ${unfiledWhere})::int as failed`)
      .then((r) => rowsOf<{ expected: number; missing: number; late: number; failed: number }>(r)[0]),
    db
      .execute(
        sql`select p.*, failed.message, failed.at from (${regionPage(
          sql`select region_id, sum(n)::int as n from coverage_counts where region_id in ${rg} and gaps & ${bit} <> 0 group by region_id`,
          sql`${gapsOf} & ${bit} <> 0`,
          sql`a.kind, a.name, a.id`,
          off("missing"),
          per,
        )}) p left join ${failedOf(year)} failed on failed.agency_id = p.id order by p.pos`,
      )
      .then((r) => rowsOf<Listed>(r).map(listed)),
    // The late, most days first: a walk down report_figures_late_idx to the page's last row, then
    // that row's whole tie (ordered by name) — not a sort of every late report in scope.
    db
      .execute(sql`
        with cut as (
          select min(days_late) as t
          from (select f.days_late from report_figures f where ${lateWhere} order by f.days_late desc nulls last limit ${off("late") + per}) x
        ),
        tied as (
          select f.agency_id, f.report_id, f.days_late, a.name, a.kind, a.region_id,
                 row_number() over (order by f.days_late desc, a.name, a.id)::int as n
          from report_figures f cross join ${agencyOf(sql`f.agency_id`)}
          where ${lateWhere} and f.days_late >= (select t from cut)
        )
        select a.agency_id as id, a.name, a.kind, g.name as "regionName", a.report_id as "reportId",
               r.published_on::text as "publishedOn", (${deadlineSql})::text as deadline, failed.message, failed.at
        from tied a join regions g on g.id = a.region_id join reports r on r.id = a.report_id
        left join ${failedOf(year)} failed on failed.agency_id = a.agency_id
        where a.n > ${off("late")} and a.n <= ${off("late") + per}
        order by a.n`)
      .then((r) => rowsOf<Listed>(r).map(listed)),
    db
      .execute(sql`
        select a.id, a.name, a.kind, g.name as "regionName", failed.message, failed.at
        from ${unfiled} cross join ${agencyOf(sql`failed.agency_id`)} join regions g on g.id = a.region_id
        where ${unfiledWhere}
        order by failed.at desc, a.name, a.id
        limit ${per} offset ${off("failed")}`)
      .then((r) => rowsOf<Listed>(r).map(listed)),
  ]);
  return {
    expected: counts.expected,
    filed: counts.expected - counts.missing,
    missing: { total: counts.missing, rows: missing },
    late: { total: counts.late, rows: late },
    failed: { total: counts.failed, rows: failed },
  };
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
  const rg = regionsIn(inRegion);
  const span = spanMask(from, to);
  const off = Math.max(0, Math.trunc(opts.offset ?? 0));
  const [count, rows] = await Promise.all([
    db
      .execute(sql`select coalesce(sum(n), 0)::int as total from coverage_counts where region_id in ${rg} and gaps & ${span} <> 0`)
      .then((r) => rowsOf<{ total: number }>(r)[0]),
    db
      .execute(sql`
        select p.id, p.name, p.kind, p."regionName",
               array(select y from generate_series(${from}::int, ${to}::int) y
                     where coverage_gaps(p.years, c.active_from, c.active_to) & ${fromMask(sql`y`)} & ${toMask(sql`y`)} <> 0) as years
        from (${regionPage(
          sql`select region_id, sum(n)::int as n from coverage_counts where region_id in ${rg} and gaps & ${span} <> 0 group by region_id`,
          sql`${gapsOf} & ${span} <> 0`,
          sql`a.name, a.id`,
          off,
          opts.limit ?? 50,
        )}) p join agency_coverage c on c.agency_id = p.id
        order by p.pos`)
      .then((r) => rowsOf<Omit<SpanMissing, "years"> & { years: unknown[] }>(r)),
  ]);
  return { total: count.total, rows: rows.map((r) => ({ ...r, years: r.years.map(Number) })) };
}
