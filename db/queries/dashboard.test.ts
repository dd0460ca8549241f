import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEASURE_BY_ID } from "../../lib/dashboard/measures";
import { seedDemo } from "../seed";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../testing";
import { getRegionTotals, listMeasureSeries, rankAgencies } from "./compare";
import { getCoverage } from "./coverage";
import { getOverviewCounts, listAgencyPage, listAgencyReportCells, listFiledByYear, listLatestImports } from "./dashboard";
import { listRegionNodes, searchAgencies } from "./directory";
import { refreshReportFigures } from "./figures";

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

  it("lists who was expected and did not report", async () => {
    const c = (await getCoverage(t.db, 2023, null))!;
    expect(c.missing.rows.map((r) => r.name)).toContain("阿拉善右旗民政局");
    expect(c.filed).toBeLessThanOrEqual(c.expected);
    const fujian = (await listRegionNodes(t.db)).find((r) => r.name === "福建省")!;
    const inFujian = (await getCoverage(t.db, 2023, fujian.id))!;
    expect(inFujian.missing.rows.map((r) => r.name)).not.toContain("阿拉善右旗民政局");
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
});
