/** npm run parse -- FILE [--json]: print what a report file reads as. */
import { readFileSync } from "node:fs";
import { parseReportAsync, parseScan, toContractJson } from "../lib/parse/index";
import { msg } from "../lib/messages";
import { describeCell } from "../lib/report/template";

const args = process.argv.slice(2);
const json = args.includes("--json");
// Several files: the page images of one scanned report, in page order.
const files = args.filter((a) => !a.startsWith("--"));
const file = files[0];
if (!file) {
  console.error("用法：npm run parse -- 文件 [第2页图片 …] [--json]");
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
const onPage = (done: number, total: number) => void process.stderr.write(`识别第 ${done}/${total} 页\n`);
const outcome = inputs.length > 1 ? await parseScan(inputs, { onPage }) : await parseReportAsync(inputs[0], { ocr: { onPage } });
if (!outcome.ok) {
  console.error(`${file}：${outcome.error}`);
  process.exit(1);
}
const r = outcome.report;
if (json) {
  process.stdout.write(`${JSON.stringify(toContractJson(r), null, 2)}\n`);
} else {
  console.log(`${r.agency ?? "（未识别机关）"} ${r.year ?? "（未识别年度）"} 年度  格式 ${r.format}  发布日期 ${r.publishedOn ?? "—"}`);
  for (const [k, v] of Object.entries(r.cells)) console.log(`  ${describeCell(k)}\t${v ?? "（空）"}`);
  for (const h of r.headline) console.log(`  [正文数字] ${h.key} = ${h.value}\t${h.sentence}`);
  for (const f of r.findings) console.log(`  [${msg.severity[f.severity]}] ${f.message}`);
  for (const i of r.issues) console.log(`  [未读取] ${i.message}`);
}
