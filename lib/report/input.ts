/**
 * What a report may hold, for every path that stores one: the import form, the batch and command
 * line imports, the data package, and cell corrections. Parsers read what a file says; this says
 * what the database accepts — a year in a sane range, known cells, finite numbers within bounds,
 * whole numbers where the cell counts something, bounded text. Messages are Chinese, from the
 * catalogue; nothing here depends on which path the report came by.
 */
import { z } from "zod";
import { msg } from "../messages";
import { ALL_CELL_KEYS, describeCell } from "./cell-keys";

export const MIN_YEAR = 2000;
/** Next year at most: a report is written after its year ends. */
export const maxYear = (now = new Date()) => now.getFullYear() + 1;

export const MAX_AGENCY_CHARS = 200;
export const MAX_TITLE_CHARS = 500;
export const MAX_RAW_CHARS = 500;
/** A report's text is tens of thousands of characters; 300 PDF pages stay well under this. */
export const MAX_SOURCE_CHARS = 3_000_000;
/** No office receives a billion requests; 1e20 in a count is a misread or an attack. */
export const MAX_COUNT = 1_000_000_000;
/** Amounts (万元, 元) are not counts: decimals allowed, larger bound. */
export const MAX_AMOUNT = 1_000_000_000_000;

export interface CellRule {
  integer: boolean;
  min: number;
  max: number;
}

export function cellRule(key: string): CellRule {
  if (/\.amount_(wan|yuan)$/.test(key)) return { integer: false, min: 0, max: MAX_AMOUNT };
  // 2019 表二 “本年增/减” may be negative.
  if (/\.change$/.test(key)) return { integer: true, min: -MAX_COUNT, max: MAX_COUNT };
  return { integer: true, min: 0, max: MAX_COUNT };
}

/** Why a value may not be stored in that cell, or null. */
export function cellValueProblem(key: string, value: unknown): string | null {
  if (!ALL_CELL_KEYS.has(key)) return msg.input.unknownCell(key);
  if (value === null) return null;
  const name = describeCell(key);
  if (typeof value !== "number" || !Number.isFinite(value)) return msg.input.notNumber(name);
  const r = cellRule(key);
  if (r.integer && !Number.isInteger(value)) return msg.input.notInteger(name);
  if (value < r.min || value > r.max) return msg.input.outOfRange(name, r.min, r.max);
  return null;
}

export const yearSchema = z
  .number({ message: msg.input.year(MIN_YEAR, maxYear()) })
  .int(msg.input.year(MIN_YEAR, maxYear()))
  .refine((y) => y >= MIN_YEAR && y <= maxYear(), { message: msg.input.year(MIN_YEAR, maxYear()) });

/**
 * A number as a person types it: digits, an optional decimal part, thousands commas only in
 * threes. Not `Number()`: that reads "0x10" as 16, "1e20" as 10^20 and "" as 0.
 */
export function parseNumberText(s: string): number | null | undefined {
  const t = s.trim();
  if (t === "") return null;
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return undefined;
  return Number(t.replace(/,/g, ""));
}

export const reportInputSchema = z.object({
  agency: z.string().trim().min(1, msg.input.agency).max(MAX_AGENCY_CHARS, msg.input.agency),
  year: yearSchema,
  title: z.string().max(MAX_TITLE_CHARS, msg.input.tooLong(msg.reportInput.title, MAX_TITLE_CHARS)).nullable(),
  cells: z.record(z.string(), z.unknown()).superRefine((cells, ctx) => {
    for (const [k, v] of Object.entries(cells)) {
      const p = cellValueProblem(k, v);
      if (p) ctx.addIssue({ code: "custom", message: p });
    }
  }),
  details: z
    .record(
      z.string(),
      z.object({
        // The stored value comes from here too: the same rules as the cells.
        value: z.unknown().optional(),
        raw: z.string().max(MAX_RAW_CHARS, msg.input.tooLong(msg.reportInput.cellRaw, MAX_RAW_CHARS)),
        note: z.string().max(MAX_RAW_CHARS, msg.input.tooLong(msg.reportInput.cellNote, MAX_RAW_CHARS)).optional(),
      }),
    )
    .superRefine((details, ctx) => {
      for (const [k, d] of Object.entries(details)) {
        const p = cellValueProblem(k, d.value ?? null);
        if (p) ctx.addIssue({ code: "custom", message: p });
      }
    }),
  sourceText: z.string().max(MAX_SOURCE_CHARS, msg.input.tooLong(msg.reportInput.raw, MAX_SOURCE_CHARS)),
  narrative: z.string().max(MAX_SOURCE_CHARS, msg.input.tooLong(msg.reportInput.text, MAX_SOURCE_CHARS)),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/** The first few problems of a report about to be stored, in Chinese; ok when there are none. */
export function checkReportInput(r: unknown): { ok: true } | { ok: false; error: string } {
  const v = reportInputSchema.safeParse(r);
  if (v.success) return { ok: true };
  const issues = [...new Set(v.error.issues.map((i) => i.message))];
  return { ok: false, error: issues.slice(0, 5).join("；") + (issues.length > 5 ? msg.reportInput.moreIssues(issues.length) : "") };
}
