import { z } from "zod";
import { AGENCY_KINDS } from "@/lib/report/agency";
import { MAX_AGENCY_CHARS, yearSchema } from "@/lib/report/input";

import { msg } from "@/lib/messages";

/** Form fields `fill.<cell key>`: a value the filer typed for a cell the reader could not read. */
export const FILL_PREFIX = "fill.";

/** The metadata a user may correct in the preview before saving. */
export const saveImportSchema = z.object({
  agency: z.string().trim().min(1, msg.importPage.publisherRequired).max(MAX_AGENCY_CHARS, msg.importPage.publisherTooLong),
  year: z.coerce.number({ message: msg.importPage.yearRequired }).pipe(yearSchema),
  publishedOn: z
    .string()
    .trim()
    .transform((s) => s || null)
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, msg.importPage.dateFormat)
        .nullable(),
    ),
  regionId: z
    .string()
    .transform((s) => (s ? Number(s) : undefined))
    .pipe(z.number().int().positive().optional()),
  kind: z.enum(AGENCY_KINDS),
  /** A region from the national directory (lib/report/divisions.ts), created when missing. */
  divisionCode: z
    .string()
    .trim()
    .transform((s) => s || undefined)
    .pipe(
      z
        .string()
        .regex(/^\d{2,12}$/, msg.importPreview.divisionCodeDigits)
        .optional(),
    ),
});
export type SaveImportInput = z.infer<typeof saveImportSchema>;

export interface PreviewCell {
  value: number | null;
  raw: string;
  note: string | null;
  where: string;
}

export type PreviewResult =
  | {
      ok: true;
      sourceName: string;
      agency: string;
      year: number | null;
      publishedOn: string | null;
      format: "2021" | "2019" | "pre2019";
      mixed: boolean;
      kind: (typeof AGENCY_KINDS)[number];
      cells: Record<string, PreviewCell>;
      findings: { rule: string; severity: string; message: string; cells: string[] }[];
      /** Last year's stored report of the same agency, which the cross-year rules compared with. */
      prevReportId: number | null;
      unread: string[];
      /** Rows the reader could not read: what the document printed there, and the cells to type in. */
      unreadRows: {
        message: string;
        where: string;
        source: string | null;
        cells: { key: string; label: string }[];
        crop?: string | null;
      }[];
      missing: number;
      /** A report of this agency and year is already stored: saving replaces it. */
      existingReportId: number | null;
      /** Where the agency's name places it in the national directory, if it is new and one division fits. */
      division: { code: string; fullName: string } | null;
      /** No agency of this name is stored: saving creates one, in the region chosen here. */
      newAgency: boolean;
    }
  | { ok: false; error: string };

export type SaveResult =
  | { ok: true; message: string; reportId: number; agencyId: number; replaced: boolean }
  | { ok: false; error: string };

/** One file of a batch import: its name (a zip entry keeps its path), the batch, or why the browser refused it. */
export const batchFileSchema = z.object({
  batchId: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[\w-]+$/, msg.importPage.batchInvalid),
  name: z.string().trim().min(1, msg.importPage.fileNameMissing).max(500, msg.importPage.fileNameTooLong),
  clientError: z.string().trim().min(1).max(300).optional(),
});
export type BatchFileInput = z.infer<typeof batchFileSchema>;

export type BatchFileResult = { status: "created" | "updated" | "failed"; message: string; reportId?: number };

/** The draft check and the preview: the agency and year to compare with, both optional. */
export const previewImportSchema = z.object({
  agency: z.string().trim().max(MAX_AGENCY_CHARS, msg.importPage.publisherTooLong),
  year: z
    .string()
    .trim()
    .transform((s) => (s ? Number(s) : null))
    .pipe(yearSchema.nullable()),
});
