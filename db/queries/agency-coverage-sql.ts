/**
 * The bit layout of agency_coverage.years (db/tables/agency-coverage.ts) in SQL, for every query
 * that reads it or its per-region counts (coverage_counts): year masks and an agency's gaps. The
 * span and gaps themselves are the SQL functions coverage_from / coverage_gaps
 * (drizzle/0021_region_rollups.sql), the one definition the rollup's triggers use too.
 */
import { sql, type SQL } from "drizzle-orm";
import { AGENCY_YEARS_BASE } from "../tables/agency-coverage";

// Bit n is year 2000 + n, bits 0–62.
const BASE = sql.raw(String(AGENCY_YEARS_BASE));
const LAST = sql.raw(String(AGENCY_YEARS_BASE + 62));
/** The bits of the years ≥ `year` (a SQL int expression). */
export const fromMask = (year: SQL) =>
  sql`(case when ${year} <= ${BASE} then -1::bigint when ${year} > ${LAST} then 0::bigint else ~((1::bigint << (${year} - ${BASE})) - 1) end)`;
/** The bits of the years ≤ `year`. */
export const toMask = (year: SQL) =>
  sql`(case when ${year} < ${BASE} then 0::bigint when ${year} >= ${LAST} then 9223372036854775807::bigint else (1::bigint << (${year} - ${BASE} + 1)) - 1 end)`;
export const yearBit = (year: number) => sql`(${fromMask(sql`${year}::int`)} & ${toMask(sql`${year}::int`)})`;
/** The bits of the years from–to. */
export const spanMask = (from: number, to: number) => sql`(${fromMask(sql`${from}::int`)} & ${toMask(sql`${to}::int`)})`;
/** The expected years without a report of the agency_coverage row c. */
export const gapsOf = sql`coverage_gaps(c.years, c.active_from, c.active_to)`;
