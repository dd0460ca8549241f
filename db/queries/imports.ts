/**
 * Parse a file and store it: the path shared by the import page (one file or a batch),
 * `npm run import` and the demo data. Every attempt leaves one row in import_log, failures too.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { msg } from "../../lib/messages";
import { inferAgencyKind } from "../../lib/report/agency";
import { guessDivision } from "../../lib/report/divisions";
import { checkReportInput } from "../../lib/report/input";
import { parseReportAsync, type ParsedReport } from "../../lib/parse/index";
import type { Db } from "../index";
import { agencies, importLog, reports } from "../schema";
import type { AgencyKind, RegionLevel } from "../../lib/report/agency";
import { saveReport, type SaveReportResult } from "./reports";

export const UNASSIGNED_REGION = [{ name: msg.importPage.noRegion, level: "province" as const }];

export interface ImportOverrides {
  /** Read scans with OCR in this process (the command line; the server runs OCR as a job). */
  ocr?: boolean;
  agency?: string;
  year?: number;
  publishedOn?: string | null;
  regionId?: number;
  regionChain?: { name: string; level: RegionLevel; code?: string }[];
  kind?: AgencyKind;
  /** Files imported together (a batch on the page, one `npm run import`, the demo data) share it. */
  batchId?: string;
  /** Unread-content notes carried over as written (a data package). */
  unread?: { message: string; where: string }[];
}

export type ImportResult = ({ ok: true; agency: string; year: number; message: string } & SaveReportResult) | { ok: false; error: string };

export async function importParsed(db: Db, report: ParsedReport, sourceName: string, o: ImportOverrides = {}): Promise<ImportResult> {
  const agency = (o.agency ?? report.agency ?? "").trim();
  const year = o.year ?? report.year;
  const fail = async (error: string) => {
    await logFailure(db, { sourceName, error, batchId: o.batchId, agency, year });
    return { ok: false as const, error };
  };
  if (!agency) return fail(msg.errors.noAgency);
  if (!year) return fail(msg.errors.noYear);
  // One set of rules whichever way the report came (form, batch, command line, data package).
  const valid = checkReportInput({
    agency,
    year,
    title: report.title,
    cells: report.cells,
    details: report.details,
    sourceText: report.sourceText,
    narrative: report.narrative,
  });
  if (!valid.ok) return fail(valid.error);
  const stored = await storedCellCount(db, agency, year);
  if (stored > 0 && !Object.values(report.cells).some((v) => v !== null)) return fail(msg.input.noTablesReplacing(stored));
  let saved: SaveReportResult;
  try {
    saved = await saveReport(db, {
      report,
      agencyName: agency,
      year,
      publishedOn: o.publishedOn === undefined ? report.publishedOn : o.publishedOn,
      sourceName,
      // A new agency without a region goes where its name places it in the national directory
      // (淮安市洪泽区人民政府 → 江苏省 / 淮安市 / 洪泽区), when exactly one division fits.
      region: o.regionId ? { regionId: o.regionId } : { chain: o.regionChain ?? guessDivision(agency)?.chain ?? UNASSIGNED_REGION },
      kind: o.kind ?? inferAgencyKind(agency),
      unread: o.unread,
    });
  } catch (e) {
    // The transaction rolled back: nothing of the file is stored, but the attempt is logged.
    // The database's own words (SQL, constraint names) go to the server log, not to the person.
    console.error(`[import] ${sourceName}`, e);
    await logFailure(db, { sourceName, error: msg.errors.saveFailed(msg.errors.internalShort), batchId: o.batchId, agency, year });
    throw e;
  }
  const message = saved.replaced ? msg.import.replaced(agency, year) : msg.import.created(agency, year);
  await db.insert(importLog).values({
    batchId: o.batchId ?? null,
    sourceName,
    status: saved.replaced ? "updated" : "created",
    message,
    agencyId: saved.agencyId,
    year,
    reportId: saved.reportId,
  });
  return { ok: true, agency, year, ...saved, message };
}

/** How many cells with a value the stored report of that agency and year has (0 when none is stored). */
async function storedCellCount(db: Db, agency: string, year: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`(select count(*) from jsonb_each(${reports.cellValues}) e where e.value <> 'null'::jsonb)::int` })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(and(eq(agencies.name, agency), eq(reports.year, year)))
    .limit(1);
  return r?.n ?? 0;
}

/** Parse and store one file. Never throws for a bad file or a failed save: the result says why. */
export async function importFile(db: Db, file: { name: string; bytes: Uint8Array }, o: ImportOverrides = {}): Promise<ImportResult> {
  let parsed: Awaited<ReturnType<typeof parseReportAsync>>;
  try {
    parsed = await parseReportAsync(file, { ocr: o.ocr });
  } catch {
    // parseReportAsync is meant never to throw (lib/parse/fuzz.test.ts); should it, the file fails alone.
    parsed = { ok: false, error: msg.errors.notReport };
  }
  if (!parsed.ok) {
    await logFailure(db, { sourceName: file.name, error: parsed.error, batchId: o.batchId });
    return parsed;
  }
  try {
    return await importParsed(db, parsed.report, file.name, o);
  } catch {
    return { ok: false, error: msg.errors.saveFailed(msg.errors.internalShort) };
  }
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
