import { z } from "zod";
import { AGENCY_KINDS } from "@/db/schema";
import { MAX_AGENCY_CHARS, yearSchema } from "@/lib/report/input";

/** Form fields `fill.<cell key>`: a value the filer typed for a cell the reader could not read. */
export const FILL_PREFIX = "fill.";

/** The metadata a user may correct in the preview before saving. */
export const saveImportSchema = z.object({
  agency: z.string().trim().min(1, "请填写发布机关").max(MAX_AGENCY_CHARS, "发布机关名称过长"),
  year: z.coerce.number({ message: "请填写报告年度" }).pipe(yearSchema),
  publishedOn: z
    .string()
    .trim()
    .transform((s) => s || null)
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "发布日期格式应为 2025-01-31").nullable()),
  regionId: z
    .string()
    .transform((s) => (s ? Number(s) : undefined))
    .pipe(z.number().int().positive().optional()),
  kind: z.enum(AGENCY_KINDS),
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
      unreadRows: { message: string; where: string; source: string | null; cells: { key: string; label: string }[]; crop?: string | null }[];
      missing: number;
      /** A report of this agency and year is already stored: saving replaces it. */
      existingReportId: number | null;
    }
  | { ok: false; error: string };

export type SaveResult = { ok: true; message: string; reportId: number; agencyId: number; replaced: boolean } | { ok: false; error: string };

/** One file of a batch import: its name (a zip entry keeps its path), the batch, or why the browser refused it. */
export const batchFileSchema = z.object({
  batchId: z.string().trim().min(1).max(80).regex(/^[\w-]+$/, "批次编号不正确"),
  name: z.string().trim().min(1, "缺少文件名").max(500, "文件名过长"),
  clientError: z.string().trim().min(1).max(300).optional(),
});
export type BatchFileInput = z.infer<typeof batchFileSchema>;

export type BatchFileResult = { status: "created" | "updated" | "failed"; message: string; reportId?: number };

/** The draft check and the preview: the agency and year to compare with, both optional. */
export const previewImportSchema = z.object({
  agency: z.string().trim().max(MAX_AGENCY_CHARS, "发布机关名称过长"),
  year: z
    .string()
    .trim()
    .transform((s) => (s ? Number(s) : null))
    .pipe(yearSchema.nullable()),
});
