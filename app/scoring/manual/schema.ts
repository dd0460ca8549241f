import { z } from "zod";
import { msg } from "@/lib/messages";
import { REGION_LEVELS } from "@/lib/report/agency";

/** Form fields `cell.<agencyId>.<indicatorId>`: one manual indicator of one agency in the grid. */
export const CELL_PREFIX = "cell.";

/** The grid's scope and rubric (as in the ranking's URL), and the note recorded with every change. */
export const manualGridSchema = z.object({
  region: z.coerce.number().int().positive().optional().catch(undefined),
  level: z.enum(REGION_LEVELS).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100),
  rubric: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  reason: z.string().trim().max(500, msg.scoring.manual.reasonTooLong).default(""),
});
export type ManualGridInput = z.infer<typeof manualGridSchema>;

export type ManualGridResult = { ok: true; message: string; saved: number } | { ok: false; error: string };
