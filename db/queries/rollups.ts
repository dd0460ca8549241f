/**
 * The rollups pages read instead of scanning every report: report_scores (the ranking's
 * automatic points) here; report_figures, report_year_stats and finding_stats are kept by their
 * own writers and triggers. Each is kept up to date by the writes that change its inputs;
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
