/**
 * 整改事项: opening them from findings, and the lists and counts the pages, downloads and documents
 * read (the filer's answer and the assessor's decision: rectification-steps.ts). Whether an item's finding is still there is
 * asked of the report's findings now (rule + cells, then the fingerprint), never stored: the import
 * path re-runs the checks, so the answer follows the data by itself.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DataStatus, ItemStatus } from "../../lib/rectification/state";
import { msg } from "../../lib/messages";
import type { Db } from "../index";
import { agencies, findingReviews, findings, rectificationAttachments, rectifications, regions, reports } from "../schema";
import { ActionRefused } from "./actions";
import { listFindings, type FindingFilter } from "./findings";

/** At most this many findings become items in one go (a filtered set from /findings). */
export const MAX_OPEN_AT_ONCE = 2000;

const today = sql`(now() at time zone 'Asia/Shanghai')::date`;

/** present / changed / gone, from the report's findings as they are now. */
const dataStatus = sql<DataStatus>`case
  when exists (select 1 from ${findings} f where f.report_id = ${rectifications.reportId} and f.fingerprint = ${rectifications.fingerprint}) then 'present'
  when exists (select 1 from ${findings} f where f.report_id = ${rectifications.reportId} and f.rule = ${rectifications.rule} and f.cells = ${rectifications.cells}) then 'changed'
  else 'gone' end`;

const overdueDays = sql<number>`case when ${rectifications.status} = 'open' and ${rectifications.dueOn} < ${today} then (${today} - ${rectifications.dueOn})::int else 0 end`;

/** Findings of a report that an agency-year's items are opened for: every one not dismissed. */
export async function listOpenFindingIdsOfReport(db: Db, reportId: number): Promise<number[]> {
  const rows = await db
    .select({ id: findings.id })
    .from(findings)
    .leftJoin(findingReviews, and(eq(findingReviews.reportId, findings.reportId), eq(findingReviews.fingerprint, findings.fingerprint)))
    .where(and(eq(findings.reportId, reportId), sql`coalesce(${findingReviews.status}, 'open') <> 'dismissed'`))
    .orderBy(asc(findings.id));
  return rows.map((r) => r.id);
}

/** The findings of a /findings filter (dismissed ones left out), up to the limit + 1 so "too many" shows. */
export async function listFilteredFindingIds(db: Db, f: FindingFilter): Promise<number[]> {
  const rows = await listFindings(db, f, 1, MAX_OPEN_AT_ONCE + 1);
  return rows.filter((r) => r.status !== "dismissed").map((r) => r.id);
}

/** The agencies of these findings with their region paths (to name those outside a user's scope). */
export async function listFindingAgencies(db: Db, findingIds: readonly number[]) {
  if (findingIds.length === 0) return [];
  return db
    .selectDistinct({ agencyId: agencies.id, name: agencies.name, regionPath: sql<string>`${regions.path} || ${regions.id} || '/'` })
    .from(findings)
    .innerJoin(reports, eq(reports.id, findings.reportId))
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .where(inArray(findings.id, [...findingIds]));
}

/**
 * One item per finding, copying what it says; a finding that already has an item is skipped (the
 * unique (report, fingerprint) index), so opening twice is harmless.
 */
export async function openRectifications(db: Db, input: { findingIds: number[]; dueOn: string; note: string; by: string }) {
  if (input.findingIds.length === 0)
    return { created: [] as { id: number; agencyId: number; reportId: number; year: number; message: string }[], skipped: 0 };
  const rows = await db
    .select({
      id: findings.id,
      reportId: findings.reportId,
      year: findings.year,
      rule: findings.rule,
      severity: findings.severity,
      cells: findings.cells,
      message: findings.message,
      fingerprint: findings.fingerprint,
      agencyId: reports.agencyId,
    })
    .from(findings)
    .innerJoin(reports, eq(reports.id, findings.reportId))
    .where(inArray(findings.id, input.findingIds));
  if (rows.length !== new Set(input.findingIds).size) throw new ActionRefused(msg.findings.gone);
  const created = await db
    .insert(rectifications)
    .values(rows.map(({ id: _id, ...r }) => ({ ...r, dueOn: input.dueOn, note: input.note, openedBy: input.by })))
    .onConflictDoNothing()
    .returning({
      id: rectifications.id,
      agencyId: rectifications.agencyId,
      reportId: rectifications.reportId,
      year: rectifications.year,
      message: rectifications.message,
    });
  return { created, skipped: rows.length - created.length };
}

export interface RectificationFilter {
  regionId?: number;
  agencyId?: number;
  year?: number;
  status?: ItemStatus | "overdue" | "unfinished";
  /** A filer's own list: only these agencies. */
  agencyIds?: readonly number[];
}

function where(f: RectificationFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (f.agencyId) c.push(eq(rectifications.agencyId, f.agencyId));
  if (f.agencyIds) c.push(f.agencyIds.length ? inArray(rectifications.agencyId, [...f.agencyIds]) : sql`false`);
  if (f.year) c.push(eq(rectifications.year, f.year));
  if (f.status === "overdue") c.push(and(eq(rectifications.status, "open"), sql`${rectifications.dueOn} < ${today}`));
  else if (f.status === "unfinished") c.push(sql`${rectifications.status} <> 'accepted'`);
  else if (f.status) c.push(eq(rectifications.status, f.status));
  if (f.regionId)
    c.push(or(eq(regions.id, f.regionId), sql`${regions.path} like (select path || id || '/%' from regions where id = ${f.regionId})`));
  return c.length ? and(...c) : undefined;
}

const itemColumns = {
  id: rectifications.id,
  agencyId: rectifications.agencyId,
  agency: agencies.name,
  regionId: regions.id,
  region: regions.name,
  reportId: rectifications.reportId,
  year: rectifications.year,
  rule: rectifications.rule,
  severity: rectifications.severity,
  cells: rectifications.cells,
  message: rectifications.message,
  fingerprint: rectifications.fingerprint,
  dueOn: rectifications.dueOn,
  note: rectifications.note,
  status: rectifications.status,
  openedBy: rectifications.openedBy,
  openedAt: rectifications.openedAt,
  response: rectifications.response,
  responseText: rectifications.responseText,
  respondedBy: rectifications.respondedBy,
  respondedAt: rectifications.respondedAt,
  reviewedBy: rectifications.reviewedBy,
  reviewedAt: rectifications.reviewedAt,
  returnReason: rectifications.returnReason,
  returnCount: rectifications.returnCount,
  dataStatus,
  overdueDays,
  /** The report was re-imported (or a cell corrected) after the item was opened. */
  reimportedAt: sql<string | null>`case when ${reports.importedAt} > ${rectifications.openedAt} then ${reports.importedAt} end`,
};

export type RectificationItem = Awaited<ReturnType<typeof listRectifications>>[number];

/** Items under the filter: overdue first (most days late first), then by due date. */
export async function listRectifications(db: Db, f: RectificationFilter, limit = 500, offset = 0) {
  return db
    .select(itemColumns)
    .from(rectifications)
    .innerJoin(agencies, eq(agencies.id, rectifications.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .innerJoin(reports, eq(reports.id, rectifications.reportId))
    .where(where(f))
    .orderBy(
      desc(overdueDays),
      sql`case ${rectifications.status} when 'open' then 0 when 'responded' then 1 else 2 end`,
      asc(rectifications.dueOn),
      asc(rectifications.id),
    )
    .limit(limit)
    .offset(offset);
}

export async function countRectifications(db: Db, f: RectificationFilter): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rectifications)
    .innerJoin(agencies, eq(agencies.id, rectifications.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .where(where(f));
  return r.n;
}

export async function getRectification(db: Db, id: number) {
  const [item] = await db
    .select({ ...itemColumns, attachment: rectificationAttachments.name, attachmentSize: rectificationAttachments.size })
    .from(rectifications)
    .innerJoin(agencies, eq(agencies.id, rectifications.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .innerJoin(reports, eq(reports.id, rectifications.reportId))
    .leftJoin(rectificationAttachments, eq(rectificationAttachments.rectificationId, rectifications.id))
    .where(eq(rectifications.id, id));
  return item ?? null;
}

export async function getRectificationAttachment(db: Db, id: number) {
  const [a] = await db.select().from(rectificationAttachments).where(eq(rectificationAttachments.rectificationId, id));
  return a ?? null;
}

/**
 * Counts per agency (or per region the agency sits directly in): unfinished, overdue, waiting
 * for review, all. `under` restricts to a region's subtree or one agency.
 */
export async function summarizeRectifications(db: Db, by: "agency" | "region", under: { regionId?: number; agencyId?: number } = {}) {
  const key = by === "agency" ? agencies.id : regions.id;
  const name = by === "agency" ? agencies.name : regions.name;
  return db
    .select({
      id: key,
      name,
      total: sql<number>`count(*)::int`,
      unfinished: sql<number>`count(*) filter (where ${rectifications.status} <> 'accepted')::int`,
      open: sql<number>`count(*) filter (where ${rectifications.status} = 'open')::int`,
      responded: sql<number>`count(*) filter (where ${rectifications.status} = 'responded')::int`,
      accepted: sql<number>`count(*) filter (where ${rectifications.status} = 'accepted')::int`,
      overdue: sql<number>`count(*) filter (where ${rectifications.status} = 'open' and ${rectifications.dueOn} < ${today})::int`,
    })
    .from(rectifications)
    .innerJoin(agencies, eq(agencies.id, rectifications.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .where(where({ regionId: under.regionId, agencyId: under.agencyId }))
    .groupBy(key, name)
    .orderBy(
      desc(sql`count(*) filter (where ${rectifications.status} = 'open' and ${rectifications.dueOn} < ${today})`),
      desc(sql`count(*) filter (where ${rectifications.status} <> 'accepted')`),
      asc(name),
    );
}
