/**
 * npm run bench:checks [-- --year 2024 --runs 3]: re-check every report of one year (all rules,
 * cross-year included) in the configured database and time it: `runs` times as they stand, then
 * once with the year's findings deleted first, so that every finding is written anew. Fill the database first with
 * `npm run demo:generate` (province scale: 8,000 agencies).
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/index";
import { recheckYear } from "../db/queries/checks";
import { reports } from "../db/schema";
import { runCli } from "./cli";

import { msg } from "../lib/messages";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};

await runCli(async () => {
  const h = await openDatabase();
  try {
    const byYear = await h.db
      .select({ year: reports.year, n: sql<number>`count(*)::int` })
      .from(reports)
      .groupBy(reports.year)
      .orderBy(sql`2 desc`, sql`1 desc`);
    if (byYear.length === 0) {
      console.error(msg.cli.noReportsDemo);
      return 1;
    }
    const year = arg("year") ?? byYear[0].year;
    const runs = arg("runs") ?? 3;
    const times: number[] = [];
    let last = { reports: 0, findings: 0 };
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      last = await recheckYear(h.db, year);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`driver=${h.driver} year=${year} reports=${last.reports} findings=${last.findings}`);
    console.log(
      `re-check runs (ms): ${times.map((t) => t.toFixed(0)).join(", ")}; median ${median.toFixed(0)} ms (${((median / Math.max(1, last.reports)) * 1000).toFixed(0)} µs per report)`,
    );
    // The same with every finding written anew (as after a rule change that moves them all):
    // the year's findings are deleted first; reviews live apart and are untouched.
    await h.db.execute(sql`delete from findings where year = ${year}`);
    const t0 = performance.now();
    const cold = await recheckYear(h.db, year);
    console.log(`re-check writing all ${cold.changed} findings: ${(performance.now() - t0).toFixed(0)} ms`);
  } finally {
    await h.close();
  }
  return 0;
});
