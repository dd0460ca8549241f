import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { msg } from "../lib/messages";
import { SAMPLES } from "../test/fixtures";
import { parseReport } from "../lib/parse/index";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../test/db";
import { listRecentImports } from "../db/queries/imports";
import { importFile, storeReport } from "./import";
import { countReports } from "../db/queries/reports";
import { eq } from "drizzle-orm";
import { agencies, regions } from "../db/schema";
import { getRegionTrail } from "../db/queries/regions";

const sample = (file: string) => ({ name: file, bytes: new Uint8Array(readFileSync(path.join(SAMPLES, file))) });

describe.each(TEST_DRIVERS)("import path and import_log on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  });
  afterAll(async () => t?.close());

  it("two first imports of one new name with two regions at once make one agency, not two", async () => {
    const parsed = parseReport(sample("seed-alashan-youqi-minzheng-2021.txt"));
    if (!parsed.ok) throw new Error(parsed.error);
    const name = "并发新建测试单位";
    const rs = await Promise.all([
      storeReport(t.db, parsed.report, "a.txt", { agency: name, year: 2021, regionChain: [{ name: "甲省", level: "province" }] }),
      storeReport(t.db, parsed.report, "b.txt", { agency: name, year: 2022, regionChain: [{ name: "乙省", level: "province" }] }),
    ]);
    expect(rs.every((r) => r.ok)).toBe(true);
    const ids = new Set(rs.map((r) => (r.ok ? r.agencyId : -1)));
    expect(ids.size).toBe(1);
    const rows = await t.db.select().from(agencies).where(eq(agencies.name, name));
    expect(rows).toHaveLength(1);
  });

  it("places a new agency where its name puts it in the national directory, and an existing one nowhere new", async () => {
    const parsed = parseReport(sample("seed-alashan-youqi-minzheng-2021.txt"));
    if (!parsed.ok) throw new Error(parsed.error);
    const r = await storeReport(t.db, parsed.report, "x.txt", { agency: "淮安市洪泽区交通运输局", year: 2021 });
    if (!r.ok) throw new Error(r.error);
    const [a] = await t.db.select().from(agencies).where(eq(agencies.id, r.agencyId));
    const trail = await getRegionTrail(t.db, a.regionId);
    expect(trail.map((x) => [x.name, x.level, x.code])).toEqual([
      ["江苏省", "province", "32"],
      ["淮安市", "city", "3208"],
      ["洪泽区", "county", "320813"],
    ]);
    // The agency exists now: a later year under another region's name creates no region.
    const before = (await t.db.select().from(regions)).length;
    const again = await storeReport(t.db, parsed.report, "y.txt", {
      agency: "淮安市洪泽区交通运输局",
      year: 2022,
      regionChain: [{ name: "不该新建的省", level: "province" }],
    });
    expect(again.ok).toBe(true);
    expect((await t.db.select().from(regions)).length).toBe(before);
    // No single division fits: 未指定地区, as before.
    const none = await storeReport(t.db, parsed.report, "z.txt", { agency: "朝阳区某某局", year: 2021 });
    if (!none.ok) throw new Error(none.error);
    const [b] = await t.db.select().from(agencies).where(eq(agencies.id, none.agencyId));
    expect((await getRegionTrail(t.db, b.regionId)).map((x) => x.name)).toEqual(["未指定地区"]);
  });

  it("refuses a cell value that is not a number in the details too, before the database", async () => {
    const parsed = parseReport(sample("pingtan-2022.html"));
    if (!parsed.ok) throw new Error(parsed.error);
    const details = { ...parsed.report.details, "t3.carried_over.total": { value: "不是数字" as unknown as number, raw: "x", loc: {} } };
    const r = await storeReport(t.db, { ...parsed.report, details }, "bad-detail.html", { agency: "细节校验局" });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.error).toMatch(/应为数字/);
  });

  it("refuses a title-only file that would replace a stored report's figures, and a year out of range", async () => {
    const full = parseReport(sample("seed-alashan-youqi-minzheng-2021.txt"));
    if (!full.ok) throw new Error(full.error);
    const a = await storeReport(t.db, full.report, "full.txt", { agency: "替换保护测试局", year: 2021 });
    expect(a.ok).toBe(true);
    const empty = { ...full.report, cells: Object.fromEntries(Object.keys(full.report.cells).map((k) => [k, null])) };
    const b = await storeReport(t.db, empty, "title-only.txt", { agency: "替换保护测试局", year: 2021 });
    expect(b).toMatchObject({ ok: false });
    expect(!b.ok && b.error).toMatch(/未保存/);
    for (const year of [9999, 1999, -5])
      expect((await storeReport(t.db, full.report, "y.txt", { agency: "替换保护测试局", year })).ok).toBe(false);
  });

  it("logs created, then updated, with agency, year, report and batch", async () => {
    const a = await importFile(t.db, sample("pingtan-czj-2024.html"), { batchId: "b1" });
    const b = await importFile(t.db, sample("pingtan-czj-2024.html"), { batchId: "b2" });
    expect(a).toMatchObject({ ok: true, replaced: false });
    expect(b).toMatchObject({ ok: true, replaced: true });
    const [last, first] = await listRecentImports(t.db, 2);
    expect(first).toMatchObject({ status: "created", batchId: "b1", year: 2024, sourceName: "pingtan-czj-2024.html" });
    expect(last).toMatchObject({ status: "updated", batchId: "b2", year: 2024, agency: first.agency });
    expect(last.reportId).toBe(b.ok ? b.reportId : -1);
    expect(last.message).toContain("已替换");
  });

  it.each([
    ["binary garbage", "garbage.txt", new Uint8Array([0, 1, 2, 3, 255, 0, 7, 8, 0, 9]), msg.errors.binary],
    ["an empty file", "empty.html", new Uint8Array(), msg.errors.empty],
    ["a corrupted .docx", "broken.docx", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]), msg.errors.docxUnreadable],
    ["a non-report", "notice.txt", new TextEncoder().encode("会议通知\n请各单位于明天下午三点参加会议。"), msg.errors.notReport],
  ])("%s: a Chinese message, nothing stored, one failed row", async (_, name, bytes, error) => {
    const before = await countReports(t.db);
    const r = await importFile(t.db, { name, bytes }, { batchId: "bad" });
    expect(r).toEqual({ ok: false, error });
    expect(await countReports(t.db)).toBe(before);
    const [row] = await listRecentImports(t.db, 1);
    expect(row).toMatchObject({ status: "failed", sourceName: name, message: error, batchId: "bad", reportId: null });
  });

  it("a report with no year is refused and logged; a bad file in a batch does not stop the next", async () => {
    const noYear = new TextEncoder().encode("某某局政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息 12 条。");
    const results = [];
    for (const f of [
      { name: "no-year.txt", bytes: noYear },
      { name: "x.txt", bytes: new Uint8Array([0, 0, 0]) },
      sample("seed-alashan-youqi-minzheng-2021.txt"),
    ]) {
      results.push(await importFile(t.db, f, { batchId: "mixed" }));
    }
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
    const rows = (await listRecentImports(t.db, 3)).reverse();
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed", "created"]);
    expect(rows.every((r) => r.batchId === "mixed")).toBe(true);
  });

  it("a save that fails in the database rolls back whole and is still logged", async () => {
    const parsed = parseReport(sample("pingtan-2022.html"));
    if (!parsed.ok) throw new Error(parsed.error);
    const before = await countReports(t.db);
    // Text Postgres refuses (a NUL character in the title) gets past the input rules and fails in the database.
    await expect(
      storeReport(t.db, { ...parsed.report, title: "x\u0000y" }, "broken.html", { agency: "回滚测试局", batchId: "rb" }),
    ).rejects.toThrow();
    expect(await countReports(t.db)).toBe(before);
    const [row] = await listRecentImports(t.db, 1);
    expect(row).toMatchObject({ status: "failed", sourceName: "broken.html", year: 2022, batchId: "rb" });
    expect(row.message).toContain("保存时出错");
  });
});
