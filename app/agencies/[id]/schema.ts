import { z } from "zod";
import { POST_CHANNELS } from "@/lib/dashboard/posts";

export const correctPostCountSchema = z.object({
  agencyId: z.coerce.number().int().positive(),
  reportId: z.coerce.number().int().positive(),
  channel: z.enum(POST_CHANNELS),
  // Empty: the report states no such figure.
  value: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : Number(s)))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 0)),
  comment: z.string().trim().max(500).default(""),
  reset: z.string().optional(),
});
export type CorrectPostCountInput = z.infer<typeof correctPostCountSchema>;
