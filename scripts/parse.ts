/** npm run parse -- FILE [--json]: print what a report file reads as. */
import { readFileSync } from "node:fs";
import { parseReportAsync, toContractJson } from "../lib/parse/index";
import { msg } from "../lib/messages";
import { describeCell } from "../lib/report/template";

const args = process.argv.slice(2);
const json = args.includes("--json");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error(msg.cli.parseUsage);
  process.exit(2);
}
let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch {
  console.error(msg.errors.fileUnreadable(file));
  process.exit(1);
}
const outcome = await parseReportAsync({ name: file, bytes });
if (!outcome.ok) {
  console.error(`${file}：${outcome.error}`);
  process.exit(1);
}
const r = outcome.report;
if (json) {
  process.stdout.write(`${JSON.stringify(toContractJson(r), null, 2)}\n`);
} else {
  console.log(msg.cli.summary(r.agency ?? "（未识别机关）", r.year ?? "（未识别年度）", r.format, r.publishedOn ?? "—"));
  for (const [k, v] of Object.entries(r.cells)) console.log(`  ${describeCell(k)}\t${v ?? msg.cli.empty}`);
  for (const h of r.headline) console.log(msg.cli.headlineLine(h.key, h.value, h.sentence));
  for (const f of r.findings) console.log(`  [${msg.severity[f.severity]}] ${f.message}`);
  for (const i of r.issues) console.log(msg.cli.unreadLine(i.message));
}
