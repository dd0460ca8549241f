/**
 * One narrow row per agency with what coverage reads: its region, kind, active years and which
 * years it has a report for (bit n: year 2000 + n; reports are 2000 onwards, lib/report/input.ts
 * MIN_YEAR, and a bigint holds them to 2062). The counts of a scope come from its per-region
 * rollup (coverage_counts below); the lists read these rows for the regions they show, with bit
 * arithmetic — no join of reports, no probe into the reports index per agency and year.
 * Kept by row triggers (drizzle/0020_agency_coverage.sql): on agencies (copies region, kind and
 * active years) and on reports (sets and clears one bit under the row's lock, so concurrent
 * imports of one agency stay right).
 */
import { bigint, index, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { AGENCY_KINDS } from "../../lib/report/agency";
import { agencies } from "./reports";

export const AGENCY_YEARS_BASE = 2000;

export const agencyCoverage = pgTable(
  "agency_coverage",
  {
    agencyId: integer("agency_id")
      .primaryKey()
      .references(() => agencies.id, { onDelete: "cascade" }),
    regionId: integer("region_id").notNull(),
    kind: text("kind", { enum: AGENCY_KINDS }).notNull(),
    activeFrom: integer("active_from"),
    activeTo: integer("active_to"),
    years: bigint("years", { mode: "number" }).notNull().default(0),
  },
  (t) => [index("agency_coverage_region_idx").on(t.regionId)],
);

/**
 * agency_coverage counted per region by what coverage asks of it: the span of years an agency is
 * expected to report (from: active_from, else its first report's year, null when neither; to:
 * active_to, null open-ended) and its gaps (the expected years it has no report for, as bits).
 * Nationally that is a few dozen patterns per region however many agencies it holds, so
 * "expected / filed / missing in 2024" and "missed a year of 2021–2025" for a province, and the
 * overview's expected counts, read these rows instead of every agency. Agencies never expected
 * (from null) are counted too: the ranking's "agencies in scope" reads them.
 * Kept by statement triggers on agency_coverage (drizzle/0021_region_rollups.sql) that add and
 * subtract in key order, so concurrent imports queue on the rows they share instead of deadlocking.
 */
export const coverageCounts = pgTable(
  "coverage_counts",
  {
    regionId: integer("region_id").notNull(),
    fromYear: integer("from_year"),
    toYear: integer("to_year"),
    /** Expected years without a report (bit n: year 2000 + n); read in SQL only (bit 62 exceeds a JS number). */
    gaps: bigint("gaps", { mode: "bigint" }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [unique("coverage_counts_key").on(t.regionId, t.fromYear, t.toYear, t.gaps).nullsNotDistinct()],
);
