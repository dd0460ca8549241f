/**
 * npm run recheck -- [--year 2024]: re-run every rule on the stored reports of one year (all years
 * when omitted), writing only the findings that changed. For after an upgrade that adds or changes
 * rules; reviews stay with unchanged findings. The path npm run bench:checks times.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/index";
import { recheckYear } from "../db/queries/checks";
import { rowsOf } from "../db/queries/rows";
import { runCli } from "./cli";

import { msg } from "../lib/messages";

const i = process.argv.indexOf("--year");
const only = i > 0 ? Number(process.argv[i + 1]) : null;

await runCli(async () => {
  if (only !== null && !Number.isInteger(only)) {
    console.error(msg.cli.yearFlag);
    return 1;
  }
  const h = await openDatabase();
  try {
    const years =
      only !== null
        ? [only]
        : rowsOf<{ year: number }>(await h.db.execute(sql`select distinct year from reports order by year`)).map((r) => r.year);
    for (const year of years) {
      const t0 = performance.now();
      const r = await recheckYear(h.db, year);
      console.log(msg.cli.rechecked(year, r.reports, r.findings, r.changed, Math.round(performance.now() - t0)));
    }
    if (years.length === 0) console.log(msg.cli.noReports);
  } finally {
    await h.close();
  }
  return 0;
});
