/**
 * The shape of a data package (a ZIP of one JSON per report, `npm run export`): declared once, for
 * the export (db/queries/package.ts) and the import that reads it back (pipeline/package.ts).
 */
import { z } from "zod";
import type { ParsedReport } from "../parse/index";
import { AGENCY_KINDS, REGION_LEVELS } from "../report/agency";
import { FORMATS } from "../report/template";

export const PACKAGE_TYPE = "disclosure-dashboard-package";
export const PACKAGE_VERSION = 1;

// Every field of SourceLoc (lib/parse/document.ts): a package keeps the whole provenance.
const locSchema = z.object({
  line: z.number().optional(),
  table: z.number().optional(),
  row: z.number().optional(),
  col: z.number().optional(),
  page: z.number().optional(),
  at: z.number().optional(),
  ocr: z
    .object({
      box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      conf: z.number(),
      doubt: z.boolean().optional(),
      agreed: z.boolean().optional(),
    })
    .optional(),
});

export const packagedReportSchema = z.object({
  agency: z.string().min(1),
  year: z.number().int(),
  format: z.enum(FORMATS),
  published_on: z.string().nullable(),
  cells: z.record(z.string(), z.number().nullable()),
  findings: z.array(z.object({ rule: z.string(), severity: z.string(), cells: z.array(z.string()), message: z.string() })).default([]),
  package: z.object({
    region: z.array(z.object({ name: z.string(), level: z.enum(REGION_LEVELS) })).min(1),
    kind: z.enum(AGENCY_KINDS),
    mixed: z.boolean(),
    title: z.string().nullable(),
    source_name: z.string(),
    source_kind: z.string(),
    source_file: z.string(),
    parser_version: z.string(),
    imported_at: z.string(),
    missing: z.array(z.string()),
    unread: z.array(z.object({ message: z.string(), where: z.string() })),
    narrative: z.string(),
    headline: z
      .array(z.object({ key: z.string(), value: z.number(), sentence: z.string(), source: z.enum(["text", "table"]) }))
      .default([]),
    details: z.record(z.string(), z.object({ raw: z.string(), note: z.string().nullable(), source: locSchema })),
    reviews: z.array(
      z.object({
        fingerprint: z.string(),
        status: z.enum(["confirmed", "dismissed"]),
        comment: z.string(),
        reviewer: z.string(),
        reviewed_at: z.string(),
      }),
    ),
    history: z.array(
      z.object({
        key: z.string(),
        old_value: z.number().nullable(),
        old_raw: z.string().nullable(),
        new_value: z.number().nullable(),
        reason: z.string(),
        changed_by: z.string(),
        changed_at: z.string(),
      }),
    ),
  }),
});
export type PackagedReport = z.infer<typeof packagedReportSchema>;

export const manifestSchema = z.object({
  type: z.literal(PACKAGE_TYPE),
  version: z.literal(PACKAGE_VERSION),
  reports: z.array(z.string()),
});

/** A packaged report as the pipeline's "read" step gives it: losslessly, as exported, not re-parsed. */
export function packagedToParsed(doc: PackagedReport, sourceText: string): ParsedReport {
  const p = doc.package;
  return {
    agency: doc.agency,
    year: doc.year,
    format: doc.format,
    publishedOn: doc.published_on,
    title: p.title,
    cells: doc.cells,
    details: Object.fromEntries(
      Object.entries(p.details).map(([k, d]) => [
        k,
        { value: doc.cells[k] ?? null, raw: d.raw, ...(d.note ? { note: d.note } : {}), loc: d.source },
      ]),
    ),
    issues: [],
    missing: p.missing,
    mixed: p.mixed,
    sourceKind: p.source_kind as ParsedReport["sourceKind"],
    sourceText,
    narrative: p.narrative,
    parserVersion: p.parser_version,
    headline: p.headline as ParsedReport["headline"],
  };
}
