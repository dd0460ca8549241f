/**
 * npm run ocr:accuracy [-- --variant clean200,noisy150,photo] [--verbose]: the real PDF fixtures
 * rasterized and degraded (lib/parse/scan-fixtures.ts), written as image-only PDFs (or page
 * images for the photo variant), read back by OCR through the one reader, and scored against
 * their expected cells: right, wrong (a stored value that differs), unread (listed for the filer),
 * lost (neither stored nor listed). Seconds per page and the peak memory of the OCR process.
 * Exit 1 when any cell is wrong or lost, or when clean 200 dpi reads fewer than 99 %.
 */
import { readFileSync } from "node:fs";
import { fixturePairs } from "../test/fixtures";
import { parseScan, unreadCells } from "../lib/parse/index";
import { imagesToPdf, scanPages, VARIANTS } from "../test/scan-fixtures";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const wanted = (args[args.indexOf("--variant") + 1] ?? "").split(",").filter((v) => args.includes("--variant") && v);
const variants = wanted.length ? wanted : ["clean200", "noisy150"];
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const pdfs = fixturePairs().filter((p) => p.file.endsWith(".pdf") && (!only || p.name === only));

let failed = false;
for (const name of variants) {
  const v = VARIANTS[name];
  if (!v) throw new Error(`unknown variant ${name}`);
  const total = { cells: 0, right: 0, wrong: 0, unread: 0, lost: 0, pages: 0, ms: 0 };
  for (const p of pdfs) {
    const images = await scanPages(new Uint8Array(readFileSync(p.file)), v, 7);
    const files =
      name === "photo"
        ? images.map((b, i) => ({ name: `${p.name}-${i + 1}.jpg`, bytes: b }))
        : [{ name: `${p.name}.pdf`, bytes: await imagesToPdf(images, v.dpi) }];
    const t0 = performance.now();
    const out = await parseScan(files);
    const ms = performance.now() - t0;
    if (!out.ok) {
      console.log(`${name} ${p.name}: 读取失败：${out.error}`);
      failed = true;
      continue;
    }
    const r = out.report;
    const unread = new Set(unreadCells(r).map((u) => u.key));
    const s = { cells: 0, right: 0, wrong: 0, unread: 0, lost: 0 };
    for (const [key, want] of Object.entries(p.expected.cells)) {
      s.cells++;
      if (key in r.cells) {
        if (r.cells[key] === want || (typeof want === "number" && Math.abs((r.cells[key] ?? NaN) - want) < 1e-6)) s.right++;
        else {
          s.wrong++;
          console.log(
            `  错读 ${key}: 读成 ${r.cells[key]}，应为 ${want}（原文 ${r.details[key].raw}，${JSON.stringify(r.details[key].loc)}）`,
          );
        }
      } else if (unread.has(key)) s.unread++;
      else {
        s.lost++;
        if (verbose) console.log(`  漏读 ${key}`);
      }
    }
    if (verbose) for (const i of r.issues) console.log(`  [未读取] ${i.message} ${i.source ?? ""}`);
    const pages = out.scan?.length ?? 1;
    console.log(
      `${name} ${p.name}: ${s.right}/${s.cells} right (${((100 * s.right) / s.cells).toFixed(1)}%), ${s.wrong} wrong, ${s.unread} unread (listed), ${s.lost} lost; ${pages} pages, ${(ms / pages / 1000).toFixed(2)} s/page`,
    );
    for (const k of Object.keys(s) as (keyof typeof s)[]) total[k] += s[k];
    total.pages += pages;
    total.ms += ms;
  }
  const pct = total.cells ? (100 * total.right) / total.cells : 0;
  console.log(
    `== ${name}（${v.name}）: cells ${total.right}/${total.cells} right (${pct.toFixed(2)}%), ${total.wrong} wrong, ${total.unread} unread, ${total.lost} lost; ${(total.ms / Math.max(1, total.pages) / 1000).toFixed(2)} s/page`,
  );
  if (total.wrong || total.lost || (name === "clean200" && pct < 99)) failed = true;
}
console.log(
  `peak memory of this process (RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; tesseract runs as child processes: one for all the pages of a report, then one per model for the cells`,
);
process.exit(failed ? 1 : 0);
