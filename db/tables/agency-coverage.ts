/**
 * One narrow row per agency with what coverage reads: its region, kind, active years and which
 * years it has a report for (bit n: year 2000 + n; reports are 2000 onwards, lib/report/input.ts
 * MIN_YEAR, and a bigint holds them to 2062). "Who was expected this year and who filed" and "who
 * missed a year of 2021–2025" over a whole province are then one pass over this table and bit
 * arithmetic — no join of agencies, regions and reports, no probe into the reports index per
 * agency and year; the lists shown join the rest for their own rows only.
 * Kept by row triggers (drizzle/0020_agency_coverage.sql): on agencies (copies region, kind and
 * active years) and on reports (sets and clears one bit under the row's lock, so concurrent
 * imports of one agency stay right).
 */
import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";
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
