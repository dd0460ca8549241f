/** 未报送: for a year and a region, who was expected to report and did not, who filed late, what failed. */
import { sql } from "drizzle-orm";
import type { Db } from "../index";
import type { AgencyKind } from "../schema";
import { deadlineSql } from "./dashboard";
import { rowsOf } from "./rows";
import { subtreeCondition } from "./scope";

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

export interface Coverage {
  expected: number;
  filed: number;
  missing: { total: number; rows: CoverageAgency[] };
  late: { total: number; rows: CoverageAgency[] };
  failed: { total: number; rows: CoverageAgency[] };
}

/** Expected in `year`: active_from (else the first report's year) ≤ year ≤ active_to (open-ended when null). */
const expectedSql = (year: number) => sql`
  coalesce(a.active_from, (select min(r0.year) from reports r0 where r0.agency_id = a.id)) <= ${year}
  and (a.active_to is null or a.active_to >= ${year})`;

export async function getCoverage(db: Db, year: number, regionId: number | null, limit = 200): Promise<Coverage | null> {
  const inRegion = await subtreeCondition(db, regionId);
  if (!inRegion) return null;
  // One pass over the region's agencies: this year's report (by the (agency, year) key) and the
  // latest failed import of this year, pre-aggregated once rather than looked up per agency.
  const base = sql`
    with failed as (
      select distinct on (l.agency_id) l.agency_id, l.message, l.at
      from import_log l where l.year = ${year} and l.status = 'failed' and l.agency_id is not null
      order by l.agency_id, l.at desc
    ),
    scope as (
      select a.id, a.name, a.kind, g.name as region_name, g.path, ${expectedSql(year)} as expected,
             r.id as report_id, r.published_on, ${deadlineSql} as deadline, failed.message, failed.at
      from agencies a join regions g on g.id = a.region_id
      left join reports r on r.agency_id = a.id and r.year = ${year}
      left join failed on failed.agency_id = a.id
      where ${inRegion}
    )`;
  const rows = rowsOf<CoverageAgency & { bucket: "missing" | "late" | "failed"; total: number; expected_n: number; filed_n: number }>(
    await db.execute(sql`
      ${base},
      counted as (
        select count(*) filter (where expected)::int as expected_n,
               count(*) filter (where expected and report_id is not null)::int as filed_n
        from scope
      ),
      buckets as (
        select 'missing' as bucket, s.*, row_number() over (order by s.path, s.kind, s.name) as n, count(*) over () as total
        from scope s where s.expected and s.report_id is null
        union all
        select 'late', s.*, row_number() over (order by s.published_on desc, s.name), count(*) over ()
        from scope s where s.published_on > s.deadline
        union all
        select 'failed', s.*, row_number() over (order by s.at desc, s.name), count(*) over ()
        from scope s where s.report_id is null and s.message is not null
      )
      select b.bucket, b.id, b.name, b.kind, b.region_name as "regionName", b.report_id as "reportId",
             b.published_on::text as "publishedOn", b.deadline::text as deadline, b.message, b.at::text as at,
             b.total::int as total, c.expected_n, c.filed_n
      from counted c left join buckets b on b.n <= ${limit}
      order by b.bucket, b.n`),
  );
  const pick = (bucket: string) => {
    const xs = rows.filter((r) => r.bucket === bucket);
    return { total: xs[0]?.total ?? 0, rows: xs.map(({ bucket: _b, total: _t, expected_n: _e, filed_n: _f, ...r }) => r) };
  };
  return { expected: rows[0]?.expected_n ?? 0, filed: rows[0]?.filed_n ?? 0, missing: pick("missing"), late: pick("late"), failed: pick("failed") };
}

/** Years that have any report or import attempt, newest first: the year picker. */
export async function listReportYears(db: Db): Promise<number[]> {
  return rowsOf<{ year: number }>(await db.execute(sql`select distinct year from reports order by year desc`)).map((r) => r.year);
}
