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

const i = process.argv.indexOf("--year");
const only = i > 0 ? Number(process.argv[i + 1]) : null;

await runCli(async () => {
  if (only !== null && !Number.isInteger(only)) {
    console.error("--year 须为年份，如 --year 2024");
    return 1;
  }
  const h = await openDatabase();
  try {
    const years = only !== null ? [only] : rowsOf<{ year: number }>(await h.db.execute(sql`select distinct year from reports order by year`)).map((r) => r.year);
    for (const year of years) {
      const t0 = performance.now();
      const r = await recheckYear(h.db, year);
      console.log(`${year} 年度：重新核对 ${r.reports} 份报告，${r.findings} 条发现，改写 ${r.changed} 条（${Math.round(performance.now() - t0)} 毫秒）`);
    }
    if (years.length === 0) console.log("数据库里没有报告。");
  } finally {
    await h.close();
  }
  return 0;
});
