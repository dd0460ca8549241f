import { z } from "zod";
import { msg } from "@/lib/messages";
import { REVIEW_STATUSES } from "@/db/queries/findings";
import { SEVERITIES } from "@/lib/checks/rules";
import { RECTIFICATION_RESPONSES } from "@/db/schema";

export const ATTACHMENT_MAX_MB = 10;

const m = msg.rect;
const id = z.coerce.number().int().positive();
const opt = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), t.optional());

/** Which findings become items: ticked ones, a report's (an agency-year), or the /findings filter. */
export const openRectificationsSchema = z.object({
  mode: z.enum(["ids", "report", "filter"]),
  findingId: z.array(id).max(5000).default([]),
  reportId: opt(id),
  rule: opt(z.string().max(60)),
  severity: opt(z.enum(SEVERITIES)),
  region: opt(id),
  level: opt(z.enum(["province", "city", "county", "township"])),
  year: opt(z.coerce.number().int().min(2000).max(2100)),
  status: opt(z.enum(REVIEW_STATUSES)),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, m.input.dueDate),
  note: z.string().trim().max(1000, m.input.tooLong(m.open.note, 1000)).default(""),
});

export const respondSchema = z.object({
  itemId: id,
  kind: z.enum(RECTIFICATION_RESPONSES, m.input.kind),
  text: z.string().trim().max(2000, m.input.tooLong(m.respond.text, 2000)).default(""),
});

export const acceptSchema = z.object({ itemId: id });
export const returnSchema = z.object({
  itemId: id,
  reason: z.string().trim().min(1, m.review.needReason).max(1000, m.input.tooLong(m.review.reason, 1000)),
});

export type RectResult = { ok: true; message: string } | { ok: false; error: string };

/** The list's filters, as the URL holds them (the page and its download read the same). */
export const rectSearchSchema = z.object({
  status: z.enum(["open", "responded", "accepted", "overdue", "unfinished"]).optional().catch(undefined),
  region: z.coerce.number().int().positive().optional().catch(undefined),
  agency: z.coerce.number().int().positive().optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  mine: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type RectSearch = z.infer<typeof rectSearchSchema>;
