/**
 * The import pipeline, the one door every report comes in by: read → match → check → save.
 *
 * - read: bytes to a ParsedReport (lib/parse), in a child process for an untrusted upload;
 * - match: whose report and which year — the names and the region a new agency goes to;
 * - check: the rules every stored report obeys (lib/report/input.ts), refused before anything is written;
 * - save: db/queries/reports.ts:saveReport, which also computes the report's findings, once, from the
 *   stored state (so cross-year rules see last year's report) — then one row in the import log.
 *
 * Entries: the import page (app/import/actions.ts), `npm run import` (scripts/import.ts), the demo data
 * (pipeline/seed.ts), data packages (pipeline/package.ts), the website harvester (pipeline/harvest.ts)
 * and scans (pipeline/scan.ts reads; the page stores). Every attempt leaves one row in import_log.
 */
import type { Db } from "../db/index";
import { countStoredCells, logFailure, logImport } from "../db/queries/imports";
import { saveReport, type SaveReportResult } from "../db/queries/reports";
import { msg } from "../lib/messages";
import { parseReportAsync, type ParseOutcome, type ParsedReport } from "../lib/parse/index";
import { parseIsolated } from "../lib/parse/isolated";
import { inferAgencyKind, type AgencyKind, type RegionLevel } from "../lib/report/agency";
import { guessDivision } from "../lib/report/divisions";
import { checkReportInput } from "../lib/report/input";

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

/**
 * Read: a file to a report. `untrusted` (an upload, a fetched page) reads in the child-process pool,
 * so a hostile file cannot stall the server; `client` shares that pool fairly between senders.
 * Never throws: a file that breaks the reader is "not a report".
 */
export async function readReport(
  file: { name: string; bytes: Uint8Array },
  o: { untrusted?: boolean; client?: string; ocr?: boolean } = {},
): Promise<ParseOutcome> {
  try {
    return o.untrusted ? await parseIsolated(file, o.client) : await parseReportAsync(file, { ocr: o.ocr });
  } catch {
    // The readers are meant never to throw (lib/parse/fuzz.test.ts); should one, the file fails alone.
    return { ok: false, error: msg.errors.notReport };
  }
}

type Matched = Omit<Parameters<typeof saveReport>[1], "report" | "sourceName">;

/** Match: the agency and year (what the person typed wins over what the document says), and where a new agency goes. */
export function matchReport(report: ParsedReport, o: ImportOverrides): { ok: true; value: Matched } | { ok: false; error: string } {
  const agencyName = (o.agency ?? report.agency ?? "").trim();
  const year = o.year ?? report.year;
  if (!agencyName) return { ok: false, error: msg.errors.noAgency };
  if (!year) return { ok: false, error: msg.errors.noYear };
  return {
    ok: true,
    value: {
      agencyName,
      year,
      publishedOn: o.publishedOn === undefined ? report.publishedOn : o.publishedOn,
      // A new agency without a region goes where its name places it in the national directory
      // (淮安市洪泽区人民政府 → 江苏省 / 淮安市 / 洪泽区), when exactly one division fits.
      region: o.regionId ? { regionId: o.regionId } : { chain: o.regionChain ?? guessDivision(agencyName)?.chain ?? UNASSIGNED_REGION },
      kind: o.kind ?? inferAgencyKind(agencyName),
      unread: o.unread,
    },
  };
}

/** Check: one set of rules whichever way the report came (form, batch, command line, package, harvest). */
async function checkReport(db: Db, report: ParsedReport, m: Matched): Promise<string | null> {
  const valid = checkReportInput({
    agency: m.agencyName,
    year: m.year,
    title: report.title,
    cells: report.cells,
    details: report.details,
    sourceText: report.sourceText,
    narrative: report.narrative,
  });
  if (!valid.ok) return valid.error;
  // A document without tables must not wipe the tables of the report it would replace.
  const stored = await countStoredCells(db, m.agencyName, m.year);
  if (stored > 0 && !Object.values(report.cells).some((v) => v !== null)) return msg.input.noTablesReplacing(stored);
  return null;
}

/** Match → check → save a report already read. Inside the caller's transaction when given one. */
export async function storeReport(db: Db, report: ParsedReport, sourceName: string, o: ImportOverrides = {}): Promise<ImportResult> {
  const matched = matchReport(report, o);
  const fail = async (error: string) => {
    await logFailure(db, {
      sourceName,
      error,
      batchId: o.batchId,
      agency: (o.agency ?? report.agency ?? "").trim(),
      year: o.year ?? report.year,
    });
    return { ok: false as const, error };
  };
  if (!matched.ok) return fail(matched.error);
  const m = matched.value;
  const refused = await checkReport(db, report, m);
  if (refused) return fail(refused);
  let saved: SaveReportResult;
  try {
    saved = await saveReport(db, { ...m, report, sourceName });
  } catch (e) {
    // The transaction rolled back: nothing of the file is stored, but the attempt is logged.
    // The database's own words (SQL, constraint names) go to the server log, not to the person.
    console.error(`[import] ${sourceName}`, e);
    await logFailure(db, {
      sourceName,
      error: msg.errors.saveFailed(msg.errors.internalShort),
      batchId: o.batchId,
      agency: m.agencyName,
      year: m.year,
    });
    throw e;
  }
  const message = saved.replaced ? msg.import.replaced(m.agencyName, m.year) : msg.import.created(m.agencyName, m.year);
  await logImport(db, { batchId: o.batchId, sourceName, message, year: m.year, ...saved });
  return { ok: true, agency: m.agencyName, year: m.year, ...saved, message };
}

/** Read → match → check → save one trusted file (the command line, the demo data). Never throws for a bad file or a failed save. */
export async function importFile(db: Db, file: { name: string; bytes: Uint8Array }, o: ImportOverrides = {}): Promise<ImportResult> {
  const parsed = await readReport(file, { ocr: o.ocr });
  if (!parsed.ok) {
    await logFailure(db, { sourceName: file.name, error: parsed.error, batchId: o.batchId });
    return parsed;
  }
  try {
    return await storeReport(db, parsed.report, file.name, o);
  } catch {
    return { ok: false, error: msg.errors.saveFailed(msg.errors.internalShort) };
  }
}
