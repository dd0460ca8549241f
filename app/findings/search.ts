import { z } from "zod";
import { REVIEW_STATUSES, type FindingFilter } from "@/db/queries/findings";
import { SEVERITIES } from "@/lib/checks/rules";
import { REGION_LEVELS } from "@/lib/report/agency";

/** The findings queue's filters, as the URL holds them (the page and its export read the same). */
export const findingsSearchSchema = z.object({
  rule: z.string().max(60).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  region: z.coerce.number().int().positive().optional().catch(undefined),
  level: z.enum(REGION_LEVELS).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(REVIEW_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type FindingsSearch = z.infer<typeof findingsSearchSchema>;

export const toFindingFilter = (s: FindingsSearch): FindingFilter => ({
  rule: s.rule,
  severity: s.severity,
  regionId: s.region,
  level: s.level,
  year: s.year,
  status: s.status,
});
