/**
 * Which years each agency has a report for, as one bit per year (bit n: year 2000 + n; reports are
 * 2000 onwards, lib/report/input.ts MIN_YEAR, and a bigint holds them to 2062). The coverage page
 * asks "who missed a year of 2021–2025" and "who was expected this year" of a whole province: with
 * this rollup that is one narrow row per agency and bit arithmetic, not a probe into the reports
 * index per agency and year. Kept by a row trigger on reports (drizzle/0020_agency_years.sql) that
 * sets and clears one bit under the row's lock, so concurrent imports of one agency stay right.
 */
import { bigint, integer, pgTable } from "drizzle-orm/pg-core";
import { agencies } from "./reports";

export const AGENCY_YEARS_BASE = 2000;

export const agencyYears = pgTable("agency_years", {
  agencyId: integer("agency_id")
    .primaryKey()
    .references(() => agencies.id, { onDelete: "cascade" }),
  years: bigint("years", { mode: "number" }).notNull().default(0),
});
