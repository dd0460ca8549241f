import { sql } from "drizzle-orm";
import { openDatabase } from "/work/main/db/index";
const h = await openDatabase();
const qs: Record<string, any> = {
  agencies: sql`select count(*)::int from agencies`,
  regions: sql`select count(*)::int from regions`,
  stats: sql`select coalesce(sum(filed),0)::int from report_year_stats`,
  open: sql`select count(*)::int from findings f where f.severity = 'error' and not exists (select 1 from finding_reviews v where v.report_id = f.report_id and v.fingerprint = f.fingerprint and v.status = 'dismissed')`,
  maxes: sql`select (select max(id) from reports) as max_report, (select max(report_id) from report_figures) as max_figure, (select max(at)::text from import_log) as log_at`,
  spans: sql`select s.f as "from", s.t as "to", s.kind, count(*)::int as n from (select coalesce(a.active_from, (select min(r.year) from reports r where r.agency_id = a.id)) as f, a.active_to as t, a.kind from agencies a) s group by s.f, s.t, s.kind`,
  pageSort: sql`select a.id from agencies a join regions g on g.id = a.region_id order by g.path, g.name, case a.kind when 'government' then 0 when 'township' then 2 else 1 end, a.name limit 50`,
  pageCount: sql`select a.id, count(*) over () from agencies a join regions g on g.id = a.region_id order by g.path, g.name, case a.kind when 'government' then 0 when 'township' then 2 else 1 end, a.name limit 50`,
};
for (const [k, q] of Object.entries(qs)) {
  const ts: number[] = [];
  for (let i = 0; i < 15; i++) { const t = performance.now(); await h.db.execute(q); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(k.padEnd(10), ts[7].toFixed(2));
}
await h.close();
