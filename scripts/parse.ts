/** npm run parse -- FILE [--json]: print what a report file reads as. */
import { readFileSync } from "node:fs";
import { parseReportAsync, parseScan, toContractJson } from "../lib/parse/index";
import { reportFindings } from "../lib/checks/rules";
import { msg } from "../lib/messages";
import { describeCell } from "../lib/report/cell-keys";

const args = process.argv.slice(2);
const json = args.includes("--json");
// Several files: the page images of one scanned report, in page order.
const files = args.filter((a) => !a.startsWith("--"));
const file = files[0];
if (!file) {
  console.error(msg.cli.parseUsage);
  process.exit(2);
}
const inputs: { name: string; bytes: Uint8Array }[] = [];
for (const f of files) {
  try {
    inputs.push({ name: f, bytes: readFileSync(f) });
  } catch {
    console.error(msg.errors.fileUnreadable(f));
    process.exit(1);
  }
}
// A scan is read here with OCR (seconds a page); progress goes to stderr.
const onPage = (done: number, total: number) => void process.stderr.write(`${msg.cli.ocrPage(done, total)}\n`);
const outcome = inputs.length > 1 ? await parseScan(inputs, { onPage }) : await parseReportAsync(inputs[0], { ocr: { onPage } });
if (!outcome.ok) {
  console.error(`${file}：${outcome.error}`);
  process.exit(1);
}
const r = outcome.report;
if (json) {
  process.stdout.write(`${JSON.stringify(toContractJson(r), null, 2)}\n`);
} else {
  console.log(msg.cli.summary(r.agency ?? msg.cli.noAgency, r.year ?? msg.cli.noYear, r.format, r.publishedOn ?? "—"));
  for (const [k, v] of Object.entries(r.cells)) console.log(`  ${describeCell(k)}\t${v ?? msg.cli.empty}`);
  for (const h of r.headline) console.log(msg.cli.headlineLine(h.key, h.value, h.sentence));
  for (const f of reportFindings(r)) console.log(`  [${msg.severity[f.severity]}] ${f.message}`);
  for (const i of r.issues) console.log(msg.cli.unreadLine(i.message));
}
