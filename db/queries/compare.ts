/**
 * Compare agencies on one measure: rank them in SQL over the report_figures rollup, then fetch the
 * year series of only the agencies shown. Never ships every agency-year of a province to JS.
 */
import { sql, type SQL } from "drizzle-orm";
import { figureColumn } from "../../lib/dashboard/figures";
import type { Measure } from "../../lib/dashboard/measures";
import type { Db } from "../index";
import type { AgencyKind, RegionLevel } from "../../lib/report/agency";
import { ensureReportFigures } from "./figures";
import { rowsOf } from "./rows";
import { regionsIn, subtreeCondition } from "./scope";

export type CompareScope = { agencyIds: number[] } | { regionId: number | null; kind: AgencyKind | null; level: RegionLevel | null };

const sumOf = (ids: readonly string[]) => {
  const cols = ids.map((id) => `f.${figureColumn(id)}`);
  // Null when every figure is null (a gap), else the sum with blanks as 0.
  return sql.raw(
    `case when num_nulls(${cols.join(", ")}) = ${cols.length} then null else ${cols.map((c) => `coalesce(${c}, 0)`).join(" + ")} end`,
  );
};

export interface RankRow {
  agencyId: number;
  name: string;
  regionName: string;
  kind: AgencyKind;
  num: number | null;
  den: number | null;
  reportId: number | null;
  prevNum: number | null;
  prevDen: number | null;
  prevReportId: number | null;
}

export interface SeriesRow {
  agencyId: number;
  year: number;
  reportId: number;
  num: number | null;
  den: number | null;
}

async function scopeCondition(db: Db, scope: CompareScope): Promise<SQL | null> {
  if ("agencyIds" in scope) {
    const ids = scope.agencyIds.filter((n) => Number.isInteger(n) && n > 0);
    if (ids.length === 0) return sql`false`;
    return sql.raw(`a.id in (${ids.join(",")})`);
  }
  const region = await subtreeCondition(db, scope.regionId);
  if (!region) return null;
  return sql`${region} ${scope.kind ? sql`and a.kind = ${scope.kind}` : sql``} ${scope.level ? sql`and g.level = ${scope.level}` : sql``}`;
}

/**
 * Agencies in scope ranked on the measure in `year` (with last year's value for 同比). Rates rank
 * only where the base reaches the minimum; the rest sort last, as their rate is not shown.
 */
export async function rankAgencies(
  db: Db,
  measure: Measure,
  scope: CompareScope,
  year: number,
  opts: { limit: number; offset: number },
): Promise<{ rows: RankRow[]; total: number } | null> {
  await ensureReportFigures(db);
  const cond = await scopeCondition(db, scope);
  if (!cond) return null;
  const num = sumOf(measure.num);
  const den = measure.den ? sumOf(measure.den) : sql`null::float8`;
  const minBase = measure.minBase ?? 1;
  const rows = rowsOf<RankRow & { total: number }>(
    await db.execute(sql`
      with scope as (
        select a.id, a.name, a.kind, g.name as region_name from agencies a join regions g on g.id = a.region_id where ${cond}
      ),
      cur as (select f.agency_id, f.report_id, ${num} as num, ${den} as den from report_figures f join scope s on s.id = f.agency_id where f.year = ${year}),
      prev as (select f.agency_id, f.report_id, ${num} as num, ${den} as den from report_figures f join scope s on s.id = f.agency_id where f.year = ${year - 1})
      select s.id as "agencyId", s.name, s.region_name as "regionName", s.kind,
             cur.num, cur.den, cur.report_id as "reportId", prev.num as "prevNum", prev.den as "prevDen", prev.report_id as "prevReportId",
             count(*) over ()::int as total
      from scope s left join cur on cur.agency_id = s.id left join prev on prev.agency_id = s.id
      order by ${measure.den ? sql`case when cur.den >= ${minBase} then cur.num / cur.den end` : sql`cur.num`} desc nulls last, s.name
      limit ${opts.limit} offset ${opts.offset}`),
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => r) };
}

/** The measure's raw numerator and base per year for the given agencies. */
export async function listMeasureSeries(db: Db, measure: Measure, agencyIds: number[], from: number, to: number): Promise<SeriesRow[]> {
  const ids = agencyIds.filter((n) => Number.isInteger(n) && n > 0);
  if (ids.length === 0) return [];
  await ensureReportFigures(db);
  const num = sumOf(measure.num);
  const den = measure.den ? sumOf(measure.den) : sql`null::float8`;
  return rowsOf<SeriesRow>(
    await db.execute(sql`
      select f.agency_id as "agencyId", f.year, f.report_id as "reportId", ${num} as num, ${den} as den
      from report_figures f
      where f.agency_id in (${sql.raw(ids.join(","))}) and f.year between ${from} and ${to}
      order by f.agency_id, f.year`),
  );
}

export interface RegionYearTotals {
  year: number;
  /** Reports in the subtree that year: the agencies that contributed. */
  reports: number;
  sums: Record<string, number | null>;
  /** How many reports print each figure (the rest are gaps, not zeros). */
  counts: Record<string, number>;
}

/**
 * A region's figures per year as the sum of its agencies' reports, with how many contributed:
 * summed from the region_figures rollup over the regions of the subtree, not over its reports.
 */
export async function getRegionTotals(db: Db, regionId: number, figureIds: readonly string[]): Promise<RegionYearTotals[] | null> {
  await ensureReportFigures(db);
  const region = await subtreeCondition(db, regionId);
  if (!region) return null;
  const cols = figureIds.map(figureColumn);
  // Sums of doubles added and subtracted by the rollup's triggers: rounded back to what was printed.
  const select = cols.map((c) => `round(sum(f.s_${c})::numeric, 6)::float8 as "s_${c}", sum(f.n_${c})::int as "n_${c}"`).join(", ");
  const rows = rowsOf<Record<string, number | null>>(
    await db.execute(sql`
      select f.year, sum(f.reports)::int as reports, ${sql.raw(select)}
      from region_figures f where f.region_id in ${regionsIn(region)}
      group by f.year having sum(f.reports) > 0 order by f.year`),
  );
  // A figure no report printed is a gap (null), not a zero.
  return rows.map((r) => ({
    year: Number(r.year),
    reports: Number(r.reports),
    sums: Object.fromEntries(figureIds.map((id, i) => [id, Number(r[`n_${cols[i]}`]) === 0 ? null : Number(r[`s_${cols[i]}`])])),
    counts: Object.fromEntries(figureIds.map((id, i) => [id, Number(r[`n_${cols[i]}`] ?? 0)])),
  }));
}
