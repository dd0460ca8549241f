/**
 * Running the rules against stored reports: gathers each report's inputs (its cells, last year's
 * report of the same agency, the agency's kind) in a few set-based reads, runs lib/checks, and
 * rewrites the findings. Reviews live in their own table, keyed by fingerprint, so they survive.
 */
import { and, eq, inArray, sql, type SQL, type AnyColumn } from "drizzle-orm";
import { findingFingerprint, runChecks, type CheckInput, type Finding, type YearReport } from "../../lib/checks/rules";
import { cellsFromVectorText } from "../../lib/report/cell-vector";
import type { Db } from "../index";
import { refreshReportScores } from "./report-scores";
import { agencies, findings, reports } from "../schema";

type Tx = Db;

/** `col = any(array[…])`: one literal instead of thousands of bind parameters (ids are integers). */
const anyOf = (col: AnyColumn, ids: readonly number[]): SQL =>
  sql`${col} = any(${sql.raw(`array[${ids.map((n) => Math.trunc(n)).join(",")}]::int[]`)})`;

/** The vector as Postgres prints it, parsed by lib/report/cell-vector (quicker than the driver's array parser). */
const cellVectorText = sql<string | null>`${reports.cellVector}::text`;

const inputColumns = {
  id: reports.id,
  agencyId: reports.agencyId,
  year: reports.year,
  format: reports.format,
  mixed: reports.mixedFormat,
  publishedOn: reports.publishedOn,
  narrative: reports.narrative,
  vector: cellVectorText,
  missing: reports.missingCells,
  kind: agencies.kind,
};

/** Check inputs for these reports, with each one's previous-year report attached. */
export async function loadCheckInputs(db: Db, reportIds: number[]): Promise<Map<number, CheckInput & { agencyId: number; year: number }>> {
  const out = new Map<number, CheckInput & { agencyId: number; year: number }>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .select(inputColumns)
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(anyOf(reports.id, reportIds));
  const prevRows = rows.length
    ? await db
        .select({
          agencyId: reports.agencyId,
          year: reports.year,
          format: reports.format,
          mixed: reports.mixedFormat,
          vector: cellVectorText,
          narrative: reports.narrative,
        })
        .from(reports)
        .where(
          and(
            anyOf(reports.agencyId, [...new Set(rows.map((r) => r.agencyId))]),
            anyOf(reports.year, [...new Set(rows.map((r) => r.year - 1))]),
          ),
        )
    : [];
  const prevBy = new Map(prevRows.map((p) => [`${p.agencyId}:${p.year}`, p]));
  for (const r of rows) {
    const p = prevBy.get(`${r.agencyId}:${r.year - 1}`);
    const prev: YearReport | null = p
      ? { year: p.year, format: p.format, mixed: p.mixed, cells: cellsFromVectorText(p.vector), narrative: p.narrative }
      : null;
    out.set(r.id, {
      agencyId: r.agencyId,
      format: r.format,
      mixed: r.mixed,
      cells: cellsFromVectorText(r.vector),
      year: r.year,
      publishedOn: r.publishedOn,
      agencyKind: r.kind,
      narrative: r.narrative,
      missing: r.missing,
      prev,
    });
  }
  return out;
}

/** Re-run every rule on these reports and replace their findings: how many there are, and how many rows changed. */
export async function recheckReports(db: Db, reportIds: number[]): Promise<{ found: number; changed: number }> {
  if (reportIds.length === 0) return { found: 0, changed: 0 };
  // Lock the reports first (in id order): two imports re-checking the same neighbour wait for each
  // other instead of writing the same findings twice.
  await db.select({ id: reports.id }).from(reports).where(anyOf(reports.id, reportIds)).orderBy(reports.id).for("update");
  const inputs = await loadCheckInputs(db, reportIds);
  // Write only what changed: a re-check that finds the same findings writes nothing, and an
  // unchanged finding keeps its row (and id) — reviews are keyed by fingerprint either way.
  const existing = await db
    .select({ id: findings.id, reportId: findings.reportId, fingerprint: findings.fingerprint })
    .from(findings)
    .where(anyOf(findings.reportId, [...inputs.keys()]));
  const had = new Map<number, Map<string, number>>();
  for (const e of existing) {
    const m = had.get(e.reportId) ?? new Map<string, number>();
    had.set(e.reportId, m.set(e.fingerprint, e.id));
  }
  const fresh: (Finding & { reportId: number; year: number; fingerprint: string })[] = [];
  const stale: number[] = [];
  let total = 0;
  for (const [reportId, input] of inputs) {
    const before = had.get(reportId);
    const seen = new Set<string>();
    for (const f of runChecks(input)) {
      const fingerprint = findingFingerprint(f);
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      // Field by field: a spread followed by more fields is V8's slow path, and a year has 46,000.
      if (!before?.has(fingerprint))
        fresh.push({ rule: f.rule, severity: f.severity, cells: f.cells, message: f.message, reportId, year: input.year, fingerprint });
    }
    total += seen.size;
    if (before) for (const [fingerprint, id] of before) if (!seen.has(fingerprint)) stale.push(id);
  }
  for (let i = 0; i < stale.length; i += 5000) await db.delete(findings).where(anyOf(findings.id, stale.slice(i, i + 5000)));
  // New findings as one JSON parameter per few thousand rows, unpacked by the database: a bulk
  // re-check writes tens of thousands, and a bind parameter per field is what made that slow.
  for (let i = 0; i < fresh.length; i += 5000) {
    const rows = fresh.slice(i, i + 5000).map((f) => ({
      report_id: f.reportId,
      year: f.year,
      rule: f.rule,
      severity: f.severity,
      cells: f.cells,
      message: f.message,
      fingerprint: f.fingerprint,
    }));
    await db.execute(sql`
      insert into findings (report_id, year, rule, severity, cells, message, fingerprint)
      select report_id, year, rule, severity, cells, message, fingerprint
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(report_id int, year int, rule text, severity text, cells jsonb, message text, fingerprint text)`);
  }
  // The ranking's rollup reads these findings, dates and cells: rewritten in the same transaction.
  await refreshReportScores(db, [...inputs.keys()]);
  return { found: total, changed: stale.length + fresh.length };
}

/** After a report of (agency, year) changed: that report, and next year's, whose cross-year rules read it. */
export async function recheckAround(db: Tx, agencyId: number, year: number): Promise<void> {
  const ids = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), inArray(reports.year, [year, year + 1])));
  await recheckReports(
    db,
    ids.map((r) => r.id),
  );
}

/** Every report of one year, in chunks: the province-scale re-check the benchmark measures. */
export async function recheckYear(db: Db, year: number, chunk = 2000): Promise<{ reports: number; findings: number; changed: number }> {
  const ids = (await db.select({ id: reports.id }).from(reports).where(eq(reports.year, year)).orderBy(reports.id)).map((r) => r.id);
  let total = 0;
  let changed = 0;
  // Two chunks in flight, each in its own transaction on its own connection: while the database
  // writes one chunk's findings, this process loads and checks the next. (PGlite runs them one
  // after the other; chunks hold disjoint reports, so they never wait on each other's locks.)
  const parts: number[][] = [];
  for (let i = 0; i < ids.length; i += chunk) parts.push(ids.slice(i, i + chunk));
  const worker = async () => {
    for (let part = parts.shift(); part; part = parts.shift()) {
      const r = await db.transaction(async (tx) => recheckReports(tx, part));
      total += r.found;
      changed += r.changed;
    }
  };
  await Promise.all([worker(), worker()]);
  // Rewriting thousands of findings leaves the planner with the old severity mix and the counts
  // reading the heap, and PGlite has no autovacuum to catch up later: refresh what the queries
  // plan on. Outside any transaction, as VACUUM requires; skipped when little changed.
  if (changed > 1000) await db.execute(sql`vacuum (analyze) findings (severity, year, report_id)`);
  return { reports: ids.length, findings: total, changed };
}

/**
 * Findings of a report that is not stored (a draft, or an import preview): every rule, with last
 * year's stored report of the same agency for the cross-year ones. Nothing is written.
 */
export async function checkDraft(
  db: Db,
  draft: Omit<CheckInput, "prev" | "agencyKind">,
  agencyName: string | null,
): Promise<{ findings: Finding[]; prevReportId: number | null; agencyKind: CheckInput["agencyKind"] | null }> {
  let prev: YearReport | null = null;
  let prevReportId: number | null = null;
  let agencyKind: CheckInput["agencyKind"] | null = null;
  if (agencyName) {
    const [a] = await db.select({ id: agencies.id, kind: agencies.kind }).from(agencies).where(eq(agencies.name, agencyName)).limit(1);
    if (a) {
      agencyKind = a.kind;
      if (draft.year) {
        const [p] = await db
          .select({
            id: reports.id,
            year: reports.year,
            format: reports.format,
            mixed: reports.mixedFormat,
            cells: reports.cellValues,
            narrative: reports.narrative,
          })
          .from(reports)
          .where(and(eq(reports.agencyId, a.id), eq(reports.year, draft.year - 1)));
        if (p) {
          prev = { year: p.year, format: p.format, mixed: p.mixed, cells: p.cells, narrative: p.narrative };
          prevReportId = p.id;
        }
      }
    }
  }
  return { findings: runChecks({ ...draft, prev, agencyKind: agencyKind ?? undefined }), prevReportId, agencyKind };
}
