/**
 * npm run demo:generate — a province-scale fake dataset for trying the dashboard at size and for
 * npm run bench:pages: 示例省 → 10 cities → 100 counties, 8,000 agencies (governments, departments,
 * townships) × 6 years (2020–2025, both table formats) of template-faithful reports, with some
 * missing years, late publications, failed imports and deliberate table errors. Fixed seed.
 *
 * Goes into whatever database is configured (DATABASE_URL, or PGLITE_DIR); with neither, into
 * .data/pglite-large — never into the demo database of `npm start`. Refuses a database that already
 * holds reports unless --reset is given (which empties it).
 *
 *   npm run demo:generate -- [--agencies 8000] [--from 2020] [--to 2025] [--seed 20250131] [--reset]
 */
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "../db/index";
import { recheckYear } from "../db/queries/checks";
import { refreshFiguresForReports } from "../db/queries/figures";
import { refreshRollups } from "../db/queries/rollups";
import { rowsOf } from "../db/queries/rows";
import { agencies, importLog, regions, reports } from "../db/schema";
import { deadlineFor } from "../lib/report/deadline";
import { demoNarrative, generateReport, initialState, type DemoKind, type DemoReport } from "../lib/presentations/demo-report";
import { makeRng, pick, randInt, type Rng } from "../lib/random";
import { nameInitials } from "../lib/dashboard/initials";
import { msg } from "../lib/messages";
import { T2_SECTIONS, T3_COLUMNS, T4_GROUPS, T4_RESULTS, t2Key, t3Key, t3RowsFor, t4Key, type TableFormat } from "../lib/report/template";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const TOTAL = arg("agencies", 8000);
const FROM = arg("from", 2020);
const TO = arg("to", 2025);
const SEED = arg("seed", 20250131);
const BATCH = arg("batch", 500);
const RESET = process.argv.includes("--reset");

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const DEPARTMENTS = [
  "发展和改革委员会",
  "教育局",
  "科学技术局",
  "工业和信息化局",
  "公安局",
  "民政局",
  "司法局",
  "财政局",
  "人力资源和社会保障局",
  "自然资源局",
  "生态环境局",
  "住房和城乡建设局",
  "交通运输局",
  "水利局",
  "农业农村局",
  "商务局",
  "文化和旅游局",
  "卫生健康委员会",
  "退役军人事务局",
  "应急管理局",
  "审计局",
  "市场监督管理局",
  "统计局",
  "医疗保障局",
  "林业局",
  "体育局",
  "信访局",
  "城市管理局",
  "行政审批局",
  "国有资产监督管理委员会",
  "地方金融管理局",
  "机关事务管理局",
  "档案局",
  "民族宗教事务局",
  "粮食和物资储备局",
  "人民防空办公室",
  "乡村振兴局",
  "数据管理局",
  "外事办公室",
  "供销合作社联合社",
];
const TOWN_NAMES = [
  "东湖",
  "西山",
  "南岭",
  "北川",
  "青石",
  "白沙",
  "红岩",
  "金桥",
  "银河",
  "长乐",
  "永安",
  "太平",
  "新华",
  "和平",
  "富民",
  "兴隆",
  "桃源",
  "柳林",
  "松岗",
  "梅溪",
  "竹园",
  "兰亭",
  "枫桥",
  "杏坛",
  "荷塘",
  "石门",
  "龙泉",
  "凤凰",
  "云台",
  "海晏",
  "清河",
  "平湖",
  "安澜",
  "广福",
  "同心",
];

interface AgencySpec {
  name: string;
  regionId: number;
  kind: DemoKind;
  activeFrom: number;
  activeTo: number | null;
}

/** Where each printed cell sits in the (fake) document: table 1–3 = 表二/三/四, row and column. */
function sourceMaps(): Record<TableFormat, Record<string, { table: number; row: number; col: number }>> {
  const out = {} as Record<TableFormat, Record<string, { table: number; row: number; col: number }>>;
  for (const format of ["2021", "2019"] as const) {
    const m: Record<string, { table: number; row: number; col: number }> = {};
    let row = 0;
    for (const s of T2_SECTIONS[format]) {
      row++;
      for (const r of s.rows) {
        row++;
        s.columns.forEach((c, i) => (m[t2Key(r.key, c.key)] = { table: 1, row, col: i + 2 }));
      }
    }
    t3RowsFor(format).forEach((r, ri) => T3_COLUMNS.forEach((c, ci) => (m[t3Key(r.key, c.key)] = { table: 2, row: ri + 4, col: ci + 2 })));
    T4_GROUPS.forEach((g, gi) => T4_RESULTS.forEach((r, ri) => (m[t4Key(g.key, r.key)] = { table: 3, row: 4, col: gi * 5 + ri + 1 })));
    out[format] = m;
  }
  return out;
}

function publishedOn(rng: Rng, year: number, kind: DemoKind): { date: string | null; late: boolean } {
  if (rng() < 0.01) return { date: null, late: false };
  const due = Date.parse(`${deadlineFor(year, kind)}T00:00:00Z`);
  const late = rng() < 0.06;
  const offset = late ? randInt(rng, 1, 120) : -randInt(rng, 0, kind === "government" ? 80 : 25);
  return { date: new Date(due + offset * 86_400_000).toISOString().slice(0, 10), late };
}

async function buildTree(db: Db, rng: Rng): Promise<AgencySpec[]> {
  const [province] = await db.insert(regions).values({ name: "示例省", level: "province", path: "/" }).returning();
  const specs: AgencySpec[] = [];
  const active = (): Pick<AgencySpec, "activeFrom" | "activeTo"> => {
    const r = rng();
    // A few bodies created or abolished within the period: expected to report only while they exist.
    if (r < 0.03) return { activeFrom: randInt(rng, FROM + 1, TO - 1), activeTo: null };
    if (r < 0.05) return { activeFrom: FROM, activeTo: randInt(rng, FROM + 1, TO - 1) };
    return { activeFrom: FROM, activeTo: null };
  };
  const add = (name: string, regionId: number, kind: DemoKind) => specs.push({ name, regionId, kind, ...active() });
  add("示例省人民政府", province.id, "government");
  for (const d of DEPARTMENTS) add(`示例省${d.replace(/局$/, "厅")}`, province.id, "department");
  const cities = await db
    .insert(regions)
    .values(CN.map((c) => ({ name: `示例${c}市`, level: "city" as const, parentId: province.id, path: `/${province.id}/` })))
    .returning();
  const countyRows = cities.flatMap((city) =>
    CN.map((c) => ({ name: `${city.name}${c}县`, level: "county" as const, parentId: city.id, path: `${city.path}${city.id}/` })),
  );
  const counties = await db.insert(regions).values(countyRows).returning();
  for (const city of cities) {
    add(`${city.name}人民政府`, city.id, "government");
    for (const d of DEPARTMENTS) add(`${city.name}${d}`, city.id, "department");
  }
  for (const county of counties) {
    add(`${county.name}人民政府`, county.id, "government");
    for (const d of DEPARTMENTS) add(`${county.name}${d}`, county.id, "department");
  }
  // Townships fill up to the total, spread evenly over the counties.
  const towns = Math.max(0, TOTAL - specs.length);
  for (let i = 0; i < towns; i++) {
    const county = counties[i % counties.length];
    const n = Math.floor(i / counties.length);
    const base = TOWN_NAMES[n % TOWN_NAMES.length] + (n >= TOWN_NAMES.length ? CN[Math.floor(n / TOWN_NAMES.length) % 10] : "");
    add(`${county.name}${base}${n % 5 === 4 ? "街道办事处" : "镇人民政府"}`, county.id, "township");
  }
  return specs.slice(0, TOTAL);
}

interface Pending {
  agencyId: number;
  agencyName: string;
  kind: DemoKind;
  year: number;
  report: DemoReport;
  published: string | null;
}

async function main() {
  if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) process.env.PGLITE_DIR = path.resolve(".data", "pglite-large");
  const target = process.env.DATABASE_URL
    ? `Postgres ${new URL(process.env.DATABASE_URL).pathname.slice(1)}`
    : `PGlite ${process.env.PGLITE_DIR}`;
  console.log(`目标数据库：${target}`);
  const handle = await openDatabase();
  const db = handle.db;
  const started = Date.now();
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from reports`));
  if (n > 0 && !RESET) {
    console.error(`该数据库已有 ${n} 份年报。生成示例数据会清空它：确认请加 --reset。`);
    await handle.close();
    process.exit(1);
  }
  if (RESET) {
    await db.execute(
      sql`truncate regions, agencies, reports, report_cells, findings, finding_stats, finding_reviews, cell_history, import_log, report_figures, report_year_stats, post_count_corrections restart identity cascade`,
    );
  }

  const rng = makeRng(SEED);
  const specs = await buildTree(db, rng);
  const ids: number[] = [];
  for (let i = 0; i < specs.length; i += 1000) {
    const rows = await db
      .insert(agencies)
      .values(specs.slice(i, i + 1000).map((s) => ({ ...s, initials: nameInitials(s.name) })))
      .returning({ id: agencies.id });
    ids.push(...rows.map((r) => r.id));
  }
  console.log(`地区与单位：${specs.length} 个单位（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);

  const maps = JSON.stringify(sourceMaps());
  // Loading 10M cell rows is several times faster without the secondary index; it is rebuilt,
  // with the migration's exact definition, once the rows are in.
  await db.execute(sql`drop index if exists report_cells_key_idx`);
  let pending: Pending[] = [];
  const failed: { agencyId: number; name: string; year: number }[] = [];
  let written = 0;
  let cellsWritten = 0;

  const timing: Record<string, number> = {};
  const tick = (k: string, t0: number) => (timing[k] = (timing[k] ?? 0) + Date.now() - t0);
  const flush = async () => {
    if (pending.length === 0) return;
    let t0 = Date.now();
    const batch = pending;
    pending = [];
    const saved = await db
      .insert(reports)
      .values(
        batch.map((p) => {
          const narrative = demoNarrative(p.agencyName, p.year, p.report.posts);
          const title = `${p.agencyName}${p.year}年政府信息公开工作年度报告`;
          return {
            agencyId: p.agencyId,
            year: p.year,
            format: p.report.format,
            publishedOn: p.published,
            title,
            sourceName: `demo/${p.agencyId}-${p.year}.txt`,
            sourceKind: "text",
            sourceText: `${title}\n${narrative}\n（表格数值见各单元格）`,
            narrative,
            cellValues: p.report.cells,
            parserVersion: "demo-generator",
          };
        }),
      )
      .returning({ id: reports.id });
    const reportIds = saved.map((r) => r.id);
    tick("reports", t0);
    t0 = Date.now();
    const idArray = sql.raw(`array[${reportIds.join(",")}]::int[]`);
    // Cells are expanded in the database from each report's cell_values: one statement per batch.
    await db.execute(sql`
      insert into report_cells (report_id, key, value, raw, source)
      select r.id, e.key, (e.value #>> '{}')::float8, coalesce(e.value #>> '{}', ''), coalesce(${maps}::jsonb -> r.format -> e.key, '{}'::jsonb)
      from reports r cross join lateral jsonb_each(r.cell_values) e
      where r.id = any(${idArray})`);
    tick("cells", t0);
    t0 = Date.now();
    await db.insert(importLog).values(
      batch.map((p, i) => ({
        batchId: "demo-generator",
        sourceName: `demo/${p.agencyId}-${p.year}.txt`,
        status: "created" as const,
        message: msg.import.created(p.agencyName, p.year),
        agencyId: p.agencyId,
        year: p.year,
        reportId: reportIds[i],
      })),
    );
    tick("import_log", t0);
    t0 = Date.now();
    await refreshFiguresForReports(db, reportIds);
    tick("figures", t0);
    written += batch.length;
    // Fresh statistics early and now and then: on an empty table the planner would otherwise pick
    // sequential scans for the per-report lookups, and loading would slow down as the table grows.
    if (written === batch.length || written % (BATCH * 20) === 0) await db.execute(sql`analyze reports, report_cells, report_figures`);
    cellsWritten += batch.reduce((s, p) => s + Object.keys(p.report.cells).length, 0);
    if (written % (BATCH * 10) === 0) {
      const secs = (Date.now() - started) / 1000;
      console.log(`  ${written} 份年报，${cellsWritten} 个单元格（${secs.toFixed(0)} 秒）`);
    }
  };

  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    const state = initialState(rng, s.kind);
    const blankZeros = s.kind === "township" && rng() < 0.3;
    const stopsAt = rng() < 0.01 ? TO - 1 : TO; // a few stop filing before the last year
    for (let year = FROM; year <= TO; year++) {
      const report = generateReport(rng, s.kind, year, state, { blankZeros, injectError: rng() < 0.03 });
      const expected = year >= s.activeFrom && (s.activeTo === null || year <= s.activeTo);
      if (!expected || year > stopsAt) continue;
      if (rng() < 0.04) {
        if (rng() < 0.3) failed.push({ agencyId: ids[i], name: s.name, year });
        continue;
      }
      const pub = publishedOn(rng, year, s.kind);
      pending.push({ agencyId: ids[i], agencyName: s.name, kind: s.kind, year, report, published: pub.date });
      if (pending.length >= BATCH) await flush();
    }
  }
  await flush();
  if (process.env.DEMO_TIMING) console.log(timing);
  const reasons = [
    "PDF 中没有可读取的文字（可能是扫描件或图片）",
    "没有找到政府信息公开工作年度报告的内容",
    "文件无法打开（可能已损坏或加密）",
  ];
  for (let i = 0; i < failed.length; i += 1000) {
    await db.insert(importLog).values(
      failed.slice(i, i + 1000).map((f) => ({
        batchId: "demo-generator",
        sourceName: `demo/${f.agencyId}-${f.year}.pdf`,
        status: "failed" as const,
        message: pick(rng, reasons),
        agencyId: f.agencyId,
        year: f.year,
      })),
    );
  }
  let t0 = Date.now();
  await db.execute(sql`create index if not exists report_cells_key_idx on report_cells using btree (key)`);
  console.log(`重建索引：${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
  // Findings come from the real rules, as an import would make them (the injected table errors
  // included): every year, cross-year rules against the year before.
  t0 = Date.now();
  let found = 0;
  for (let year = FROM; year <= TO; year++) found += (await recheckYear(db, year)).findings;
  console.log(`核对：${found} 条发现（${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
  // The rollups pages read (the ranking's automatic points…), rebuilt from what was just written.
  t0 = Date.now();
  await refreshRollups(db);
  console.log(`汇总：${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
  // VACUUM sets the visibility map, so counts and index-only scans skip the wide report rows.
  await db.execute(sql`vacuum analyze`);
  const secs = (Date.now() - started) / 1000;
  console.log(
    `完成：${specs.length} 个单位，${written} 份年报，${cellsWritten} 个单元格，${failed.length} 条导入失败记录，用时 ${secs.toFixed(1)} 秒`,
  );
  if (!process.env.DATABASE_URL) console.log(`用这份数据启动看板：PGLITE_DIR=${process.env.PGLITE_DIR} npm start`);
  await handle.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
