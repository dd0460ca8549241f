import { sql, type SQL } from "drizzle-orm";

/**
 * One page, rows (off, off + per], of a list of agencies in region order (path, then name): the
 * regions of `perRegion` (region_id, n: how many of the list's agencies each holds, from a
 * per-region rollup) placed one after another, and only in the regions that reach into the page
 * the agencies the condition `agencies` selects (alias c on agency_coverage, a on agencies),
 * numbered within the region by `order`. A page reads the few regions it shows, not every agency.
 */
export function regionPage(perRegion: SQL, agencies: SQL, order: SQL, off: number, per: number) {
  return sql`
    with per as (${perRegion}),
    ordered as (
      select per.region_id, g.name as region_name, g.level, g.path, per.n, (sum(per.n) over (order by g.path, g.name, g.id) - per.n)::int as before
      from per join regions g on g.id = per.region_id where per.n > 0
    ),
    picked as (select * from ordered where before < ${off + per} and before + n > ${off})
    select x.*, picked.region_name as "regionName", picked.level as "regionLevel", picked.path, picked.before + x.i as pos
    from picked cross join lateral (
      -- The region's rows by its index, each agency's row by its key (offset 0: not a hash of every agency).
      select a.id, a.name, a.kind, c.years, row_number() over (order by ${order})::int as i
      from agency_coverage c cross join lateral (select a.id, a.name, a.kind from agencies a where a.id = c.agency_id offset 0) a
      where c.region_id = picked.region_id and ${agencies}
    ) x
    where picked.before + x.i > ${off} and picked.before + x.i <= ${off + per}
    order by pos`;
}
