import { z } from "zod";
import { searchString, type SearchValues } from "@/lib/url";
import { REGION_LEVELS } from "@/lib/report/agency";
import { RANK_BASES } from "@/lib/scoring/rank";

/** The ranking's state, in the URL: region, level, year, rubric (and version). Shared by the page and the export route. */
export const rankingSearchSchema = z.object({
  region: z.coerce.number().int().positive().optional().catch(undefined),
  level: z.enum(REGION_LEVELS).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  rubric: z.coerce.number().int().positive().default(1).catch(1),
  version: z.coerce.number().int().positive().optional().catch(undefined),
  /** What the ranking orders by; by default the total once manual items are in, the automatic indicators until then. */
  basis: z.enum(RANK_BASES).optional().catch(undefined),
  /** The table's page (the chart shows the leaders, the downloads every row). */
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type RankingSearch = z.infer<typeof rankingSearchSchema>;

export const rankingQuery = (s: SearchValues): string => searchString(s, { keepFirstPage: true });
