import { z } from "zod";
import { ALL_CELL_KEYS } from "@/lib/report/cell-keys";
import { cellValueProblem, parseNumberText } from "@/lib/report/input";
import { msg } from "@/lib/messages";

export const reviewFindingSchema = z.object({
  findingId: z.coerce.number().int().positive(),
  status: z.enum(["confirmed", "dismissed", "open"]),
  comment: z.string().trim().max(500, msg.reportPage.noteTooLong),
});

export const correctCellSchema = z
  .object({
    reportId: z.coerce.number().int().positive(),
    key: z.string().refine((k) => ALL_CELL_KEYS.has(k), msg.reportPage.chooseCell),
    // The same rules as an import (lib/report/input.ts): "0x10", "1e20", "1,2,3" and 4.5 件 are refused.
    value: z
      .string()
      .transform((s) => parseNumberText(s))
      .refine((v) => v !== undefined, msg.input.numberText)
      .transform((v) => v ?? null),
    reason: z.string().trim().min(1, msg.reportPage.reasonRequired).max(500, msg.reportPage.reasonTooLong),
  })
  .superRefine((d, ctx) => {
    if (!ALL_CELL_KEYS.has(d.key)) return;
    const p = cellValueProblem(d.key, d.value);
    if (p) ctx.addIssue({ code: "custom", path: ["value"], message: p });
  });

export type ActionResult = { ok: true; message: string } | { ok: false; error: string };
