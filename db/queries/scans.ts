/**
 * Scanned reports waiting for OCR or for the filer (see `scans` in db/schema.ts). The upload is
 * stored with its job in one transaction; the job (db/jobs.ts, kind "scan.ocr") reads the files,
 * runs OCR off the request path and stores what the reader made of them and each page's image.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { ParsedReport } from "../../lib/parse/index";
import type { Db } from "../index";
import { jobs, scanFiles, scanPages, scans } from "../schema";
import { enqueueJob } from "./jobs";

export const SCAN_JOB = "scan.ocr";

/** Stores the uploaded files and queues their OCR, in the caller's transaction. Returns the scan's id. */
export async function createScan(tx: Db, files: { name: string; bytes: Uint8Array }[], createdBy: number | null): Promise<number> {
  const [scan] = await tx
    .insert(scans)
    .values({
      name: files
        .map((f) => f.name)
        .join("、")
        .slice(0, 500),
      createdBy,
    })
    .returning({ id: scans.id });
  await tx.insert(scanFiles).values(files.map((f, i) => ({ scanId: scan.id, position: i, name: f.name, bytes: Buffer.from(f.bytes) })));
  // One attempt more than none: OCR of a large scan may meet a restart.
  const jobId = await enqueueJob(tx, { kind: SCAN_JOB, payload: { scanId: scan.id }, createdBy, maxAttempts: 2 });
  await tx.update(scans).set({ jobId }).where(eq(scans.id, scan.id));
  return scan.id;
}

/** The user's recent scans, newest first: to come back to one after leaving the import page. */
export async function listMyScans(db: Db, userId: number, limit = 10) {
  const rows = await db
    .select({ id: scans.id })
    .from(scans)
    .where(eq(scans.createdBy, userId))
    .orderBy(desc(scans.createdAt), desc(scans.id))
    .limit(limit);
  const out = [];
  for (const r of rows) {
    const s = await getScanStatus(db, r.id, userId);
    if (s) out.push(s);
  }
  return out;
}

export async function listScanFiles(db: Db, scanId: number) {
  return db
    .select({ name: scanFiles.name, bytes: scanFiles.bytes })
    .from(scanFiles)
    .where(eq(scanFiles.scanId, scanId))
    .orderBy(asc(scanFiles.position));
}

/** The job's outcome: the parsed report (or why it failed) and the page images, in one transaction. */
export async function saveScanResult(
  db: Db,
  scanId: number,
  out: { report: ParsedReport; pages: { image: Buffer; width: number; height: number; conf: number }[] } | { error: string },
) {
  await db.transaction(async (tx) => {
    await tx.delete(scanPages).where(eq(scanPages.scanId, scanId));
    if ("error" in out) {
      await tx.update(scans).set({ error: out.error, parsed: null }).where(eq(scans.id, scanId));
      return;
    }
    if (out.pages.length)
      await tx
        .insert(scanPages)
        .values(out.pages.map((p, i) => ({ scanId, page: i + 1, width: p.width, height: p.height, conf: p.conf, image: p.image })));
    await tx
      .update(scans)
      .set({ parsed: out.report as never, error: null })
      .where(eq(scans.id, scanId));
  });
}

/** The scan with its job's state, for the import page to poll. null: no such scan, or another user's. */
export async function getScanStatus(db: Db, scanId: number, userId: number | null) {
  const [row] = await db
    .select({
      id: scans.id,
      name: scans.name,
      createdBy: scans.createdBy,
      error: scans.error,
      done: scans.parsed,
      reportId: scans.reportId,
      status: jobs.status,
      progress: jobs.progress,
      jobError: jobs.error,
    })
    .from(scans)
    .leftJoin(jobs, eq(jobs.id, scans.jobId))
    .where(eq(scans.id, scanId));
  if (!row || (userId !== null && row.createdBy !== userId)) return null;
  const progress = row.progress as { done: number; total: number } | null;
  return {
    id: row.id,
    name: row.name,
    status: row.error ? ("failed" as const) : row.done ? ("done" as const) : (row.status ?? "queued"),
    done: progress?.done ?? 0,
    total: progress?.total ?? 0,
    error: row.error ?? (row.status === "failed" ? row.jobError : null),
    reportId: row.reportId,
  };
}

export async function getScanParsed(db: Db, scanId: number, userId: number | null): Promise<{ name: string; report: ParsedReport } | null> {
  const [row] = await db
    .select({ name: scans.name, parsed: scans.parsed, createdBy: scans.createdBy })
    .from(scans)
    .where(eq(scans.id, scanId));
  if (!row?.parsed || (userId !== null && row.createdBy !== userId)) return null;
  return { name: row.name, report: row.parsed as ParsedReport };
}

export async function linkScanReport(db: Db, scanId: number, reportId: number) {
  await db.update(scans).set({ reportId }).where(eq(scans.id, scanId));
}

/** One page image of a scan (JPEG), for the page view and the crops of unread cells. */
export async function getScanPage(db: Db, scanId: number, page: number) {
  const [row] = await db
    .select({ image: scanPages.image, width: scanPages.width, height: scanPages.height })
    .from(scanPages)
    .where(and(eq(scanPages.scanId, scanId), eq(scanPages.page, page)));
  return row ?? null;
}

/** The scan a report was imported from, if any. */
export async function getReportScan(db: Db, reportId: number): Promise<number | null> {
  const [row] = await db.select({ id: scans.id }).from(scans).where(eq(scans.reportId, reportId)).limit(1);
  return row?.id ?? null;
}
