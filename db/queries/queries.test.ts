import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLES } from "../../test/fixtures";
import { parseReport } from "../../lib/parse/index";
import { eq, sql } from "drizzle-orm";
import { cellsFromVectorText } from "../../lib/report/cell-vector";
import { agencies, reports } from "../schema";
import { seedDemo } from "../../pipeline/seed";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../../test/db";
import { getAgency, listAgenciesWithYears } from "./agencies";
import { importFile, storeReport } from "../../pipeline/import";
import { getRegionTrail } from "./regions";
import { countReports, findReportId, getReport, listAgencyReports } from "./reports";

const sample = (file: string) => ({ name: file, bytes: readFileSync(path.join(SAMPLES, file)) });

describe.each(TEST_DRIVERS)("db/queries on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    await seedDemo(t.db);
  });
  afterAll(async () => t?.close());

  it("loads the demo reports and lists agencies with region and years", async () => {
    expect(await countReports(t.db)).toBe(16);
    const list = await listAgenciesWithYears(t.db);
    const pingtan = list.find((a) => a.name === "平潭综合实验区")!;
    expect(pingtan.kind).toBe("government");
    expect(pingtan.regionTrail).toBe("福建省 / 福州市 / 平潭综合实验区");
    expect(pingtan.regionLevel).toBe("county");
    expect(pingtan.years.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(list.find((a) => a.name === "阿拉善右旗民政局")?.regionTrail).toBe("内蒙古自治区 / 阿拉善盟 / 阿拉善右旗");
  });

  it("stores every cell as printed, blanks as null, with raw text and source", async () => {
    const id = (await findReportId(t.db, "阿拉善右旗民政局", 2021))!;
    const r = (await getReport(t.db, id))!;
    expect(r.report.format).toBe("2021");
    expect(r.report.publishedOn).toBe("2022-01-24");
    expect(r.cells).toHaveLength(200);
    const total = r.cells.find((c) => c.key === "t3.total_handled.total")!;
    expect(total.value).toBeNull();
    expect(total.raw).toBe("");
    const four = r.cells.find((c) => c.key === "t3.withheld_internal_affairs.public_interest")!;
    expect(four.value).toBe(4);
    expect(four.source.line).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.rule === "t3.results_sum")).toHaveLength(2);
    expect(r.region.name).toBe("阿拉善右旗");
  });

  it("keeps cell_vector equal to cell_values for every stored report (what the checks read)", async () => {
    const rows = await t.db
      .select({ id: reports.id, cells: reports.cellValues, text: sql<string>`${reports.cellVector}::text` })
      .from(reports);
    expect(rows.length).toBe(16);
    let blanks = 0;
    for (const r of rows) {
      expect(cellsFromVectorText(r.text), `report ${r.id} as text`).toEqual(r.cells);
      blanks += Object.values(r.cells).filter((v) => v === null).length;
    }
    // The seed prints blanks: the vector must keep them apart from unprinted cells.
    expect(blanks).toBeGreaterThan(0);
  });

  it("keeps decimals of 万元 amounts exactly", async () => {
    const id = (await findReportId(t.db, "平潭综合实验区", 2021))!;
    const r = (await getReport(t.db, id))!;
    expect(r.cells.find((c) => c.key === "t2.fees.amount_wan")?.value).toBe(24252.311082);
  });

  it("lists an agency's reports newest first with their error counts", async () => {
    const agencyId = (await listAgenciesWithYears(t.db)).find((a) => a.name === "平潭综合实验区")!.id;
    const reports = await listAgencyReports(t.db, agencyId);
    expect(reports[0].year).toBe(2025);
    expect(reports.find((r) => r.year === 2020)?.errors).toBe(2);
    expect(reports.find((r) => r.year === 2022)?.errors).toBe(0);
    expect((await getAgency(t.db, agencyId))?.agency.name).toBe("平潭综合实验区");
    expect((await getRegionTrail(t.db, (await getAgency(t.db, agencyId))!.region.id)).map((r) => r.name)).toEqual([
      "福建省",
      "福州市",
      "平潭综合实验区",
    ]);
  });

  it("replaces a report of the same agency and year whole, and says so", async () => {
    const before = await countReports(t.db);
    const again = await importFile(t.db, sample("pingtan-czj-2025.html"));
    expect(again).toMatchObject({ ok: true, replaced: true });
    expect(again.ok && again.message).toContain("已替换");
    expect(await countReports(t.db)).toBe(before);
    const r = (await getReport(t.db, again.ok ? again.reportId : 0))!;
    expect(r.cells).toHaveLength(200);
  });

  it("leaves one report, never two or a mix, when the same report is imported twice at once", async () => {
    const seedText = readFileSync(path.join(SAMPLES, "seed-alashan-youqi-minzheng-2021.txt"), "utf8");
    const changed = seedText.replace("行政许可 | 4 |", "行政许可 | 9 |");
    const results = await Promise.all([
      importFile(t.db, { name: "a.txt", bytes: new TextEncoder().encode(seedText) }, { agency: "并发测试局" }),
      importFile(t.db, { name: "b.txt", bytes: new TextEncoder().encode(changed) }, { agency: "并发测试局" }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.reportId : 0)));
    expect(ids.size).toBe(1);
    const r = (await getReport(t.db, [...ids][0]))!;
    expect(r.cells).toHaveLength(200);
    // All cells come from one of the two files: the source name and the licensing figure agree.
    const licensing = r.cells.find((c) => c.key === "t2.licensing.decisions")!.value;
    expect(r.report.sourceName === "b.txt" ? 9 : 4).toBe(licensing);
  });

  it("stores a pre-2019 report with its text and no cells", async () => {
    const id = (await findReportId(t.db, "平潭综合实验区", 2017))!;
    const r = (await getReport(t.db, id))!;
    expect(r.report.format).toBe("pre2019");
    expect(r.cells).toHaveLength(0);
    // What it states in its prose is kept, with the sentence: 2122 条 published in 2017.
    expect(r.report.headline.find((h) => h.key === "proactive")).toMatchObject({ value: 2122 });
    expect(r.report.headline.find((h) => h.key === "proactive")?.sentence).toContain("2122");
    expect(r.report.sourceText).toContain("政府信息公开");
  });

  it("rejects a file that is not a report and stores nothing", async () => {
    const before = await countReports(t.db);
    const r = await importFile(t.db, { name: "x.txt", bytes: new TextEncoder().encode("会议通知：明天下午三点开会。") });
    expect(r.ok).toBe(false);
    expect(await countReports(t.db)).toBe(before);
  });

  it("rolls back a failed save whole", async () => {
    const parsed = parseReport(sample("pingtan-2022.html"));
    if (!parsed.ok) throw new Error(parsed.error);
    const before = await countReports(t.db);
    // Text a column cannot hold (a NUL character in the title; the input rules let it through) makes
    // the report insert fail after the new agency was written: the agency goes too.
    await expect(storeReport(t.db, { ...parsed.report, title: "x\u0000y" }, "broken.html", { agency: "回滚测试局" })).rejects.toThrow();
    expect(await countReports(t.db)).toBe(before);
    expect(await findReportId(t.db, "回滚测试局", 2022)).toBeNull();
    expect(await t.db.select().from(agencies).where(eq(agencies.name, "回滚测试局"))).toEqual([]);
  });
});
