import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../index";
import { agencies, regions, reports } from "../schema";
import type { AgencyKind } from "../../lib/report/agency";

export interface AgencyListItem {
  id: number;
  name: string;
  kind: AgencyKind;
  regionId: number;
  regionName: string;
  regionLevel: string;
  regionTrail: string;
  years: { year: number; reportId: number }[];
}

/** Agencies with their region and the years each has filed — the home page list. */
export async function listAgenciesWithYears(db: Db): Promise<AgencyListItem[]> {
  const rows = await db
    .select({
      id: agencies.id,
      name: agencies.name,
      kind: agencies.kind,
      regionId: regions.id,
      regionName: regions.name,
      regionLevel: regions.level,
      regionTrail: sql<string>`coalesce((
        select string_agg(p.name, ' / ' order by length(p.path))
        from ${regions} p where ${regions.path} like p.path || p.id || '/%'
      ) || ' / ', '') || ${regions.name}`,
      years: sql<{ year: number; reportId: number }[]>`coalesce((
        select json_agg(json_build_object('year', r.year, 'reportId', r.id) order by r.year)
        from ${reports} r where r.agency_id = ${agencies.id}
      ), '[]'::json)`,
    })
    .from(agencies)
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .orderBy(
      asc(regions.path),
      asc(regions.name),
      sql`case ${agencies.kind} when 'government' then 0 when 'township' then 2 else 1 end`,
      asc(agencies.name),
    );
  return rows.map((r) => ({ ...r, years: typeof r.years === "string" ? JSON.parse(r.years) : r.years }));
}

export async function getAgency(db: Db, id: number) {
  const [row] = await db
    .select({ agency: agencies, region: regions })
    .from(agencies)
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .where(eq(agencies.id, id));
  return row ?? null;
}

/** Whether an agency of this name is stored (agencies are known by their name; see saveReport). */
export async function agencyExists(db: Db, name: string): Promise<boolean> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, name)).limit(1);
  return Boolean(row);
}
