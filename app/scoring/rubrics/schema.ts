import { z } from "zod";
import { rubricDefinitionSchema } from "@/lib/scoring/rubric";

/** The editor posts the definition as JSON; it is parsed here, at the boundary, into a checked rubric. */
export const saveRubricSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  name: z.string().trim().min(1, "请填写细则名称").max(60, "细则名称不超过 60 字"),
  definition: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "细则内容无法读取" });
        return z.NEVER;
      }
    })
    .pipe(rubricDefinitionSchema),
});
export type SaveRubricInput = z.infer<typeof saveRubricSchema>;

export type RubricActionResult = { ok: true; message: string; id: number; version: number } | { ok: false; error: string };
