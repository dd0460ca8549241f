/**
 * Harvesting the saved mirror of two agencies' websites (data/harvest-site) served on 127.0.0.1,
 * with the bad behaviours real sites have: into a real database, through the real reader.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { PoliteFetcher } from "../lib/harvest/fetcher";
import { startTestSite, type TestSite } from "../test/harvest-site";
import { parseReportAsync } from "../lib/parse/index";
import { countResults, harvestTargets, saveHarvested, type AgencyResult, type HarvestTarget } from "./harvest";
import { createRunner, schedule } from "../db/jobs";
import { findOrCreateAgency, findRegionByName, upsertSource } from "../db/queries/harvest";
import { listYearEvidence } from "../db/queries/harvest-evidence";
import { cancelJob, enqueueJob, getJob } from "../db/queries/jobs";
import { upsertRegionPath } from "../db/queries/regions";
import { harvestVersions, jobs, reports } from "../db/schema";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../test/db";

process.env.HARVEST_DELAY_MS = "20";
// The mirror is served on 127.0.0.1, which the harvester refuses unless told otherwise.
process.env.HARVEST_ALLOW_PRIVATE = "1";
const DELAY = 40;
const fetcher = () =>
  new PoliteFetcher({
    delayMs: DELAY,
    timeoutMs: 800,
    maxBytes: 20 * 1024 * 1024,
    maxRedirects: 5,
    retries: 1,
    backoffMs: 10,
    contact: "tests",
    allowPrivate: true,
  });
const byYear = (r: AgencyResult) => Object.fromEntries(r.items.map((i) => [i.year, i]));

describe.each(TEST_DRIVERS)("harvesting agencies' websites on %s", (driver) => {
  let t: TestDatabase;
  let site: TestSite;
  let targets: HarvestTarget[];
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    site = await startTestSite({ slowMs: 3_000 });
    await upsertRegionPath(t.db, [
      { name: "福建省", level: "province" },
      { name: "福州市", level: "city" },
      { name: "平潭综合实验区", level: "county" },
    ]);
    await upsertRegionPath(t.db, [
      { name: "江苏省", level: "province" },
      { name: "淮安市", level: "city" },
      { name: "洪泽区", level: "county" },
    ]);
    targets = [];
    for (const [agency, region, list] of [
      ["平潭综合实验区", "平潭综合实验区", "/pingtan/zfxxgknb/index.htm"],
      ["淮安市洪泽区人民政府", "江苏省/淮安市/洪泽区", "/hongze/xxgk/nb/index.html"],
    ]) {
      const r = await findRegionByName(t.db, region);
      if ("error" in r) throw new Error(r.error);
      const a = await findOrCreateAgency(t.db, agency, r);
      await upsertSource(t.db, a.id, site.origin + list, "测试");
      targets.push({ agencyId: a.id, agency, listUrl: site.origin + list });
    }
  }, 60_000);
  afterAll(async () => {
    await site?.close();
    await t?.close();
  });

  let first: AgencyResult[];
  it("collects every report on the lists, and says why each bad one failed", async () => {
    first = await harvestTargets(t.db, targets, { fetcher: fetcher(), parse: parseReportAsync, maxListPages: 5 });
    const [pingtan, hongze] = first;
    const p = byYear(pingtan);
    expect(pingtan.status).toBe("done");
    // 2025, 2024: HTML pages; 2023: a page wrapping an old Word .doc; 2022: a GBK page.
    for (const y of [2025, 2024, 2023, 2022]) expect(p[y]?.status, `${y}: ${p[y]?.detail}`).toBe("created");
    expect(p[2021]).toMatchObject({ status: "failed", detail: expect.stringContaining("robots.txt") });
    expect(p[2020]).toMatchObject({ status: "failed", detail: expect.stringContaining("404") });
    // Notices and work plans about reports are not reports; another site's report is not followed.
    expect(Object.keys(p).sort()).toEqual(["2020", "2021", "2022", "2023", "2024", "2025"]);
    expect(pingtan.detail).toContain("不在本单位网站上");

    const h = byYear(hongze);
    expect(h[2024]?.status, h[2024]?.detail).toBe("created");
    expect(h[2023]).toMatchObject({ status: "failed", detail: expect.stringContaining("超时") });
    expect(h[2022]).toMatchObject({ status: "failed", detail: expect.stringContaining("重定向") });
    expect(h[2021]).toMatchObject({ status: "failed", detail: expect.stringContaining("大小上限") });
    expect(hongze.detail).toContain("已停止翻页");
    expect(countResults(first)).toMatchObject({ created: 5, failed: 5 });
  }, 120_000);

  it("keeps provenance: page, attachment, printed date, first seen, content hash", async () => {
    const [pt, hz] = targets;
    const v = await t.db.select().from(harvestVersions).where(eq(harvestVersions.agencyId, hz.agencyId));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({
      year: 2024,
      version: 1,
      printedOn: "2025-01-20",
      pageUrl: `${site.origin}/hongze/xxgk/nb/202501/t20250120_301.html`,
      attachmentUrl: `${site.origin}/hongze/files/P020250120_hzq2024.pdf`,
    });
    expect(v[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    const [doc] = await t.db
      .select()
      .from(harvestVersions)
      .where(and(eq(harvestVersions.agencyId, pt.agencyId), eq(harvestVersions.year, 2023)));
    expect(doc).toMatchObject({ printedOn: "2024-03-08", attachmentUrl: expect.stringMatching(/\.doc$/) });
    const [stored] = await t.db
      .select()
      .from(reports)
      .where(and(eq(reports.agencyId, pt.agencyId), eq(reports.year, 2023)));
    expect(stored.cellValues["t2.normative_docs.issued"]).toBe(77);
    const ev = await listYearEvidence(t.db, [pt.agencyId]);
    expect(ev.find((e) => e.year === 2024)).toMatchObject({ firstSeenAt: expect.any(Date), printedOn: "2025-03-10", versions: 1 });
    // Failed years leave nothing: no report, no version.
    const bad = await t.db
      .select()
      .from(reports)
      .where(and(eq(reports.agencyId, hz.agencyId), sql`${reports.year} in (2021, 2022, 2023)`));
    expect(bad).toHaveLength(0);
  });

  it("is a good citizen: robots.txt, one request at a time with a pause, an honest User-Agent, its own site only", () => {
    expect(site.hits.some((h) => h.path.startsWith("/private/"))).toBe(false);
    expect(site.maxInFlight()).toBe(1);
    expect(site.hits.every((h) => h.ua.includes("DisclosureDashboardHarvester"))).toBe(true);
    const gaps = site.hits.slice(1).map((h, i) => h.at - site.hits[i].at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DELAY - 5);
    expect(site.hits.filter((h) => h.path === "/robots.txt")).toHaveLength(1);
    // The endless list stopped at the page limit; the slow page was tried again once, then given up.
    expect(site.hits.filter((h) => /index_\d+\.html$/.test(h.path)).length).toBeLessThanOrEqual(4);
    expect(site.hits.filter((h) => h.path.endsWith("slow.html"))).toHaveLength(2);
  });

  it("refuses the server's own network unless allowed", async () => {
    const strict = new PoliteFetcher({
      delayMs: 0,
      timeoutMs: 800,
      maxBytes: 1024,
      maxRedirects: 5,
      retries: 0,
      backoffMs: 0,
      contact: "tests",
    });
    const before = site.hits.length;
    const [r] = await harvestTargets(t.db, [targets[0]], { fetcher: strict, parse: parseReportAsync });
    expect(r).toMatchObject({ status: "failed", detail: expect.stringContaining("本机或内部网络") });
    expect(site.hits.length).toBe(before);
  });

  it("never leaves half a report: when its provenance cannot be written, the report is not stored either", async () => {
    const [pt] = targets;
    const parsed = await parseReportAsync({
      name: "page.html",
      bytes: new Uint8Array(readFileSync("data/harvest-site/pingtan/zfxxgknb/202503/t20250310_97791.htm")),
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const doc = {
      agencyId: pt.agencyId,
      agency: pt.agency,
      year: 2019,
      pageUrl: "http://x.gov.cn/nb/2019.htm",
      attachmentUrl: null,
      printedOn: null,
    };
    // Postgres refuses a NUL character in text: the version row (which alone holds the link's
    // title) fails after the report, its cells and findings were written in the same transaction.
    await expect(saveHarvested(t.db, { ...doc, title: "年报\u0000" }, parsed.report, "b")).rejects.toThrow();
    expect(
      await t.db
        .select()
        .from(reports)
        .where(and(eq(reports.agencyId, pt.agencyId), eq(reports.year, 2019))),
    ).toHaveLength(0);
    expect(
      await t.db
        .select()
        .from(harvestVersions)
        .where(and(eq(harvestVersions.agencyId, pt.agencyId), eq(harvestVersions.year, 2019))),
    ).toHaveLength(0);
  });

  it("skips the same content on a second run", async () => {
    const before = await t.db.select({ id: reports.id, at: reports.importedAt }).from(reports);
    const again = await harvestTargets(t.db, targets, { fetcher: fetcher(), parse: parseReportAsync, maxListPages: 5 });
    expect(countResults(again)).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    const after = await t.db.select({ id: reports.id, at: reports.importedAt }).from(reports);
    expect(after).toEqual(before);
    expect(await t.db.select().from(harvestVersions)).toHaveLength(5);
  }, 120_000);

  it("keeps the old version when an agency quietly replaces its report", async () => {
    const file = "data/harvest-site/pingtan/zfxxgknb/202503/t20250310_97791.htm";
    const page = readFileSync(file, "utf8");
    const [pt] = targets;
    const [old] = await t.db
      .select()
      .from(reports)
      .where(and(eq(reports.agencyId, pt.agencyId), eq(reports.year, 2024)));
    const key = "t2.normative_docs.issued";
    const was = old.cellValues[key];
    expect(typeof was).toBe("number");
    // The same page with 行政规范性文件 本年制发件数 changed, as a site would re-publish it.
    const changed = page.replace(new RegExp(`(行政规范性文件[\\s\\S]{0,400}?>\\s*)${was}(\\s*<)`), `$1${Number(was) + 1}$2`);
    expect(changed).not.toBe(page);
    site.replace("/pingtan/zfxxgknb/202503/t20250310_97791.htm", changed);
    const third = await harvestTargets(t.db, [pt], { fetcher: fetcher(), parse: parseReportAsync, years: [2024] });
    expect(byYear(third[0])[2024]?.status).toBe("updated");
    const versions = await t.db
      .select()
      .from(harvestVersions)
      .where(and(eq(harvestVersions.agencyId, pt.agencyId), eq(harvestVersions.year, 2024)))
      .orderBy(harvestVersions.version);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0].cellValues[key]).toBe(was);
    expect(versions[1].cellValues[key]).toBe(Number(was) + 1);
    const [now] = await t.db
      .select()
      .from(reports)
      .where(and(eq(reports.agencyId, pt.agencyId), eq(reports.year, 2024)));
    expect(now.id).toBe(old.id);
    expect(now.cellValues[key]).toBe(Number(was) + 1);
  }, 60_000);

  it("runs as a job, reading in child processes, with progress per agency", async () => {
    const [pt] = targets;
    const id = await enqueueJob(t.db, { kind: "harvest", payload: { agencyIds: [pt.agencyId], years: [2025] } });
    const runner = createRunner(t.db, { kinds: ["harvest"] });
    expect(await runner.drain()).toBe(1);
    const job = await getJob(t.db, id!);
    expect(job?.status, job?.error ?? "").toBe("done");
    expect(job?.progress).toMatchObject({ done: 1, total: 1, results: [{ agency: "平潭综合实验区" }] });
    expect((job!.result as { counts: Record<string, number> }).counts).toMatchObject({ unchanged: 1 });
  }, 60_000);

  it("schedules one harvest a day in January–March, however many instances look at the clock", async () => {
    const jan = new Date("2027-01-15T01:00:00Z");
    await Promise.all([
      schedule(t.db, ["harvest"], jan),
      schedule(t.db, ["harvest"], jan),
      schedule(t.db, ["harvest"], new Date("2027-01-15T17:00:00Z")),
    ]);
    await schedule(t.db, ["harvest"], new Date("2027-06-01T01:00:00Z"));
    await schedule(t.db, ["echo"], new Date("2027-01-16T01:00:00Z"));
    const made = await t.db.select().from(jobs).where(sql`${jobs.key} like 'harvest:%'`);
    // 17:00 UTC is already the 16th in Beijing: a second day, not a second run of the first.
    expect(made.map((j) => j.key).sort()).toEqual(["harvest:2027-01-15", "harvest:2027-01-16"]);
    expect(made[0].payload).toEqual({ scheduled: true });
    for (const j of made) await cancelJob(t.db, j.id);
  });
});
