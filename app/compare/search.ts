/** The compare page's state, all of it in the address: which measure, which agencies or which group, which years. */
import { z } from "zod";
import { MEASURE_IDS } from "@/lib/dashboard/measures";
import { AGENCY_KINDS, REGION_LEVELS } from "@/lib/report/agency";
import { pageHref } from "@/lib/url";

export const searchSchema = z.object({
  metric: z.enum(MEASURE_IDS).catch("received").default("received"),
  agencies: z
    .string()
    .optional()
    .transform((s) =>
      [
        ...new Set(
          (s ?? "")
            .split(/[,，\s]+/)
            .map(Number)
            .filter((n) => Number.isInteger(n) && n > 0),
        ),
      ].slice(0, 20),
    ),
  region: z.coerce.number().int().positive().optional().catch(undefined),
  kind: z.enum(AGENCY_KINDS).optional().catch(undefined),
  level: z.enum(REGION_LEVELS).optional().catch(undefined),
  from: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  to: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  q: z.string().trim().max(50).catch("").default(""),
});
export type Params = z.infer<typeof searchSchema>;

/** The compare page with some of its state changed (the search box and page are not carried over unless given). */
export function query(p: Params, over: Partial<Record<string, string | number | undefined>>): string {
  const base: Record<string, string | number | undefined> = {
    metric: p.metric,
    agencies: p.agencies.length ? p.agencies.join(",") : undefined,
    region: p.region,
    kind: p.kind,
    level: p.level,
    from: p.from,
    to: p.to,
  };
  return pageHref("/compare", { ...base, ...over });
}
