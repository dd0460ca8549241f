/**
 * npm run accuracy [-- --verbose]: the reader, in-process, over every fixture folder pair, scored
 * exactly as ../shared/tools/score-parse.mjs scores `npm run parse -- FILE --json` (same per-file
 * lines, same final score line), per folder and in total. Exit 1 unless every cell is right, none
 * is wrong and none is extra.
 *
 * Folders: data/samples + data/expected; ../shared/fixtures/reports + expected;
 * ../shared/fixtures/real-world/reports + expected; data/fixtures/NAME/reports + expected.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseReportAsync, toContractJson } from "../lib/parse/index";

const root = process.cwd();
const verbose = process.argv.includes("--verbose");

const pairs: { label: string; reports: string; expected: string }[] = [
  { label: "data/samples", reports: "data/samples", expected: "data/expected" },
  { label: "../shared/fixtures", reports: "../shared/fixtures/reports", expected: "../shared/fixtures/expected" },
  {
    label: "../shared/fixtures/real-world",
    reports: "../shared/fixtures/real-world/reports",
    expected: "../shared/fixtures/real-world/expected",
  },
];
const local = path.join(root, "data", "fixtures");
if (existsSync(local))
  for (const d of readdirSync(local).sort())
    pairs.push({ label: `data/fixtures/${d}`, reports: `data/fixtures/${d}/reports`, expected: `data/fixtures/${d}/expected` });

interface Score {
  cells: number;
  right: number;
  wrong: number;
  missing: number;
  extra: number;
  failed: number;
  meta: number;
  metaRight: number;
}
const zero = (): Score => ({ cells: 0, right: 0, wrong: 0, missing: 0, extra: 0, failed: 0, meta: 0, metaRight: 0 });

const same = (a: unknown, b: unknown) => a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) < 1e-6);

/** The score line of score-parse.mjs. */
function scoreLine(s: Score): string {
  const pct = s.cells ? (100 * s.right) / s.cells : 0;
  return `cells ${s.right}/${s.cells} right (${pct.toFixed(2)}%), ${s.wrong} wrong, ${s.missing} missing, ${s.extra} extra; metadata ${s.metaRight}/${s.meta}; ${s.failed} files failed`;
}

async function scoreFolder(reportsDir: string, truthDir: string): Promise<{ score: Score; lines: string[] }> {
  const s = zero();
  const lines: string[] = [];
  const reports = readdirSync(reportsDir);
  for (const t of readdirSync(truthDir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const base = path.parse(t).name;
    const file = reports.find((r) => path.parse(r).name === base);
    if (!file) continue;
    const truth = JSON.parse(readFileSync(path.join(truthDir, t), "utf8"));
    const keys = Object.keys(truth.cells ?? {});
    let out: ReturnType<typeof toContractJson>;
    try {
      const outcome = await parseReportAsync({ name: path.join(reportsDir, file), bytes: readFileSync(path.join(reportsDir, file)) });
      if (!outcome.ok) throw new Error(`${path.join(reportsDir, file)}：${outcome.error}`);
      // through JSON, as the scorer reads `parse --json`
      out = JSON.parse(JSON.stringify(toContractJson(outcome.report)));
    } catch (e) {
      s.failed++;
      s.cells += keys.length;
      s.missing += keys.length;
      lines.push(
        `${base}: parse failed: ${String((e as Error).message)
          .split("\n")
          .find(Boolean)}`,
      );
      continue;
    }
    const got = (out.cells ?? {}) as Record<string, unknown>;
    let r = 0;
    let w = 0;
    let m = 0;
    let x = 0;
    for (const k of keys) {
      if (!(k in got)) {
        m++;
        if (verbose) lines.push(`  ${base} missing ${k} = ${truth.cells[k]}`);
      } else if (same(got[k], truth.cells[k])) r++;
      else {
        w++;
        if (verbose) lines.push(`  ${base} WRONG ${k}: got ${got[k]} want ${truth.cells[k]}`);
      }
    }
    for (const k of Object.keys(got))
      if (!(k in truth.cells) && got[k] !== null) {
        x++;
        if (verbose) lines.push(`  ${base} EXTRA ${k} = ${got[k]}`);
      }
    const o = out as unknown as Record<string, unknown>;
    for (const f of ["year", "format", "published_on"]) {
      s.meta++;
      if (same(o[f], truth[f])) s.metaRight++;
      else if (verbose) lines.push(`  ${base} meta ${f}: got ${o[f]} want ${truth[f]}`);
    }
    s.meta++;
    if (typeof out.agency === "string" && truth.agency && (out.agency.includes(truth.agency) || truth.agency.includes(out.agency)))
      s.metaRight++;
    else if (verbose) lines.push(`  ${base} meta agency: got ${out.agency} want ${truth.agency}`);
    s.cells += keys.length;
    s.right += r;
    s.wrong += w;
    s.missing += m;
    s.extra += x;
    lines.push(`${base}: ${r}/${keys.length} right, ${w} wrong, ${m} missing, ${x} extra`);
  }
  return { score: s, lines };
}

const total = zero();
for (const p of pairs) {
  const reports = path.resolve(root, p.reports);
  const expected = path.resolve(root, p.expected);
  if (!existsSync(reports) || !existsSync(expected)) continue;
  const { score, lines } = await scoreFolder(reports, expected);
  console.log(`== ${p.label}`);
  console.log(lines.join("\n"));
  console.log(scoreLine(score));
  for (const k of Object.keys(total) as (keyof Score)[]) total[k] += score[k];
}
console.log(`== total`);
console.log(scoreLine(total));
process.exit(total.cells > 0 && total.right === total.cells && total.wrong === 0 && total.extra === 0 ? 0 : 1);
