/**
 * The report_figures rollup: one narrow row of dashboard figures per report, computed in SQL from
 * reports.cell_values. Pages that aggregate across agencies read it; the agency page reads cells directly.
 */
import { sql, type SQL } from "drizzle-orm";
import { FIGURES, figureColumn } from "../../lib/dashboard/figures";
import type { Db } from "../index";
import { deadlineSql } from "./deadline-sql";
import { rowsOf } from "./rows";

const SAFE = /^[a-z0-9_.]+$/;
const lit = (s: string) => {
  if (!SAFE.test(s)) throw new Error(`unsafe identifier ${s}`);
  return s;
};

const COLUMNS = FIGURES.map((f) => lit(figureColumn(f.id)));
const ALL_KEYS = [...new Set(FIGURES.flatMap((f) => f.keys))].map(lit);
// sum … filter is null when no listed cell is printed or all are blank: a gap, never 0.
const AGGREGATES = FIGURES.map((f) => `sum(c.value::float8) filter (where c.key in (${f.keys.map((k) => `'${lit(k)}'`).join(",")}))`);

/**
 * Recomputes the figures of the given reports (all reports when `where` is omitted). Idempotent;
 * call it after a report's cells change.
 */
export async function refreshReportFigures(db: Db, where?: SQL): Promise<void> {
  const cols = COLUMNS.join(", ");
  const updates = ["agency_id", "year", "format", "imported_at", "days_late", ...COLUMNS].map((c) => `${c} = excluded.${c}`).join(", ");
  // Each report's cells object is expanded once (jsonb_each_text detoasts it once): the cost is
  // per report refreshed, never per report stored.
  await db.execute(sql`
    insert into report_figures (report_id, agency_id, year, format, imported_at, days_late, ${sql.raw(cols)})
    select r.id, r.agency_id, r.year, r.format, r.imported_at,
           case when r.published_on is not null then greatest(0, r.published_on - ${deadlineSql}) end, x.*
    from reports r
    join agencies a on a.id = r.agency_id
    cross join lateral (
      select ${sql.raw(AGGREGATES.join(",\n"))}
      from jsonb_each_text(r.cell_values) c
      where c.key in (${sql.raw(ALL_KEYS.map((k) => `'${k}'`).join(","))})
    ) x
    ${where ? sql`where ${where}` : sql``}
    on conflict (report_id) do update set ${sql.raw(updates)}`);
}

export async function refreshFiguresForReports(db: Db, reportIds: number[]): Promise<void> {
  if (reportIds.length === 0) return;
  await refreshReportFigures(db, sql`r.id = any(${sql.raw(`array[${reportIds.map((n) => Math.trunc(n)).join(",")}]::int[]`)})`);
}

const g = globalThis as unknown as { __figuresCheckedAt?: number; __figuresLogAt?: string };
/** How stale the rollup may be, at most, after an import through another process. */
const TTL_MS = 2_000;

/**
 * Brings the rollup up to date with reports added or re-imported since it was filled, reading only
 * index ends (max id, max import_log.at), at most every TTL_MS per process: new reports have higher
 * ids, and every import writes import_log. Reports deleted leave by cascade. Code that changes a
 * report's cells without an import_log line should call refreshFiguresForReports itself.
 */
export async function ensureReportFigures(db: Db): Promise<void> {
  const now = Date.now();
  if (g.__figuresCheckedAt && now - g.__figuresCheckedAt < TTL_MS) return;
  g.__figuresCheckedAt = now;
  const [row] = rowsOf<{ max_report: number | null; max_figure: number | null; log_at: string | null }>(
    await db.execute(sql`
      select (select max(id) from reports) as max_report,
             (select max(report_id) from report_figures) as max_figure,
             (select max(at)::text from import_log) as log_at`),
  );
  if (row.max_report === null) return;
  if (row.max_figure === null || row.max_report > row.max_figure) {
    // Ids commit out of order under concurrent imports: look a little below the high-water mark.
    const from = (row.max_figure ?? 0) - 1000;
    await refreshReportFigures(
      db,
      sql`r.id > ${from} and not exists (select 1 from report_figures f where f.report_id = r.id and f.imported_at = r.imported_at)`,
    );
  }
  if (row.log_at && row.log_at !== g.__figuresLogAt) {
    const since = g.__figuresLogAt;
    g.__figuresLogAt = row.log_at;
    if (since) {
      await refreshReportFigures(
        db,
        sql`r.id in (select l.report_id from import_log l where l.at >= ${since}::timestamptz - interval '1 minute' and l.report_id is not null)
            and not exists (select 1 from report_figures f where f.report_id = r.id and f.imported_at = r.imported_at)`,
      );
    }
  }
}
