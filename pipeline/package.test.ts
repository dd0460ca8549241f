import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { seedDemo } from "./seed";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../test/db";
import { agencies, regions, reports } from "../db/schema";
import { unpackCells } from "../lib/parse/cell-sources";
import { correctCell, listCellHistory, listReportFindings, reviewFinding } from "../db/queries/findings";
import { exportPackage } from "../db/queries/package";
import { importPackage, isPackage } from "./package";
import { findReportId } from "../db/queries/reports";
import { listAudit, recordAudit } from "../db/queries/audit";
import type { Db } from "../db/index";

async function snapshot(db: Db) {
  const rs = await db
    .select({
      agency: agencies.name,
      kind: agencies.kind,
      region: regions.name,
      year: reports.year,
      format: reports.format,
      publishedOn: reports.publishedOn,
      title: reports.title,
      sourceText: reports.sourceText,
      sourceName: reports.sourceName,
      mixed: reports.mixedFormat,
      missing: reports.missingCells,
      unread: reports.unread,
      narrative: reports.narrative,
      headline: reports.headline,
      values: reports.cellValues,
      sources: reports.cellSources,
      id: reports.id,
    })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .orderBy(asc(agencies.name), asc(reports.year));
  const out = [];
  for (const r of rs) {
    // Every cell with its printed text, note and location, as the report page reads them.
    const cells = unpackCells(r.values, r.sources);
    // The same findings; their order follows insertion, which differs between an import and a copy.
    const findings = (await listReportFindings(db, r.id))
      .map((f) => ({ rule: f.rule, message: f.message, status: f.status, reviewer: f.reviewer }))
      .sort((a, b) => `${a.rule}${a.message}`.localeCompare(`${b.rule}${b.message}`));
    const history = (await listCellHistory(db, r.id)).map((h) => ({
      key: h.key,
      oldValue: h.oldValue,
      newValue: h.newValue,
      by: h.changedBy,
    }));
    const { id: _id, values: _v, sources: _s, ...rest } = r;
    out.push({ ...rest, cells, findings, history });
  }
  return out;
}

describe.each(TEST_DRIVERS)("data package from PGlite into %s", (driver) => {
  let from: TestDatabase;
  let to: TestDatabase;
  beforeAll(async () => {
    from = await openTestDatabase("pglite");
    to = await openTestDatabase(driver);
    await seedDemo(from.db);
    // A review and a correction must travel too.
    const id = (await findReportId(from.db, "平潭综合实验区", 2020))!;
    const [f] = await listReportFindings(from.db, id);
    await reviewFinding(from.db, { findingId: f.id, status: "confirmed", comment: "核实", reviewer: "评估员甲" });
    await correctCell(from.db, { reportId: id, key: "t2.rules.total_public", value: 0, reason: "原文笔误", by: "填报人乙" });
  });
  afterAll(async () => {
    await from?.close();
    await to?.close();
  });

  it("moves every report losslessly: cells, raw text, provenance, region, reviews, corrections", async () => {
    const zip = await exportPackage(from.db);
    expect(await isPackage(zip)).toBe(true);
    const results = await importPackage(to.db, zip);
    expect(results.every((r) => r.result.ok)).toBe(true);
    expect(results).toHaveLength(16);
    const [a, b] = [await snapshot(from.db), await snapshot(to.db)];
    expect(b).toEqual(a);
  });

  it("exports one region's subtree only", async () => {
    const [fj] = await from.db.select().from(regions).where(eq(regions.name, "福建省"));
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(await exportPackage(from.db, { regionId: fj.id }));
    const files = Object.keys(zip.files).filter((n) => n.startsWith("reports/") && !n.endsWith("/"));
    expect(files).toHaveLength(12);
    expect(files).toContain("reports/平潭综合实验区-2021.json");
    expect(Object.keys(zip.files)).toContain("sources/平潭综合实验区-2021.txt");
    const doc = JSON.parse(await zip.file("reports/平潭综合实验区-2021.json")!.async("string"));
    expect(doc).toMatchObject({ agency: "平潭综合实验区", year: 2021, format: "2021", published_on: "2022-02-08" });
    expect(doc.cells["t3.received.total"]).toBe(70);
  });

  it("holds a package to the same input rules, each report with its audit row in its own transaction", async () => {
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(
      await exportPackage(from.db, { regionId: (await from.db.select().from(regions).where(eq(regions.name, "内蒙古自治区")))[0]?.id }),
    );
    const name = Object.keys(zip.files).find((n) => n.startsWith("reports/") && n.endsWith(".json"))!;
    const doc = JSON.parse(await zip.file(name)!.async("string"));
    const hostile = [
      { ...doc, agency: "篡改单位甲", cells: { ...doc.cells, "t9.evil": 1 } },
      { ...doc, agency: "篡改单位乙", cells: { ...doc.cells, "t3.received.total": 1e300 } },
      { ...doc, agency: "局".repeat(20_000) },
      { ...doc, agency: "篡改单位丙", year: 9999 },
      { ...doc, agency: "篡改单位丁", cells: { ...doc.cells, "t3.received.total": 4.5 } },
    ];
    const manifest = JSON.parse(await zip.file("manifest.json")!.async("string"));
    manifest.reports = [];
    hostile.forEach((d, k) => {
      zip.file(`reports/hostile-${k}.json`, JSON.stringify(d));
      manifest.reports.push(`reports/hostile-${k}.json`);
    });
    manifest.reports.push(name);
    zip.file("manifest.json", JSON.stringify(manifest));
    const target = await openTestDatabase("pglite");
    try {
      const audited: string[] = [];
      const results = await importPackage(target.db, await zip.generateAsync({ type: "uint8array" }), {
        audit: async (tx, n, r) => {
          await recordAudit(tx, { actor: null, action: "report.create", target: `report:${r.reportId}` });
          audited.push(n);
        },
      });
      expect(results.map((r) => r.result.ok)).toEqual([false, false, false, false, false, true]);
      for (const r of results.slice(0, 5)) expect(!r.result.ok && r.result.error).toMatch(/[\u4e00-\u9fff]/);
      expect(
        results
          .slice(0, 5)
          .map((r) => (!r.result.ok ? r.result.error : ""))
          .join("\n"),
      ).not.toMatch(/Cannot read|Infinity|invalid_type|SQL|select /i);
      // Only the good report is stored, and only it has an audit row.
      expect((await target.db.select().from(reports)).length).toBe(1);
      expect(audited).toEqual([name]);
      expect((await listAudit(target.db)).rows).toHaveLength(1);
    } finally {
      await target.close();
    }
  });

  it("is not fooled by an ordinary zip", async () => {
    const { default: JSZip } = await import("jszip");
    const z = new JSZip();
    z.file("a.txt", "x");
    expect(await isPackage(await z.generateAsync({ type: "uint8array" }))).toBe(false);
  });
});
