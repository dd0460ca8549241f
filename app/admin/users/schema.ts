import { z } from "zod";
import { ROLES } from "@/db/schema";

const optionalId = z
  .string()
  .transform((s) => (s ? Number(s) : null))
  .pipe(z.number().int().positive().nullable());
const ids = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean).map(Number))
  .pipe(z.array(z.number().int().positive()));

export const createUserSchema = z.object({
  username: z.string().trim().min(1, "请填写用户名").max(100).regex(/^[\w.@-]+$/, "用户名只能包含字母、数字和 . _ @ -"),
  displayName: z.string().trim().min(1, "请填写姓名").max(100),
  password: z.string().min(8, "密码至少 8 个字符").max(200),
  role: z.enum(ROLES),
  scopeRegionId: optionalId,
  agencyIds: ids,
});

export const updateUserSchema = z.object({
  id: z.coerce.number().int().positive(),
  role: z.enum(ROLES),
  scopeRegionId: optionalId,
  agencyIds: ids,
  disabled: z.enum(["on", ""]).optional().transform((v) => v === "on"),
  password: z.string().max(200).refine((p) => p === "" || p.length >= 8, "新密码至少 8 个字符").optional(),
});

export type UserActionResult = { ok: true; message: string } | { ok: false; error: string };
