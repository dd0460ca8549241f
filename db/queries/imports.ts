/** Parse a file and store it: the path shared by the import page, `npm run import` and the demo data. */
import { msg } from "../../lib/messages";
import { inferAgencyKind } from "../../lib/report/agency";
import { parseReportAsync, type ParsedReport } from "../../lib/parse/index";
import type { Db } from "../index";
import type { AgencyKind, RegionLevel } from "../schema";
import { saveReport, type SaveReportResult } from "./reports";

export const UNASSIGNED_REGION = [{ name: "未指定地区", level: "province" as const }];

export interface ImportOverrides {
  agency?: string;
  year?: number;
  publishedOn?: string | null;
  regionId?: number;
  regionChain?: { name: string; level: RegionLevel }[];
  kind?: AgencyKind;
}

export type ImportResult =
  | ({ ok: true; agency: string; year: number; message: string } & SaveReportResult)
  | { ok: false; error: string };

export async function importParsed(db: Db, report: ParsedReport, sourceName: string, o: ImportOverrides = {}): Promise<ImportResult> {
  const agency = (o.agency ?? report.agency ?? "").trim();
  const year = o.year ?? report.year;
  if (!agency) return { ok: false, error: msg.errors.noAgency };
  if (!year) return { ok: false, error: msg.errors.noYear };
  const saved = await saveReport(db, {
    report,
    agencyName: agency,
    year,
    publishedOn: o.publishedOn === undefined ? report.publishedOn : o.publishedOn,
    sourceName,
    region: o.regionId ? { regionId: o.regionId } : { chain: o.regionChain ?? UNASSIGNED_REGION },
    kind: o.kind ?? inferAgencyKind(agency),
  });
  return {
    ok: true,
    agency,
    year,
    ...saved,
    message: saved.replaced ? msg.import.replaced(agency, year) : msg.import.created(agency, year),
  };
}

export async function importFile(db: Db, file: { name: string; bytes: Uint8Array }, o: ImportOverrides = {}): Promise<ImportResult> {
  const parsed = await parseReportAsync(file);
  if (!parsed.ok) return parsed;
  return importParsed(db, parsed.report, file.name, o);
}
