/**
 * The import log: one row per attempt, failures too (written by the pipeline, pipeline/import.ts),
 * and the recent attempts the import page lists.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../index";
import { agencies, importLog, reports } from "../schema";

export interface ImportLogEntry {
  batchId?: string;
  sourceName: string;
  replaced: boolean;
  message: string;
  agencyId: number;
  year: number;
  reportId: number;
}

/** A stored report for the log (pipeline/import.ts writes one row per attempt). */
export async function logImport(db: Db, e: ImportLogEntry): Promise<void> {
  await db.insert(importLog).values({
    batchId: e.batchId ?? null,
    sourceName: e.sourceName,
    status: e.replaced ? "updated" : "created",
    message: e.message,
    agencyId: e.agencyId,
    year: e.year,
    reportId: e.reportId,
  });
}

/** How many cells with a value the stored report of that agency and year has (0 when none is stored). */
export async function countStoredCells(db: Db, agency: string, year: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`(select count(*) from jsonb_each(${reports.cellValues}) e where e.value <> 'null'::jsonb)::int` })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(and(eq(agencies.name, agency), eq(reports.year, year)))
    .limit(1);
  return r?.n ?? 0;
}

/** A failed attempt for the log: the agency only if one of that name is stored (nothing is created). */
export async function logFailure(
  db: Db,
  f: { sourceName: string; error: string; batchId?: string; agency?: string; year?: number | null },
): Promise<void> {
  try {
    const [a] = f.agency
      ? await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, f.agency)).orderBy(asc(agencies.id)).limit(1)
      : [];
    await db.insert(importLog).values({
      batchId: f.batchId ?? null,
      sourceName: f.sourceName,
      status: "failed",
      message: f.error,
      agencyId: a?.id ?? null,
      year: f.year && Number.isSafeInteger(f.year) && f.year > 1900 && f.year < 2200 ? f.year : null,
      reportId: null,
    });
  } catch {
    // The log must not turn a clear failure into a second one (e.g. the database is gone).
  }
}

/** The latest import attempts, newest first, with the agency's name where known. */
export async function listRecentImports(db: Db, limit = 20) {
  return db
    .select({
      id: importLog.id,
      batchId: importLog.batchId,
      sourceName: importLog.sourceName,
      status: importLog.status,
      message: importLog.message,
      agencyId: importLog.agencyId,
      agency: agencies.name,
      year: importLog.year,
      reportId: importLog.reportId,
      at: importLog.at,
    })
    .from(importLog)
    .leftJoin(agencies, eq(agencies.id, importLog.agencyId))
    .orderBy(desc(importLog.at), desc(importLog.id))
    .limit(limit);
}

/** An id shared by the files of one batch: time first, so ids sort by when the batch ran. */
export function newBatchId(prefix: string): string {
  return `${prefix}-${new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, "")
    .slice(0, 14)}-${Math.random().toString(36).slice(2, 8)}`;
}
