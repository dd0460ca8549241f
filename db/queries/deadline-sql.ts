import { sql } from "drizzle-orm";

/** SQL twin of deadlineFor() (lib/report/deadline.ts), for aliases r (reports) and a (agencies). */
export const deadlineSql = sql`make_date(r.year + 1, case when a.kind = 'government' or r.year <= 2018 then 3 else 1 end, 31)`;
