/** Finding an agency: the region tree with agency counts, a region's agencies, and search. */
import { initialsOf, nameMatches } from "../../lib/dashboard/pinyin-search";
import { sql } from "drizzle-orm";
import type { Db } from "../index";
import type { AgencyKind, RegionLevel } from "../../lib/report/agency";
import { rowsOf } from "./rows";

export interface RegionNodeRow {
  id: number;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  path: string;
  /** Agencies directly in this region, by kind. */
  government: number;
  department: number;
  township: number;
}

/** Every region with the number of agencies directly in it (a few hundred rows at province scale). */
export async function listRegionNodes(db: Db): Promise<RegionNodeRow[]> {
  return rowsOf<RegionNodeRow>(
    await db.execute(sql`
      select g.id, g.name, g.level, g.parent_id as "parentId", g.path,
             coalesce(c.government, 0)::int as government, coalesce(c.department, 0)::int as department, coalesce(c.township, 0)::int as township
      from regions g
      left join (
        select region_id,
               count(*) filter (where kind = 'government') as government,
               count(*) filter (where kind = 'department') as department,
               count(*) filter (where kind = 'township') as township
        from agencies group by region_id
      ) c on c.region_id = g.id
      order by g.path, g.name`),
  );
}

export interface AgencyBrief {
  id: number;
  name: string;
  kind: AgencyKind;
  regionId: number;
  regionName: string;
  reports: number;
  lastYear: number | null;
}

/** The agencies directly in one region, governments first. */
export async function listRegionAgencies(db: Db, regionId: number): Promise<AgencyBrief[]> {
  return rowsOf<AgencyBrief>(
    await db.execute(sql`
      select a.id, a.name, a.kind, a.region_id as "regionId", g.name as "regionName",
             (select count(*)::int from reports r where r.agency_id = a.id) as reports,
             (select max(r.year) from reports r where r.agency_id = a.id) as "lastYear"
      from agencies a join regions g on g.id = a.region_id
      where a.region_id = ${regionId}
      order by case a.kind when 'government' then 0 when 'department' then 1 else 2 end, a.name`),
  );
}

/**
 * Agencies whose name contains the query, or whose pinyin initials start with it (msmzj → 示例…民政局
 * needs the whole run of initials, so initials match anywhere too). Best matches first.
 */
export async function searchAgencies(db: Db, q: string, limit = 50): Promise<AgencyBrief[]> {
  const needle = q.trim();
  if (!needle) return [];
  const like = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const latin = /^[a-z\s]+$/i.test(needle);
  // Letters may be initials (ptzhsyq) or full pinyin (pingtan → pt): both narrow by initials, and
  // full pinyin is then checked name by name (nameMatches).
  const patterns = latin ? [...new Set([needle.toLowerCase().replace(/\s+/g, ""), ...initialsOf(needle)])].map((i) => `%${i}%`) : [];
  const rows = rowsOf<AgencyBrief>(
    await db.execute(sql`
      select a.id, a.name, a.kind, a.region_id as "regionId", g.name as "regionName",
             (select count(*)::int from reports r where r.agency_id = a.id) as reports,
             (select max(r.year) from reports r where r.agency_id = a.id) as "lastYear"
      from agencies a join regions g on g.id = a.region_id
      where a.name like ${like} ${
        patterns.length
          ? sql`or ${sql.join(
              patterns.map((x) => sql`a.initials like ${x}`),
              sql` or `,
            )}`
          : sql``
      }
      order by (a.name = ${needle}) desc, length(a.name), a.name
      limit ${latin ? limit * 4 : limit}`),
  );
  return latin ? rows.filter((r) => nameMatches(r.name, needle)).slice(0, limit) : rows;
}
