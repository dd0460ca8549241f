/**
 * npm run bench:parse — time per report of each reader, in this one process (one core), after a
 * warm-up: median and p95 wall time, and median CPU time (less disturbed by other processes on a
 * shared machine). Whole parse: bytes → cells → findings, as the importer calls it.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { parseReportAsync } from "../lib/parse/index";
import { loadPdfjs } from "../lib/parse/pdf";
import { msg } from "../lib/messages";

const SAMPLES = path.join(process.cwd(), "data", "samples");
const SHARED = path.join(process.cwd(), "..", "shared", "fixtures", "reports");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

const files = (dir: string, re: RegExp) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => re.test(f))
        .map((f) => path.join(dir, f))
    : [];
const load = (f: string) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) });

/** The blank national template with a title and a figure in every cell: a filled-in Word report. */
async function filledDocx(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const tpl = path.join(SHARED, "template-2021-blank.docx");
  if (!existsSync(tpl)) return [];
  const zip = await JSZip.loadAsync(readFileSync(tpl));
  let xml = await zip.file("word/document.xml")!.async("string");
  xml = xml.replace("政府信息公开工作年度报告格式模板", "某某市某某局2024年政府信息公开工作年度报告");
  let n = 0;
  xml = xml.replace(/<w:tc>([\s\S]*?)<\/w:tc>/g, (tc, inner: string) => {
    const text = [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    if (text.trim().replace(/\u3000/g, "") || /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(inner)) return tc;
    const i = inner.lastIndexOf("</w:p>");
    return i < 0 ? tc : `<w:tc>${inner.slice(0, i)}<w:r><w:t>${++n}</w:t></w:r>${inner.slice(i)}</w:tc>`;
  });
  zip.file("word/document.xml", xml);
  return [{ name: "filled.docx", bytes: await zip.generateAsync({ type: "uint8array" }) }];
}

async function pdfPages(bytes: Uint8Array): Promise<number> {
  const { getDocument } = await loadPdfjs();
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const n = pdf.numPages;
  await pdf.destroy();
  return n;
}

const groups: { format: string; target: string; perPage?: boolean; inputs: { name: string; bytes: Uint8Array }[] }[] = [
  { format: "text (pipe)", target: "≤ 5 ms", inputs: files(SAMPLES, /\.txt$/).map(load) },
  { format: "markdown", target: "≤ 5 ms", inputs: files(SHARED, /\.md$/).map(load) },
  { format: "layout text", target: "≤ 5 ms", inputs: files(SHARED, /-layout\.txt$/).map(load) },
  { format: "HTML", target: "≤ 5 ms", inputs: files(SAMPLES, /\.html$/).map(load) },
  { format: "DOCX", target: "≤ 50 ms", inputs: await filledDocx() },
  { format: "PDF (per page)", target: "≤ 150 ms/页", perPage: true, inputs: files(SAMPLES, /\.pdf$/).map(load) },
];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

// The reader is shared by every format: warm it up on every input first, so that the first
// format timed does not pay the JIT for all of them (a server parses report after report).
for (let round = 0; round < 3; round++) for (const g of groups) for (const input of g.inputs) await parseReportAsync(input);

const rows: string[][] = [];
for (const g of groups) {
  if (g.inputs.length === 0) continue;
  const pages = g.perPage ? await Promise.all(g.inputs.map((i) => pdfPages(i.bytes))) : g.inputs.map(() => 1);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = -2; round < (g.perPage ? Math.ceil(ROUNDS / 3) : ROUNDS); round++) {
    for (const [k, input] of g.inputs.entries()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const out = await parseReportAsync(input);
      const ms = performance.now() - t0;
      const cpuMs = process.cpuUsage(c0).user / 1000;
      if (!out.ok) throw new Error(`${input.name}: ${out.error}`);
      if (round < 0) continue; // warm-up
      wall.push(ms / pages[k]);
      cpu.push(cpuMs / pages[k]);
    }
  }
  rows.push([
    g.format,
    String(g.inputs.length),
    quantile(wall, 0.5).toFixed(2),
    quantile(wall, 0.95).toFixed(2),
    quantile(cpu, 0.5).toFixed(2),
    g.target,
  ]);
}

const head = ["格式", "文件数", "中位数 ms", "p95 ms", "CPU 中位数 ms", "目标"];
const widths = head.map((h, i) => Math.max(h.length * 2, ...rows.map((r) => r[i].length)));
const fmt = (r: string[]) =>
  `| ${r.map((c, i) => c.padEnd(widths[i] - (/[\u4e00-\u9fff]/.test(c) ? c.replace(/[^\u4e00-\u9fff]/g, "").length : 0))).join(" | ")} |`;
console.log(fmt(head));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows) console.log(fmt(r));
console.log(
  `\n全部输入先预热 3 轮，每个格式再预热 2 轮后计时 ${ROUNDS} 轮（PDF ${Math.ceil(ROUNDS / 3)} 轮），同一进程顺序执行；PDF 按页计。`,
);

// OCR of scanned pages: a real fixture rasterized at 200 dpi into an image-only PDF, read through
// the one reader. Wall time per page, and CPU per page including the tesseract and pdftoppm child
// processes (their times come from /proc once they are waited for). Run it pinned to one core:
// `taskset -c 0 npm run bench:parse`.
if (!process.argv.includes("--no-ocr")) {
  const { ocrAvailable } = await import("../lib/parse/ocr-engine");
  const { imagesToPdf, scanPages, VARIANTS } = await import("../test/scan-fixtures");
  const pdfFile = files(SAMPLES, /huaian-2024\.pdf$/)[0];
  if (pdfFile && (await ocrAvailable())) {
    const childCpu = () => {
      const f = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
      return ((Number(f[13]) + Number(f[14]) + Number(f[11]) + Number(f[12])) * 1000) / 100; // cutime+cstime+utime+stime, ms
    };
    const images = await scanPages(new Uint8Array(readFileSync(pdfFile)), VARIANTS.clean200, 7);
    const scan = { name: "scan.pdf", bytes: await imagesToPdf(images, 200) };
    const wall: number[] = [];
    const cpu: number[] = [];
    // The machine's load while timing (1-minute average, at the start and at the end): wall time
    // on a shared core is CPU time plus the time other processes held it.
    const load0 = os.loadavg()[0];
    for (let round = 0; round < Number(process.env.BENCH_OCR_ROUNDS ?? 3); round++) {
      const c0 = childCpu();
      const t0 = performance.now();
      const out = await parseReportAsync(scan, { ocr: true });
      if (!out.ok) throw new Error(out.error);
      wall.push((performance.now() - t0) / images.length);
      cpu.push((childCpu() - c0) / images.length);
    }
    // Peak memory of the one tesseract process that reads every page of the report (ocr-engine.ts
    // `recognizePages`), with the same options.
    const { spawnSync } = await import("node:child_process");
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const dir = mkdtempSync("/tmp/bench-ocr-");
    const names = images.map((b, k) => {
      writeFileSync(path.join(dir, `${k}.png`), b);
      return path.join(dir, `${k}.png`);
    });
    writeFileSync(path.join(dir, "list.txt"), `${names.join("\n")}\n`);
    const args = [
      path.join(dir, "list.txt"),
      "stdout",
      "-l",
      "chi_sim",
      "--psm",
      "6",
      "-c",
      "tessedit_do_invert=0",
      "-c",
      "hocr_char_boxes=1",
      "hocr",
    ];
    const timed = spawnSync("/usr/bin/time", ["-f", "%M", "tesseract", ...args], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
    });
    const peakKb = Number(/(\d+)\s*$/.exec(timed.stderr ?? "")?.[1] ?? NaN);
    console.log(
      msg.cli.benchOcr({
        wall: (quantile(wall, 0.5) / 1000).toFixed(2),
        cpu: (quantile(cpu, 0.5) / 1000).toFixed(2),
        load: `${load0.toFixed(1)}–${os.loadavg()[0].toFixed(1)}`,
        tesseractMb: Math.round(peakKb / 1024),
        processMb: Math.round(process.resourceUsage().maxRSS / 1024),
        rounds: wall.length,
        pages: images.length,
      }),
    );
  } else console.log(msg.cli.benchOcrMissing);
}
