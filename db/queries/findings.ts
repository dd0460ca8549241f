/** Findings: the queue across agencies, a report's findings with their reviews, reviews and corrections. */
import { and, asc, desc, eq, like, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../index";
import { agencies, cellHistory, findingReviews, findings, regions, reportFigures, reports } from "../schema";
import { unpackOne, withCorrectedCell } from "../../lib/parse/cell-sources";
import { recheckAround } from "./checks";
import { rowsOf } from "./rows";
import { refreshFiguresForReports } from "./figures";
import { refreshReportScores } from "./report-scores";

import { msg } from "../../lib/messages";

export const REVIEW_STATUSES = ["open", "confirmed", "dismissed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface FindingFilter {
  rule?: string;
  severity?: "error" | "warning" | "info";
  regionId?: number;
  level?: string;
  kind?: string;
  year?: number;
  status?: ReviewStatus;
}

const reviewJoin = and(eq(findingReviews.reportId, findings.reportId), eq(findingReviews.fingerprint, findings.fingerprint));

function where(f: FindingFilter, exclude?: keyof FindingFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.rule && exclude !== "rule") conds.push(eq(findings.rule, f.rule));
  if (f.severity && exclude !== "severity") conds.push(eq(findings.severity, f.severity));
  if (f.year && exclude !== "year") conds.push(eq(findings.year, f.year));
  if (f.kind && exclude !== "kind") conds.push(eq(agencies.kind, f.kind as "government"));
  if (f.level && exclude !== "level") conds.push(eq(regions.level, f.level as "county"));
  if (f.regionId && exclude !== "regionId") {
    // The region and its whole subtree: one prefix scan on the materialized path.
    conds.push(or(eq(regions.id, f.regionId), like(regions.path, sql`(select path || id || '/%' from regions where id = ${f.regionId})`)));
  }
  if (f.status && exclude !== "status") {
    conds.push(f.status === "open" ? sql`${findingReviews.status} is null` : eq(findingReviews.status, f.status));
  }
  return conds.length ? and(...conds) : undefined;
}

// The queue joins the narrow report_figures row (report → agency) rather than the wide report
// row: a province's queue counts hundreds of thousands of findings.
const base = (db: Db) =>
  db
    .select({
      id: findings.id,
      reportId: findings.reportId,
      rule: findings.rule,
      severity: findings.severity,
      message: findings.message,
      cells: findings.cells,
      fingerprint: findings.fingerprint,
      year: findings.year,
      agencyId: agencies.id,
      agency: agencies.name,
      region: regions.name,
      /** The agency's region path including its region (`/1/5/23/`): whether a reviewer's scope covers it. */
      regionPath: sql<string>`${regions.path} || ${regions.id} || '/'`,
      status: findingReviews.status,
      reviewer: findingReviews.reviewer,
      comment: findingReviews.comment,
      reviewedAt: findingReviews.reviewedAt,
    })
    .from(findings)
    .innerJoin(reportFigures, eq(reportFigures.reportId, findings.reportId))
    .innerJoin(agencies, eq(agencies.id, reportFigures.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .leftJoin(findingReviews, reviewJoin);

const SEVERITY_ORDER = sql`case ${findings.severity} when 'error' then 0 when 'warning' then 1 else 2 end`;

// Exactly findings_queue_idx's order (year desc nulls last included), so a page is an index walk.
const ORDER = [SEVERITY_ORDER, sql`${findings.year} desc nulls last`, asc(findings.reportId), asc(findings.id)] as const;

/** Whether the filter (less one dimension) reads the agency or its region: only then are they joined. */
const needsAgency = (f: FindingFilter, exclude?: keyof FindingFilter) =>
  (["kind", "level", "regionId"] as const).some((k) => k !== exclude && f[k] !== undefined && f[k] !== null && f[k] !== "");

/** findings (with its review) under the filter, joined to the agency and region only when it filters on them. */
function scoped<T extends Record<string, unknown>>(db: Db, fields: T, f: FindingFilter, exclude?: keyof FindingFilter) {
  let q = db
    .select(fields as never)
    .from(findings)
    .leftJoin(findingReviews, reviewJoin)
    .$dynamic();
  if (needsAgency(f, exclude)) {
    q = q
      .innerJoin(reportFigures, eq(reportFigures.reportId, findings.reportId))
      .innerJoin(agencies, eq(agencies.id, reportFigures.agencyId))
      .innerJoin(regions, eq(regions.id, agencies.regionId));
  }
  return q.where(where(f, exclude));
}

/**
 * One page of the queue: errors first, latest year first, a report's findings together. The page's
 * ids are chosen on findings alone; only those 50 are joined to their agency and region.
 */
export async function listFindings(db: Db, f: FindingFilter, page = 1, pageSize = 50) {
  const ids = (await scoped(db, { id: findings.id }, f)
    .orderBy(...ORDER)
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as unknown as { id: number }[];
  if (ids.length === 0) return [];
  return base(db)
    .where(sql`${findings.id} = any(${sql.raw(`array[${ids.map((r) => Math.trunc(r.id)).join(",")}]::int[]`)})`)
    .orderBy(...ORDER);
}

type Facet = { value: string | null; n: number }[];
interface CountRow {
  rule: string;
  severity: string;
  year: number;
  status: string;
  n: number;
}

/**
 * Counts by each filter dimension, each counted under the other filters (facets). Read from the
 * finding_stats rollup (rows per region, kind, year, rule and severity — a few hundred once summed,
 * however many findings there are) and the reviewed findings, which are few: a finding is open
 * unless reviewed, so open = all − reviewed. Never a pass over the findings themselves.
 */
export async function countFindings(db: Db, f: FindingFilter) {
  const placeWhere = (alias: SQL) => {
    const conds: SQL[] = [];
    if (f.kind) conds.push(sql`a_kind = ${f.kind}`);
    if (f.level) conds.push(sql`rg.level = ${f.level}`);
    if (f.regionId)
      conds.push(sql`(rg.id = ${f.regionId} or rg.path like (select path || id || '/%' from regions where id = ${f.regionId}))`);
    return conds.length ? sql.join([alias, ...conds], sql` and `) : alias;
  };
  const [all, reviewed] = await Promise.all([
    rowsOf<Omit<CountRow, "status">>(
      await db.execute(sql`
        select s.rule, s.severity, s.year, sum(s.n)::int as n
        from (select *, kind as a_kind from finding_stats) s join regions rg on rg.id = s.region_id
        where ${placeWhere(sql`s.n <> 0`)}
        group by s.rule, s.severity, s.year`),
    ),
    rowsOf<CountRow>(
      await db.execute(sql`
        select f.rule, f.severity, f.year, v.status, count(*)::int as n
        from finding_reviews v
        join findings f on f.report_id = v.report_id and f.fingerprint = v.fingerprint
        join (select report_id, agency_id from report_figures) rf on rf.report_id = f.report_id
        join (select id, region_id, kind as a_kind from agencies) a on a.id = rf.agency_id
        join regions rg on rg.id = a.region_id
        where ${placeWhere(sql`true`)}
        group by f.rule, f.severity, f.year, v.status`),
    ),
  ]);
  // Every (rule, severity, year, status) cell: the reviewed ones as counted, the rest open.
  const cells: CountRow[] = [...reviewed];
  const reviewedBy = new Map<string, number>();
  for (const r of reviewed)
    reviewedBy.set(`${r.rule}|${r.severity}|${r.year}`, (reviewedBy.get(`${r.rule}|${r.severity}|${r.year}`) ?? 0) + r.n);
  for (const a of all) cells.push({ ...a, status: "open", n: a.n - (reviewedBy.get(`${a.rule}|${a.severity}|${a.year}`) ?? 0) });
  const keep = (c: CountRow, exclude?: keyof FindingFilter) =>
    (!f.rule || exclude === "rule" || c.rule === f.rule) &&
    (!f.severity || exclude === "severity" || c.severity === f.severity) &&
    (!f.year || exclude === "year" || c.year === f.year) &&
    (!f.status || exclude === "status" || c.status === f.status);
  const facet = (dim: "rule" | "severity" | "year" | "status"): Facet => {
    const by = new Map<string, number>();
    for (const c of cells) if (keep(c, dim)) by.set(String(c[dim]), (by.get(String(c[dim])) ?? 0) + c.n);
    return [...by].filter(([, n]) => n > 0).map(([value, n]) => ({ value, n }));
  };
  return {
    total: cells.filter((c) => keep(c)).reduce((n, c) => n + c.n, 0),
    rule: facet("rule"),
    severity: facet("severity"),
    year: facet("year"),
    status: facet("status"),
  };
}

/** A report's findings with their review decisions, in the order the markers number them. */
export async function listReportFindings(db: Db, reportId: number) {
  return base(db).where(eq(findings.reportId, reportId)).orderBy(SEVERITY_ORDER, asc(findings.id));
}

/** Findings per year for one agency: counts by severity, and how many are still open. */
export async function listAgencyFindingsByYear(db: Db, agencyId: number) {
  return db
    .select({
      year: reports.year,
      reportId: reports.id,
      errors: sql<number>`count(*) filter (where ${findings.severity} = 'error')::int`,
      warnings: sql<number>`count(*) filter (where ${findings.severity} = 'warning')::int`,
      infos: sql<number>`count(*) filter (where ${findings.severity} = 'info')::int`,
      open: sql<number>`count(*) filter (where ${findingReviews.status} is null)::int`,
      rules: sql<string[]>`array_agg(distinct ${findings.rule})`,
    })
    .from(findings)
    .innerJoin(reports, eq(reports.id, findings.reportId))
    .leftJoin(findingReviews, reviewJoin)
    .where(eq(reports.agencyId, agencyId))
    .groupBy(reports.year, reports.id)
    .orderBy(desc(reports.year));
}

export async function reviewFinding(
  db: Db,
  input: { findingId: number; status: "confirmed" | "dismissed" | "open"; comment: string; reviewer: string },
): Promise<boolean> {
  const [f] = await db
    .select({ reportId: findings.reportId, fingerprint: findings.fingerprint })
    .from(findings)
    .where(eq(findings.id, input.findingId));
  if (!f) return false;
  if (input.status === "open") {
    await db.delete(findingReviews).where(and(eq(findingReviews.reportId, f.reportId), eq(findingReviews.fingerprint, f.fingerprint)));
    await refreshReportScores(db, [f.reportId]);
    return true;
  }
  const values = { ...f, status: input.status, comment: input.comment, reviewer: input.reviewer, reviewedAt: new Date() };
  await db
    .insert(findingReviews)
    .values(values)
    .onConflictDoUpdate({ target: [findingReviews.reportId, findingReviews.fingerprint], set: values });
  // A dismissed finding stops counting against the report's score.
  await refreshReportScores(db, [f.reportId]);
  return true;
}

/**
 * Correct one cell: the old value goes to the cell's history with who and when, the report's
 * value copy follows, and the checks of this year and next re-run — all in one transaction.
 */
export async function correctCell(
  db: Db,
  input: { reportId: number; key: string; value: number | null; reason: string; by: string },
): Promise<{ ok: true } | { ok: false; error: string }> {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select({ agencyId: reports.agencyId, year: reports.year })
      .from(reports)
      .where(eq(reports.id, input.reportId))
      .for("update");
    if (!r) return { ok: false as const, error: msg.reportPage.noReport };
    const [row] = await tx
      .select({ values: reports.cellValues, sources: reports.cellSources })
      .from(reports)
      .where(eq(reports.id, input.reportId));
    const old = unpackOne(row.values, row.sources, input.key);
    if (old && old.value === input.value) return { ok: false as const, error: msg.reportPage.sameValue };
    await tx.insert(cellHistory).values({
      reportId: input.reportId,
      key: input.key,
      oldValue: old?.value ?? null,
      oldRaw: old ? old.raw : null,
      newValue: input.value,
      reason: input.reason,
      changedBy: input.by,
    });
    // Values and provenance are rewritten together (the row is locked above): the provenance array
    // follows the key set, and the printed text stays the one read from the document.
    const next = withCorrectedCell(row.values, row.sources, input.key, input.value);
    await tx
      .update(reports)
      .set({
        cellValues: next.values,
        cellSources: next.sources,
        missingCells: sql`${reports.missingCells} - ${input.key}::text`,
      })
      .where(eq(reports.id, input.reportId));
    await recheckAround(tx, r.agencyId, r.year);
    await refreshFiguresForReports(tx, [input.reportId]);
    return { ok: true as const };
  });
}

export async function listCellHistory(db: Db, reportId: number) {
  return db.select().from(cellHistory).where(eq(cellHistory.reportId, reportId)).orderBy(desc(cellHistory.changedAt), desc(cellHistory.id));
}

/** A finding's current review, for the audit log's "before". */
export async function getFindingReview(db: Db, findingId: number) {
  const [row] = await db
    .select({ status: findingReviews.status, comment: findingReviews.comment, reviewer: findingReviews.reviewer })
    .from(findings)
    .innerJoin(findingReviews, reviewJoin)
    .where(eq(findings.id, findingId));
  return row ?? null;
}
