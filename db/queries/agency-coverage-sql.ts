/**
 * The bit layout of agency_coverage.years (db/tables/agency-coverage.ts) in SQL, for every query
 * that reads it: year masks, the years an agency is expected to report, its first report's year.
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
/**
 * The years an agency (its agency_coverage row c) is expected to report: from active_from (else
 * its first report, the lowest bit) to active_to (open-ended when null).
 */
export const expectedMask = sql`(case when c.active_from is not null then ${fromMask(sql`c.active_from`)} else ~((c.years & -c.years) - 1) end
  & case when c.active_to is not null then ${toMask(sql`c.active_to`)} else -1::bigint end)`;
export const yearBit = (year: number) => sql`(${fromMask(sql`${year}::int`)} & ${toMask(sql`${year}::int`)})`;
/** An agency's first report's year (the lowest bit set; null without reports). */
export const firstYearSql = sql`case when c.years <> 0 then ${BASE} + round(log(2, (c.years & -c.years)::numeric))::int end`;
/** agency_coverage rows (alias c) of the agencies in a region's subtree (`inRegion` on alias g). */
export const coverageIn = (inRegion: SQL) => sql`agency_coverage c where c.region_id in (select g.id from regions g where ${inRegion})`;
