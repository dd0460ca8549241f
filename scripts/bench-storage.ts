/**
 * npm run bench:storage [-- --years 10 --agencies 150000]: bytes per report in the configured
 * database (fill it first with `npm run demo:generate`), table by table with indexes and TOAST,
 * the source documents apart, and what that comes to nationally (agencies × years).
 */
import { openDatabase } from "../db/index";
import { measureStorage } from "../db/queries/storage";
import { runCli } from "./cli";
import { msg } from "../lib/messages";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

await runCli(async () => {
  const h = await openDatabase();
  try {
    const s = await measureStorage(h.db);
    if (s.reports === 0) {
      console.error(msg.cli.noReportsDemo);
      return 1;
    }
    const per = (b: number) => b / s.reports;
    const kb = (b: number) => (b / 1024).toFixed(2);
    const d = msg.cli.storage;
    console.log(d.head(s.reports));
    for (const t of s.tables.filter((x) => per(x.total) >= 10))
      console.log(
        `  ${t.table.padEnd(24)} ${kb(per(t.total)).padStart(7)} KB  (${d.parts(kb(per(t.heap)), kb(per(t.indexes)), kb(per(t.toast)))})`,
      );
    const all = s.tables.reduce((a, t) => a + t.total, 0);
    const besides = all - s.sourceStored;
    console.log(d.total(kb(per(all))));
    console.log(d.source(kb(per(s.sourceStored)), kb(per(s.sourceText))));
    console.log(d.besides(kb(per(besides))));
    const agencies = arg("agencies", 150_000);
    const years = arg("years", 10);
    console.log(d.national(agencies, years, ((per(besides) * agencies * years) / 1024 ** 3).toFixed(1)));
    return 0;
  } finally {
    await h.close();
  }
});
