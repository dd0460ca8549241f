import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgencyYears } from "../../lib/dashboard/agency-years";
import { headlineRows } from "../../lib/dashboard/headline-trend";
import { MEASURE_BY_ID } from "../../lib/dashboard/measures";
import { seedDemo } from "../../pipeline/seed";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../../test/db";
import type { Db } from "../index";
import { getRegionTotals, listMeasureSeries, rankAgencies } from "./compare";
import { getCoverage, getLatestReportYear, listSpanMissing } from "./coverage";
import { rollupDrift } from "./rollups";
import { getOverviewCounts, listAgencyPage, listAgencyReportCells, listFiledByYear, listLatestImports } from "./dashboard";
import { listRegionNodes, searchAgencies } from "./directory";
import { refreshReportFigures } from "./figures";
import { rowsOf } from "./rows";

describe.each(TEST_DRIVERS)("dashboard queries on %s", (driver) => {
  let t: TestDatabase;
  let pingtan: number;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    await seedDemo(t.db);
    await refreshReportFigures(t.db);
    pingtan = (await searchAgencies(t.db, "平潭综合实验区")).find((a) => a.name === "平潭综合实验区")!.id;
  });
  afterAll(async () => t?.close());

  it("finds agencies by name and by pinyin initials", async () => {
    expect((await searchAgencies(t.db, "ptzhsyq")).map((a) => a.name)).toContain("平潭综合实验区");
    expect((await searchAgencies(t.db, "民政局")).map((a) => a.name)).toContain("阿拉善右旗民政局");
    expect(await searchAgencies(t.db, "不存在的单位")).toEqual([]);
  });

  it("finds agencies by full pinyin, whole or begun (issue 15)", async () => {
    const names = (await searchAgencies(t.db, "pingtan")).map((a) => a.name);
    expect(names).toContain("平潭综合实验区");
    expect(names).toContain("平潭综合实验区财政金融局");
    expect((await searchAgencies(t.db, "huaian")).map((a) => a.name)).toContain("淮安市人民政府");
    expect((await searchAgencies(t.db, "caizheng")).map((a) => a.name)).toEqual(["平潭综合实验区财政金融局"]);
  });

  it("lists every agency that missed any year of a span, with its missing years (issue 15)", async () => {
    expect(await getLatestReportYear(t.db)).toBe(2025);
    const r = (await listSpanMissing(t.db, 2021, 2025, null))!;
    const byName = new Map(r.rows.map((a) => [a.name, a.years]));
    expect(byName.get("阿拉善右旗民政局")).toEqual([2022, 2023, 2024, 2025]);
    expect(byName.get("淮安市人民政府")).toEqual([2025]);
    expect(byName.has("平潭综合实验区")).toBe(false);
    expect(r.total).toBe(r.rows.length);
  });

  it("keeps each agency's reported years (agency_coverage) in step with its reports and agency, and reads expected years from them", async () => {
    const bits = async (db: Db = t.db) =>
      rowsOf<{ agency_id: number; kept: string; actual: string | null }>(
        await db.execute(sql`
          select a.id as agency_id, coalesce(y.years, 0)::text as kept,
                 coalesce((select bit_or(1::bigint << (r.year - 2000)) from reports r where r.agency_id = a.id), 0)::text as actual
          from agencies a left join agency_coverage y on y.agency_id = a.id
          where y.agency_id is null or y.region_id <> a.region_id or y.kind <> a.kind or y.active_from is distinct from a.active_from
             or y.active_to is distinct from a.active_to or coalesce(y.years, 0) <> coalesce((select bit_or(1::bigint << (r.year - 2000)) from reports r where r.agency_id = a.id), 0)`),
      );
    expect(await bits()).toEqual([]);
    // A report moved to another year, others deleted, the agency's active years changed: the row follows.
    const [a, b] = rowsOf<{ id: number; agency_id: number; year: number }>(
      await t.db.execute(sql`select id, agency_id, year from reports where agency_id = ${pingtan} order by year limit 2`),
    );
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`update reports set year = 2003 where id = ${a.id}`);
        await tx.execute(sql`delete from reports where id = ${b.id}`);
        expect(await bits(tx)).toEqual([]);
        expect(await rollupDrift(tx)).toEqual([]);
        // An agency with active_from after its reports and active_to before the span's end.
        await tx.execute(sql`update agencies set active_from = 2022, active_to = 2023 where id = ${pingtan}`);
        await tx.execute(sql`delete from reports where agency_id = ${pingtan} and year = 2022`);
        expect(await bits(tx)).toEqual([]);
        const span = (await listSpanMissing(tx, 2003, 2025, null, { limit: 500 }))!;
        const missed = span.rows.find((r) => r.id === pingtan)?.years ?? [];
        const have = rowsOf<{ year: number }>(await tx.execute(sql`select year from reports where agency_id = ${pingtan}`)).map(
          (r) => r.year,
        );
        expect(missed).toEqual([2022, 2023].filter((y) => !have.includes(y)));
        expect(missed).toContain(2022);
        expect(await rollupDrift(tx)).toEqual([]);
        tx.rollback();
      })
      .catch((e) => {
        if (!String(e).includes("Rollback")) throw e;
      });
    expect(await bits()).toEqual([]);
  });

  it("counts reports per year from the rollup, and pages the agency list", async () => {
    const counts = await getOverviewCounts(t.db);
    expect(counts.reports).toBeGreaterThanOrEqual(13);
    const filed = await listFiledByYear(t.db);
    expect(filed.find((f) => f.year === 2016)?.filed).toBe(1);
    const page = await listAgencyPage(t.db, 1, 2);
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBe(counts.agencies);
    expect(Array.isArray(await listLatestImports(t.db))).toBe(true);
  });

  it("reads an agency's reports with every cell", async () => {
    const rows = await listAgencyReportCells(t.db, pingtan);
    expect(rows.map((r) => r.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(rows.find((r) => r.year === 2021)?.cells["t3.received.total"]).toBe(70);
    expect(rows.find((r) => r.year === 2016)?.format).toBe("pre2019");
  });

  it("reads each report's stated headline figures, for the pre-2019 points of the headline trend", async () => {
    const rows = await listAgencyReportCells(t.db, pingtan);
    const stated = (year: number) => Object.fromEntries(rows.find((r) => r.year === year)!.headline.map((h) => [h.key, h.value]));
    expect(stated(2016)).toMatchObject({ proactive: 3460, requests_received: 0, reviews: 0, suits: 0 });
    expect(stated(2025)).toMatchObject({ requests_received: 154, reviews: 36, suits: 9 });
    const years = buildAgencyYears(rows);
    const trend = headlineRows(years);
    expect(trend.find((r) => r.year === 2016)).toMatchObject({
      values: { received: 0, licensing: null, reviewTotal: 0, suitTotal: 0 },
      stated: ["received", "reviewTotal", "suitTotal"],
    });
    expect(trend.find((r) => r.year === 2021)).toMatchObject({ values: { received: 70 }, stated: [] });
  });

  it("lists who was expected and did not report", async () => {
    const c = (await getCoverage(t.db, 2023, null))!;
    expect(c.missing.rows.map((r) => r.name)).toContain("阿拉善右旗民政局");
    expect(c.filed).toBeLessThanOrEqual(c.expected);
    const fujian = (await listRegionNodes(t.db)).find((r) => r.name === "福建省")!;
    const inFujian = (await getCoverage(t.db, 2023, fujian.id))!;
    expect(inFujian.missing.rows.map((r) => r.name)).not.toContain("阿拉善右旗民政局");
  });

  it("pages each coverage list on its own, totals unchanged past the end", async () => {
    const all = (await getCoverage(t.db, 2023, null, { perPage: 1000 }))!;
    expect(all.missing.total).toBe(all.missing.rows.length);
    expect(all.missing.total).toBeGreaterThanOrEqual(1);
    const paged = [];
    for (let i = 0; i < all.missing.total; i++) {
      const c = (await getCoverage(t.db, 2023, null, { perPage: 1, offsets: { missing: i } }))!;
      expect(c.missing.rows).toHaveLength(1);
      expect(c.missing.total).toBe(all.missing.total);
      paged.push(c.missing.rows[0].name);
    }
    expect(paged).toEqual(all.missing.rows.map((r) => r.name));
    const past = (await getCoverage(t.db, 2023, null, { perPage: 1, offsets: { missing: all.missing.total } }))!;
    expect(past.missing).toEqual({ total: all.missing.total, rows: [] });
    expect([past.expected, past.filed]).toEqual([all.expected, all.filed]);
  });

  it("ranks and compares on a measure, a missing year absent (not 0)", async () => {
    const m = MEASURE_BY_ID.get("received")!;
    const ranked = (await rankAgencies(t.db, m, { agencyIds: [pingtan] }, 2021, { limit: 10, offset: 0 }))!;
    expect(ranked.rows[0]).toMatchObject({ name: "平潭综合实验区", num: 70 });
    const series = await listMeasureSeries(t.db, m, [pingtan], 2016, 2025);
    expect(series.find((s) => s.year === 2021)?.num).toBe(70);
    expect(series.find((s) => s.year === 2016)?.num).toBeNull();
  });

  it("totals a region as the sum of its agencies, saying how many reported", async () => {
    const fujian = (await listRegionNodes(t.db)).find((r) => r.name === "福建省")!;
    const totals = (await getRegionTotals(t.db, fujian.id, ["received", "feesWan"]))!;
    const y2024 = totals.find((x) => x.year === 2024)!;
    expect(y2024.reports).toBe(2); // 平潭综合实验区 and its 财政金融局
    expect(y2024.counts.received).toBe(2);
    const own = (await listMeasureSeries(t.db, MEASURE_BY_ID.get("received")!, [pingtan], 2024, 2024))[0].num ?? 0;
    expect(y2024.sums.received).toBeGreaterThanOrEqual(own);
  });

  // Last: it deletes a report.
  it("keeps the per-year rollup equal to the reports through re-dating and deletion", async () => {
    const fromFigures = async () =>
      rowsOf<{ year: number; filed: number; late: number; undated: number }>(
        await t.db.execute(sql`
          select year, count(*)::int as filed, count(*) filter (where days_late > 0)::int as late,
                 count(*) filter (where days_late is null)::int as undated
          from report_figures group by year order by year`),
      );
    expect(await listFiledByYear(t.db)).toEqual(await fromFigures());
    // Publish 平潭 2021 late, then undated, then delete it: the rollup follows each change.
    const [r] = rowsOf<{ id: number }>(await t.db.execute(sql`select id from reports where agency_id = ${pingtan} and year = 2021`));
    const before = (await listFiledByYear(t.db)).find((f) => f.year === 2021)!;
    await t.db.execute(sql`update reports set published_on = '2022-12-31' where id = ${r.id}`);
    await refreshReportFigures(t.db, sql`r.id = ${r.id}`);
    expect(await listFiledByYear(t.db)).toEqual(await fromFigures());
    const late = (await listFiledByYear(t.db)).find((f) => f.year === 2021)!;
    expect(late.filed).toBe(before.filed);
    expect(late.late).toBeGreaterThanOrEqual(1);
    await t.db.execute(sql`update reports set published_on = null where id = ${r.id}`);
    await refreshReportFigures(t.db, sql`r.id = ${r.id}`);
    const undated = (await listFiledByYear(t.db)).find((f) => f.year === 2021)!;
    expect(undated).toEqual({ ...late, late: late.late - 1, undated: late.undated + 1 });
    expect(await listFiledByYear(t.db)).toEqual(await fromFigures());
    await t.db.execute(sql`delete from reports where id = ${r.id}`);
    expect((await listFiledByYear(t.db)).find((f) => f.year === 2021)?.filed ?? 0).toBe(before.filed - 1);
    expect(await listFiledByYear(t.db)).toEqual(await fromFigures());
    expect((await getOverviewCounts(t.db)).reports).toBe((await fromFigures()).reduce((n, y) => n + y.filed, 0));
    expect(await rollupDrift(t.db)).toEqual([]);
  });

  it("keeps the per-region rollups equal to their sources when an agency moves region or is deleted", async () => {
    const fujian = (await listRegionNodes(t.db)).find((r) => r.name === "福建省")!;
    const [moved] = rowsOf<{ id: number; region_id: number }>(
      await t.db.execute(sql`select a.id, a.region_id from agencies a where exists (select 1 from reports r where r.agency_id = a.id)
                             and a.region_id not in (select g.id from regions g where g.id = ${fujian.id} or g.path like ${`%/${fujian.id}/%`})
                             order by a.id limit 1`),
    );
    const totals = async () => (await getRegionTotals(t.db, fujian.id, ["received"]))!.reduce((n, y) => n + y.reports, 0);
    const before = await totals();
    const reports = Number(
      rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from reports where agency_id = ${moved.id}`))[0].n,
    );
    await t.db.execute(sql`update agencies set region_id = ${fujian.id} where id = ${moved.id}`);
    expect(await rollupDrift(t.db)).toEqual([]);
    expect(reports).toBeGreaterThan(0);
    expect(await totals()).toBe(before + reports);
    await t.db.execute(sql`update agencies set region_id = ${moved.region_id} where id = ${moved.id}`);
    expect(await totals()).toBe(before);
    const agencies = (await getOverviewCounts(t.db)).agencies;
    await t.db.execute(sql`delete from agencies where id = ${moved.id}`);
    expect(await rollupDrift(t.db)).toEqual([]);
    expect((await getOverviewCounts(t.db)).agencies).toBe(agencies - 1);
  });
});
