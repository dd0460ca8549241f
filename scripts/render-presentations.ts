/**
 * npm run presentations -- [OUTDIR] [--seed N] [--n N]: write every generated known report in every
 * presentation of lib/presentations/ (as the metamorphic test renders them; image presentations as a
 * PNG per page) plus the known cells beside them, to look at or to feed to `npm run parse`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { IMAGE_PRESENTATIONS, PRESENTATIONS } from "../lib/presentations/index";
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
for (const [i, report] of generateReports(seed, n).entries()) {
  const name = `gen-${i}`;
  writeFileSync(
    path.join(outDir, `${name}.json`),
    `${JSON.stringify({ agency: report.agency, year: report.year, format: report.format, mixed: report.mixed ?? false, published_on: report.publishedOn, cells: report.cells }, null, 2)}\n`,
  );
  for (const p of PRESENTATIONS)
    writeFileSync(path.join(outDir, `${name}--${p.id}.txt`), p.render(report, makeRng(hashSeed(`${p.id}/${name}`))));
  // Image presentations: a PNG per page (feed them to `npm run parse -- …png`).
  for (const p of IMAGE_PRESENTATIONS) {
    const { pages } = await p.render(report, makeRng(hashSeed(`${p.id}/${name}`)));
    pages.forEach((png, k) => writeFileSync(path.join(outDir, `${name}--${p.id}-${k + 1}.png`), png));
  }
}
console.log(`${n} reports × ${PRESENTATIONS.length + IMAGE_PRESENTATIONS.length} presentations → ${outDir}`);
