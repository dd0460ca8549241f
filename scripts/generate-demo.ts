/**
 * npm run demo:generate — a province-scale fake dataset for trying the dashboard at size and for
 * npm run bench:pages: 示例省 → 10 cities → 100 counties, 8,000 agencies (governments, departments,
 * townships) × 6 years (2020–2025, both table formats) of template-faithful reports, with some
 * missing years, late publications, failed imports and deliberate table errors. Fixed seed.
 * National scale too (--agencies 150000: towns stay uniquely named up to 3,500 per county).
 *
 * Reports and import-log lines go in with COPY (db/copy.ts) on two connections, ids handed out
 * here. Each report's figures row (lib/dashboard/figures) and findings (the real rules, last year's
 * report from memory) are computed as the report is made and copied beside it, so the pages read
 * what imports would have left without a second pass over the database.
 *
 * Goes into whatever database is configured (DATABASE_URL, or PGLITE_DIR); with neither, into
 * .data/pglite-large — never into the demo database of `npm start`. Refuses a database that already
 * holds reports unless --reset is given (which empties it).
 *
 *   npm run demo:generate -- [--agencies 8000] [--from 2020] [--to 2025] [--seed 20250131] [--reset]
 */
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/index";
import { copyRows, type CopyValue } from "../db/copy";
import { FIGURES, figureValue } from "../lib/dashboard/figures";
import { findingFingerprint, runChecks, type YearReport } from "../lib/checks/rules";
import { rowsOf } from "../db/queries/rows";
import { refreshRollups } from "../db/queries/rollups";
import { agencies } from "../db/schema";
import { daysLate } from "../lib/report/deadline";
import { demoNarrative, generateReport, initialState, type DemoKind, type DemoReport } from "../lib/presentations/demo-report";
import { makeRng, pick } from "../lib/random";
import { nameInitials } from "../lib/dashboard/initials";
import { msg } from "../lib/messages";
import { buildTree, publishedOn } from "./demo-tree";
import { FIGURE_COLUMNS, FINDING_COLUMNS, LOG_COLUMNS, REPORT_COLUMNS, sourceFragments } from "./demo-rows";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const TOTAL = arg("agencies", 8000);
const FROM = arg("from", 2020);
const TO = arg("to", 2025);
const SEED = arg("seed", 20250131);
const BATCH = arg("batch", 2000);
const RESET = process.argv.includes("--reset");

interface Pending {
  id: number;
  agencyId: number;
  agencyName: string;
  kind: DemoKind;
  year: number;
  report: DemoReport;
  published: string | null;
  narrative: string;
  /** The same agency's stored report of the year before, for the cross-year rules. */
  prev: YearReport | null;
}

async function main() {
  if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) process.env.PGLITE_DIR = path.resolve(".data", "pglite-large");
  const target = process.env.DATABASE_URL
    ? `Postgres ${new URL(process.env.DATABASE_URL).pathname.slice(1)}`
    : `PGlite ${process.env.PGLITE_DIR}`;
  console.log(msg.cli.demo.target(target));
  const handle = await openDatabase();
  const db = handle.db;
  const started = Date.now();
  const elapsed = () => msg.cli.demo.seconds((Date.now() - started) / 1000);
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from reports`));
  if (n > 0 && !RESET) {
    console.error(msg.cli.demo.notEmpty(n));
    await handle.close();
    process.exit(1);
  }
  if (RESET) {
    await db.execute(
      sql`truncate regions, agencies, reports, findings, finding_stats, finding_reviews, cell_history, import_log, report_figures, report_year_stats, post_count_corrections, coverage_counts, region_figures, score_counts restart identity cascade`,
    );
  }

  const rng = makeRng(SEED);
  const specs = await buildTree(db, rng, { total: TOTAL, from: FROM, to: TO });
  const ids: number[] = [];
  for (let i = 0; i < specs.length; i += 1000) {
    const rows = await db
      .insert(agencies)
      .values(specs.slice(i, i + 1000).map((s) => ({ ...s, initials: nameInitials(s.name) })))
      .returning({ id: agencies.id });
    ids.push(...rows.map((r) => r.id));
  }
  console.log(msg.cli.demo.agencies(specs.length, elapsed()));

  // Report ids are handed out here (COPY returns none), from the sequence, which is moved past
  // them at the end.
  const [{ first }] = rowsOf<{ first: number }>(
    await db.execute(sql`select nextval(pg_get_serial_sequence('reports', 'id'))::int as first`),
  );
  let nextId = first;
  const fragments = sourceFragments();
  // One import time for every report and its figures row: the rollup is current when they match.
  const importedAt = new Date().toISOString();
  let pending: Pending[] = [];
  let findingsWritten = 0;
  const failed: { agencyId: number; name: string; year: number }[] = [];
  let written = 0;
  let cellsWritten = 0;
  // Batches are copied on two connections while the next is generated: the database parses and
  // compresses on both cores while this process draws figures.
  const inflight: Promise<void>[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const reportRows = batch.map((p) => {
      const title = `${p.agencyName}${p.year}年政府信息公开工作年度报告`;
      const frag = fragments[p.report.format];
      const keys = Object.keys(p.report.cells);
      // A report printing every cell of its format (all of them, as generated) shares one string.
      const sources =
        keys.length === frag.byKey.size && keys.every((k) => frag.byKey.has(k))
          ? frag.all
          : `[${keys
              .sort()
              .map((k) => frag.byKey.get(k) ?? "{}")
              .join(",")}]`;
      return [
        p.id,
        p.agencyId,
        p.year,
        p.report.format,
        p.published,
        title,
        `demo/${p.agencyId}-${p.year}.txt`,
        "text",
        `${title}\n${p.narrative}\n（表格数值见各单元格）`,
        p.narrative,
        JSON.stringify(p.report.cells),
        sources,
        "demo-generator",
        importedAt,
      ];
    });
    // The rollup row an import's refreshReportFigures would write, from the same figure
    // definitions and deadline rule (lib/), without reading every report back.
    const figureRows = batch.map((p) => [
      p.id,
      p.agencyId,
      p.year,
      p.report.format,
      importedAt,
      daysLate(p.year, p.kind, p.published),
      ...FIGURES.map((f) => figureValue(f, p.report.cells)),
    ]);
    // Findings by the real rules, as recheckReports makes them (one per fingerprint), with last
    // year's report from memory instead of from the database.
    const findingRows: CopyValue[][] = [];
    for (const p of batch) {
      const seen = new Set<string>();
      const input = { format: p.report.format, cells: p.report.cells, year: p.year, publishedOn: p.published, agencyKind: p.kind };
      for (const f of runChecks({ ...input, narrative: p.narrative, missing: [], prev: p.prev })) {
        const fingerprint = findingFingerprint(f);
        if (seen.has(fingerprint)) continue;
        seen.add(fingerprint);
        findingRows.push([p.id, p.year, f.rule, f.severity, JSON.stringify(f.cells), f.message, fingerprint]);
      }
    }
    findingsWritten += findingRows.length;
    const logRows = batch.map((p) => [
      "demo-generator",
      `demo/${p.agencyId}-${p.year}.txt`,
      "created",
      msg.import.created(p.agencyName, p.year),
      p.agencyId,
      p.year,
      p.id,
    ]);
    if (inflight.length >= 2) await inflight.shift();
    inflight.push(
      (async () => {
        await copyRows(handle, "reports", REPORT_COLUMNS, reportRows);
        await copyRows(handle, "report_figures", FIGURE_COLUMNS, figureRows);
        await copyRows(handle, "findings", FINDING_COLUMNS, findingRows);
        await copyRows(handle, "import_log", LOG_COLUMNS, logRows);
      })(),
    );
    written += batch.length;
    cellsWritten += batch.reduce((s, p) => s + Object.keys(p.report.cells).length, 0);
    if (written % (BATCH * 20) === 0) console.log(msg.cli.demo.progress(written, cellsWritten, elapsed()));
  };

  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    const state = initialState(rng, s.kind);
    const blankZeros = s.kind === "township" && rng() < 0.3;
    const stopsAt = rng() < 0.01 ? TO - 1 : TO; // a few stop filing before the last year
    let last: YearReport | null = null;
    for (let year = FROM; year <= TO; year++) {
      const report = generateReport(rng, s.kind, year, state, { blankZeros, injectError: rng() < 0.03 });
      const expected = year >= s.activeFrom && (s.activeTo === null || year <= s.activeTo);
      if (!expected || year > stopsAt) continue;
      if (rng() < 0.04) {
        if (rng() < 0.3) failed.push({ agencyId: ids[i], name: s.name, year });
        continue;
      }
      const pub = publishedOn(rng, year, s.kind);
      const narrative = demoNarrative(s.name, year, report.posts);
      const prev = last?.year === year - 1 ? last : null;
      pending.push({
        id: nextId++,
        agencyId: ids[i],
        agencyName: s.name,
        kind: s.kind,
        year,
        report,
        published: pub.date,
        narrative,
        prev,
      });
      last = { year, format: report.format, cells: report.cells, narrative };
      if (pending.length >= BATCH) await flush();
    }
  }
  await flush();
  await Promise.all(inflight);
  await db.execute(sql`select setval(pg_get_serial_sequence('reports', 'id'), ${Math.max(first, nextId - 1)})`);
  const reasons = [
    "PDF 中没有可读取的文字（可能是扫描件或图片）",
    "没有找到政府信息公开工作年度报告的内容",
    "文件无法打开（可能已损坏或加密）",
  ];
  await copyRows(
    handle,
    "import_log",
    ["batch_id", "source_name", "status", "message", "agency_id", "year"],
    failed.map((f) => ["demo-generator", `demo/${f.agencyId}-${f.year}.pdf`, "failed", pick(rng, reasons), f.agencyId, f.year]),
  );
  console.log(msg.cli.demo.written(written, cellsWritten, elapsed()));
  console.log(msg.cli.demo.findings(findingsWritten));
  // The rollups pages read (the ranking's automatic points…), rebuilt from what was just written:
  // the findings above were copied in, so no re-check filled them.
  await refreshRollups(db);
  console.log(msg.cli.demo.rollups(elapsed()));
  // VACUUM sets the visibility map, so counts and index-only scans skip the wide report rows.
  await db.execute(sql`vacuum analyze`);
  // The per-region rollups were rewritten by every COPY batch's trigger: a few thousand live rows in
  // pages of dead ones. Compacted, a page's sums over them read a few pages, not hundreds.
  await db.execute(sql`vacuum full analyze coverage_counts, region_figures, score_counts`);
  // report_scores was written whole by refreshRollups after the load: its indexes rebuilt packed,
  // as a bulk load leaves them (an import adds one report's rows at a time).
  await db.execute(sql`reindex table report_scores`);
  console.log(msg.cli.demo.done(specs.length, written, cellsWritten, failed.length, elapsed()));
  if (!process.env.DATABASE_URL) console.log(msg.cli.demo.startWith(String(process.env.PGLITE_DIR)));
  await handle.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
