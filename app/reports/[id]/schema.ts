import { z } from "zod";
import { ALL_CELL_KEYS } from "@/lib/report/template";

export const reviewFindingSchema = z.object({
  findingId: z.coerce.number().int().positive(),
  status: z.enum(["confirmed", "dismissed", "open"]),
  comment: z.string().trim().max(500, "说明不超过 500 字"),
});

export const correctCellSchema = z.object({
  reportId: z.coerce.number().int().positive(),
  key: z.string().refine((k) => ALL_CELL_KEYS.has(k), "请选择要更正的单元格"),
  value: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : Number(s.replace(/,/g, ""))))
    .refine((v) => v === null || Number.isFinite(v), "新值应为数字，或留空表示空白"),
  reason: z.string().trim().min(1, "请写明更正原因").max(500, "原因不超过 500 字"),
});

export type ActionResult = { ok: true; message: string } | { ok: false; error: string };
