import { z } from "zod";

import { msg } from "@/lib/messages";

export const saveScoreEntrySchema = z.object({
  agencyId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
  rubricId: z.coerce.number().int().positive(),
  rubricVersion: z.coerce.number().int().positive(),
  indicatorId: z.string().trim().min(1).max(40),
  action: z.enum(["set", "clear"]),
  points: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === "" ? null : Number(s)))
    .refine((v) => v === null || (Number.isFinite(v) && v >= 0), msg.scoringPage.scoreInvalid),
  reason: z.string().trim().max(500, msg.scoringPage.reasonTooLong).default(""),
});
export type SaveScoreEntryInput = z.infer<typeof saveScoreEntrySchema>;

export type ActionResult = { ok: true; message: string } | { ok: false; error: string };
