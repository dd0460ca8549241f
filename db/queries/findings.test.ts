import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLES } from "../../test/fixtures";
import { seedDemo } from "../../pipeline/seed";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../../test/db";
import { checkDraft, recheckReports, recheckYear } from "./checks";
import { eq, sql } from "drizzle-orm";
import { rowsOf } from "./rows";
import { findings as findingsTable } from "../schema";
import {
  correctCell,
  countFindings,
  listAgencyFindingsByYear,
  listCellHistory,
  listFindings,
  listReportFindings,
  reviewFinding,
} from "./findings";
import { importFile } from "../../pipeline/import";
import { findReportId, getReport } from "./reports";
import { parseReport } from "../../lib/parse/index";

const sample = (file: string) => ({ name: file, bytes: readFileSync(path.join(SAMPLES, file)) });

describe.each(TEST_DRIVERS)("findings on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    await seedDemo(t.db);
  });
  afterAll(async () => t?.close());

  it("stores cross-year findings on the later report (平潭 现行有效 2023→2024 breaks)", async () => {
    const id = (await findReportId(t.db, "平潭综合实验区", 2024))!;
    const f = await listReportFindings(t.db, id);
    const roll = f.find((x) => x.rule === "y.in_force_roll")!;
    expect(roll.message).toContain("上年现行有效 470 + 本年制发 62 − 本年废止 33 = 499，本年现行有效印为 440");
    expect(roll.cells[0]).toBe("t2.normative_docs.in_force");
    expect(f.some((x) => x.rule === "y.carry_over")).toBe(false);
  });

  it("filters the queue by rule, severity, region, level, year and status, with counts", async () => {
    const all = await countFindings(t.db, {});
    expect(all.total).toBeGreaterThan(5);
    const errors = await listFindings(t.db, { severity: "error" });
    expect(errors.every((x) => x.severity === "error")).toBe(true);
    expect(errors.map((x) => `${x.agency}:${x.year}`)).toEqual(expect.arrayContaining(["平潭综合实验区:2020", "阿拉善右旗民政局:2021"]));
    const fujian = await listFindings(t.db, { regionId: errors.find((x) => x.agency === "平潭综合实验区")!.agencyId && undefined });
    expect(fujian.length).toBeGreaterThan(0);
    const inner = await countFindings(t.db, { level: "county", year: 2021, severity: "error" });
    expect(inner.total).toBe(2);
    expect(inner.rule).toEqual([{ value: "t3.results_sum", n: 2 }]);
    expect((await countFindings(t.db, { status: "confirmed" })).total).toBe(0);
  });

  it("counts each facet under every filter but its own, as the listed findings say", async () => {
    const dims = {
      rule: (x: Row) => x.rule,
      severity: (x: Row) => x.severity,
      year: (x: Row) => String(x.year),
      status: (x: Row) => x.status ?? "open",
    } as const;
    type Row = Awaited<ReturnType<typeof listFindings>>[number];
    for (const filter of [
      { severity: "warning", year: 2024 },
      { kind: "government", status: "open", severity: "error" },
      { level: "county", rule: "doc.deadline" },
    ] as const) {
      const counts = await countFindings(t.db, filter);
      expect(counts.total).toBe((await listFindings(t.db, filter, 1, 100_000)).length);
      for (const [dim, value] of Object.entries(dims) as [keyof typeof dims, (x: Row) => string][]) {
        const rows = await listFindings(t.db, { ...filter, [dim]: undefined }, 1, 100_000);
        const want = new Map<string, number>();
        for (const r of rows) want.set(value(r), (want.get(value(r)) ?? 0) + 1);
        const got = new Map(counts[dim].map((c) => [String(c.value), c.n]));
        expect(got, `${dim} under ${JSON.stringify(filter)}`).toEqual(want);
      }
    }
  });

  it("keeps a review through a re-import while the finding is unchanged", async () => {
    const id = (await findReportId(t.db, "阿拉善右旗民政局", 2021))!;
    const [first] = (await listReportFindings(t.db, id)).filter((x) => x.rule === "t3.results_sum");
    expect(await reviewFinding(t.db, { findingId: first.id, status: "confirmed", comment: "已与单位核实", reviewer: "王审核" })).toBe(true);
    const again = await importFile(t.db, sample("seed-alashan-youqi-minzheng-2021.txt"));
    expect(again).toMatchObject({ ok: true, replaced: true, reportId: id });
    expect((await listReportFindings(t.db, id)).find((x) => x.fingerprint === first.fingerprint)).toMatchObject({
      status: "confirmed",
      reviewer: "王审核",
    });
    // Even when the finding rows are written anew, the decision follows the fingerprint.
    await t.db.delete(findingsTable).where(eq(findingsTable.reportId, id));
    await recheckReports(t.db, [id]);
    const after = (await listReportFindings(t.db, id)).find((x) => x.fingerprint === first.fingerprint)!;
    expect(after.id).not.toBe(first.id);
    expect(after).toMatchObject({ status: "confirmed", reviewer: "王审核", comment: "已与单位核实" });
    expect((await countFindings(t.db, { status: "confirmed" })).total).toBe(1);
  });

  it("corrects a cell: history keeps the old value, checks re-run, the finding goes away", async () => {
    const id = (await findReportId(t.db, "阿拉善右旗民政局", 2021))!;
    const before = await listReportFindings(t.db, id);
    expect(before.some((x) => x.rule === "t3.results_sum" && x.message.startsWith("表三 社会公益组织列"))).toBe(true);
    const r = await correctCell(t.db, {
      reportId: id,
      key: "t3.total_handled.public_interest",
      value: 4,
      reason: "原文漏填",
      by: "李填报",
    });
    expect(r).toEqual({ ok: true });
    const report = (await getReport(t.db, id))!;
    expect(report.cells.find((c) => c.key === "t3.total_handled.public_interest")?.value).toBe(4);
    expect(report.report.cellValues["t3.total_handled.public_interest"]).toBe(4);
    const history = await listCellHistory(t.db, id);
    expect(history[0]).toMatchObject({
      key: "t3.total_handled.public_interest",
      oldValue: null,
      oldRaw: "",
      newValue: 4,
      changedBy: "李填报",
      reason: "原文漏填",
    });
    const after = await listReportFindings(t.db, id);
    expect(after.some((x) => x.rule === "t3.results_sum" && x.message.startsWith("表三 社会公益组织列"))).toBe(false);
    // The balance rule now sees 4 handled with nothing received: a new error, said with figures.
    expect(after.some((x) => x.rule === "t3.balance" && x.message.includes("社会公益组织列"))).toBe(true);
    expect(
      await correctCell(t.db, { reportId: id, key: "t3.total_handled.public_interest", value: 4, reason: "x", by: "y" }),
    ).toMatchObject({ ok: false });
  });

  it("re-checks next year's report when a year is imported", async () => {
    const id2025 = (await findReportId(t.db, "平潭综合实验区财政金融局", 2025))!;
    const similarBefore = (await listReportFindings(t.db, id2025)).filter((x) => x.rule === "doc.similarity");
    expect(similarBefore).toHaveLength(1);
    // Replace 2024 with a report whose prose differs: 2025's similarity finding must go.
    const html = readFileSync(path.join(SAMPLES, "pingtan-czj-2024.html"), "utf8").replace(
      /<p[^>]*>[^<]{40,}<\/p>/g,
      "<p>本段已改写。</p>",
    );
    const r = await importFile(t.db, { name: "czj-2024-rewritten.html", bytes: new TextEncoder().encode(html) });
    expect(r.ok).toBe(true);
    expect((await listReportFindings(t.db, id2025)).filter((x) => x.rule === "doc.similarity")).toHaveLength(0);
  });

  it("counts findings per year for an agency", async () => {
    const pingtan = (await getReport(t.db, (await findReportId(t.db, "平潭综合实验区", 2020))!))!.agency.id;
    const byYear = await listAgencyFindingsByYear(t.db, pingtan);
    const y2020 = byYear.find((y) => y.year === 2020)!;
    expect(y2020.errors).toBe(2);
    expect(y2020.rules).toContain("t3.results_sum");
    expect(byYear.find((y) => y.year === 2024)?.warnings).toBeGreaterThan(0);
    expect(byYear.some((y) => y.year === 2017)).toBe(false);
  });

  it("checks a draft against last year's stored report without storing it", async () => {
    const parsed = parseReport(sample("pingtan-2024.html"));
    if (!parsed.ok) throw new Error(parsed.error);
    const r = parsed.report;
    const before = await countFindings(t.db, {});
    const { findings, prevReportId } = await checkDraft(
      t.db,
      { format: r.format, cells: r.cells, year: 2024, publishedOn: "2025-04-02", narrative: r.narrative },
      "平潭综合实验区",
    );
    expect(prevReportId).toBe(await findReportId(t.db, "平潭综合实验区", 2023));
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["y.in_force_roll", "doc.deadline"]));
    expect(findings.find((f) => f.rule === "doc.deadline")?.message).toBe("发布日期 2025-04-02 晚于法定期限 2025-03-31（晚 2 天）");
    expect((await countFindings(t.db, {})).total).toBe(before.total);
  });

  it("re-checks a whole year", async () => {
    const r = await recheckYear(t.db, 2024);
    expect(r.reports).toBe(4);
    expect(r.findings).toBeGreaterThan(0);
  });

  it("keeps the finding_stats rollup equal to the findings through re-imports, re-checks and a deleted report", async () => {
    const direct = async () =>
      rowsOf<{ k: string; n: number }>(
        await t.db.execute(sql`
          select concat_ws('|', a.region_id, a.kind, f.year, f.rule, f.severity) as k, count(*)::int as n
          from findings f join reports r on r.id = f.report_id join agencies a on a.id = r.agency_id
          group by 1 order by 1`),
      );
    const rollup = async () =>
      rowsOf<{ k: string; n: number }>(
        await t.db.execute(
          sql`select concat_ws('|', region_id, kind, year, rule, severity) as k, n from finding_stats where n <> 0 order by 1`,
        ),
      );
    expect((await direct()).length).toBeGreaterThan(5);
    expect(await rollup()).toEqual(await direct());
    await importFile(t.db, sample("pingtan-2023.html"), {
      regionChain: [{ name: "福建省", level: "province" }],
      kind: "government",
      agency: "平潭综合实验区",
    });
    await recheckYear(t.db, 2021);
    expect(await rollup()).toEqual(await direct());
    // A report deleted by hand (its findings cascade) leaves no count behind.
    const id = (await findReportId(t.db, "平潭综合实验区", 2020))!;
    await t.db.execute(sql`delete from reports where id = ${id}`);
    expect(await rollup()).toEqual(await direct());
    expect((await countFindings(t.db, {})).total).toBe((await listFindings(t.db, {}, 1, 100_000)).length);
  });
});
