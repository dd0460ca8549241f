/**
 * The rollups pages read instead of scanning every report: report_scores (the ranking's
 * automatic points) here; report_figures, report_year_stats, finding_stats, agency_coverage and
 * the per-region counts (coverage_counts, region_figures, score_counts) are kept by their own
 * writers and triggers. Each is kept up to date by the writes that change its inputs;
 * refreshRollups rebuilds them all from the stored reports, in SQL, for writers that bypass those
 * paths (the demo generator's bulk load) and for a database migrated with reports already in it.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../index";
import { refreshReportScores } from "./report-scores";
import { ensureDefaultRubric } from "./rubrics";
import { rowsOf } from "./rows";

export async function refreshRollups(db: Db): Promise<void> {
  // The default rubric is made on first use; made here, its rollup rows are filled now, by the
  // bulk writer, rather than on the first page view of a freshly generated database.
  await ensureDefaultRubric(db);
  await refreshReportScores(db);
}

/** After migrating: fills the rollups once when reports predate them (a table added by a migration starts empty). */
export async function ensureRollups(db: Db): Promise<void> {
  const [state] = rowsOf<{ stale: boolean }>(
    await db.execute(sql`select exists (select 1 from reports) and not exists (select 1 from report_scores) as stale`),
  );
  if (state?.stale) await refreshRollups(db);
}

/**
 * The per-region rollups (coverage_counts, region_figures, score_counts) recounted from their
 * sources: the keys whose stored count differs, per rollup. Empty when the triggers kept them
 * right; the tests call it after imports, re-imports, deletions and moves.
 */
export async function rollupDrift(db: Db): Promise<{ rollup: string; differs: number }[]> {
  const diff = (name: string, stored: string, recount: string) =>
    sql.raw(
      `select '${name}' as rollup, count(*)::int as differs from (((${stored}) except (${recount})) union all ((${recount}) except (${stored}))) x`,
    );
  const rows = rowsOf<{ rollup: string; differs: number }>(
    await db.execute(sql`
      ${diff(
        "coverage_counts",
        "select region_id, from_year, to_year, gaps, n from coverage_counts where n <> 0",
        "select region_id, coverage_from(years, active_from), active_to, coverage_gaps(years, active_from, active_to), count(*)::int from agency_coverage group by 1, 2, 3, 4",
      )}
      union all
      ${diff(
        "region_figures",
        "select region_id, year, reports, late, round(s_received::numeric, 6), n_received, round(s_fees_wan::numeric, 6), n_fees_wan from region_figures where reports <> 0",
        `select a.region_id, f.year, count(*)::int, (count(*) filter (where f.days_late > 0))::int, round(coalesce(sum(f.received), 0)::numeric, 6),
                count(f.received)::int, round(coalesce(sum(f.fees_wan), 0)::numeric, 6), count(f.fees_wan)::int
         from report_figures f join agencies a on a.id = f.agency_id group by 1, 2`,
      )}
      union all
      ${diff(
        "score_counts",
        "select rubric_id, rubric_version, year, region_id, auto, known, n from score_counts where n <> 0",
        "select s.rubric_id, s.rubric_version, s.year, a.region_id, s.auto, s.known, count(*)::int from report_scores s join agencies a on a.id = s.agency_id group by 1, 2, 3, 4, 5, 6",
      )}
      union all
      ${diff(
        "agency_coverage",
        "select agency_id, region_id, years from agency_coverage",
        "select a.id, a.region_id, coalesce((select bit_or(1::bigint << (r.year - 2000)) from reports r where r.agency_id = a.id and r.year between 2000 and 2062), 0) from agencies a",
      )}`),
  );
  return rows.filter((r) => r.differs > 0);
}
