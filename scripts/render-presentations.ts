/**
 * npm run presentations -- [OUTDIR] [--seed N] [--n N]: write every generated known report in every
 * presentation of lib/parse/presentations.ts (as the metamorphic test renders them) plus the known
 * cells beside them, to look at or to feed to `npm run parse`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PRESENTATIONS } from "../lib/presentations/index";
import { hashSeed } from "../lib/presentations/known";
import { generateReports } from "../lib/presentations/reports";
import { makeRng } from "../lib/random";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const outDir = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--"))) ?? "tmp/presentations";
const seed = opt("--seed", 20261204);
const n = opt("--n", 6);
mkdirSync(outDir, { recursive: true });
generateReports(seed, n).forEach((report, i) => {
  const name = `gen-${i}`;
  writeFileSync(
    path.join(outDir, `${name}.json`),
    `${JSON.stringify({ agency: report.agency, year: report.year, format: report.format, mixed: report.mixed ?? false, published_on: report.publishedOn, cells: report.cells }, null, 2)}\n`,
  );
  for (const p of PRESENTATIONS)
    writeFileSync(path.join(outDir, `${name}--${p.id}.txt`), p.render(report, makeRng(hashSeed(`${p.id}/${name}`))));
});
console.log(`${n} reports × ${PRESENTATIONS.length} presentations → ${outDir}`);
