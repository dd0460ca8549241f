import { z } from "zod";
import { ROLES } from "@/db/schema";

import { msg } from "@/lib/messages";

const optionalId = z
  .string()
  .transform((s) => (s ? Number(s) : null))
  .pipe(z.number().int().positive().nullable());
const ids = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean)
      .map(Number),
  )
  .pipe(z.array(z.number().int().positive()));

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, msg.admin.usernameRequired)
    .max(100)
    .regex(/^[\w.@-]+$/, msg.admin.usernameChars),
  displayName: z.string().trim().min(1, msg.admin.nameRequired).max(100),
  password: z.string().min(8, msg.admin.passwordMin).max(200),
  role: z.enum(ROLES),
  scopeRegionId: optionalId,
  agencyIds: ids,
});

export const updateUserSchema = z.object({
  id: z.coerce.number().int().positive(),
  role: z.enum(ROLES),
  scopeRegionId: optionalId,
  agencyIds: ids,
  disabled: z
    .enum(["on", ""])
    .optional()
    .transform((v) => v === "on"),
  password: z
    .string()
    .max(200)
    .refine((p) => p === "" || p.length >= 8, msg.admin.newPasswordMin)
    .optional(),
});

export type UserActionResult = { ok: true; message: string } | { ok: false; error: string };
