import { z } from "zod";
import { rubricDefinitionSchema } from "@/lib/scoring/rubric";

import { msg } from "@/lib/messages";

/** The editor posts the definition as JSON; it is parsed here, at the boundary, into a checked rubric. */
export const saveRubricSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  name: z.string().trim().min(1, msg.scoringPage.nameRequired).max(60, msg.scoringPage.nameTooLong),
  definition: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: msg.scoringPage.rubricUnreadable });
        return z.NEVER;
      }
    })
    .pipe(rubricDefinitionSchema),
});
export type SaveRubricInput = z.infer<typeof saveRubricSchema>;

export type RubricActionResult = { ok: true; message: string; id: number; version: number } | { ok: false; error: string };
