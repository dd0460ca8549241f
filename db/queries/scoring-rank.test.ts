/**
 * The ranking page ranked in SQL (scoring-rank.ts) against the ranking scored in JavaScript
 * (getRanking, pinned by the golden tests): the same order, ranks, points, changes and reasons,
 * page by page, on both bases, with ties, late and undated reports, findings, a dismissed finding,
 * corrected cases and an assessor's entries.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/db";
import { seedDemo } from "../../pipeline/seed";
import { agencies, findings, regions, reports } from "../schema";
import { CONSISTENCY_RULES } from "../../lib/scoring/default-rubric";
import { reviewFinding } from "./findings";
import { recheckReports } from "./checks";
import { refreshFiguresForReports } from "./figures";
import { DEFAULT_RUBRIC_ID, getRubric, saveRubricVersion } from "./rubrics";
import { getRanking, saveScoreEntry } from "./scoring";
import type { Scope } from "./scoring-evidence";
import { getRankingPage } from "./scoring-rank";
import type { RankBasis, RankedRow } from "../../lib/scoring/rank";

// Names whose pinyin order differs from their code-point order, so that ties test the collation.
const NAMES = ["阿拉善", "北京", "重庆", "淮安", "平潭", "长沙", "示例", "东莞", "鄂州", "广州", "杭州", "济南"];
const SUFFIX = ["民政局", "财政局", "教育局"];

const view = (r: RankedRow) => [r.agency, r.rank, r.points, r.change, r.unranked, r.score.total];

for (const driver of TEST_DRIVERS) {
  describe(`ranking in SQL (${driver})`, () => {
    let t: TestDatabase;
    let pt = 0;

    beforeAll(async () => {
      t = await openTestDatabase(driver);
      await seedDemo(t.db);
      // The rubric first: its rollup rows then follow each change below, as in a running system.
      await getRubric(t.db, DEFAULT_RUBRIC_ID);
      const [region] = await t.db.select().from(regions).where(eq(regions.name, "平潭综合实验区"));
      pt = region.id;
      const [src] = await t.db.select().from(agencies).where(eq(agencies.name, "平潭综合实验区财政金融局"));
      const made: number[] = [];
      let n = 0;
      for (const a of NAMES)
        for (const s of SUFFIX) {
          n++;
          const [ag] = await t.db
            .insert(agencies)
            .values({ name: `${a}${s}`, regionId: pt, kind: "department", initials: "x" })
            .returning({ id: agencies.id });
          // Copies of one real report pair with the dates and cells that scoring reads varied:
          // on time, late, undated; a corrected case or two; a broken balance for a finding.
          const rows = await t.db.execute(sql`
            insert into reports (agency_id, year, format, mixed_format, published_on, source_name, source_kind, source_text, narrative, cell_values, parser_version)
            select ${sql.raw(String(ag.id))}, year, format, mixed_format,
                   case ${sql.raw(String(n % 4))} when 0 then null when 1 then published_on else make_date(year + 1, ${sql.raw(String(1 + (n % 3)))}, 20) end,
                   source_name, source_kind, source_text, narrative,
                   cell_values || jsonb_build_object('t4.review.corrected', ${sql.raw(String(n % 3))}) ||
                     case when ${sql.raw(String(n % 5))} = 0 then jsonb_build_object('t3.received.total', 999) else '{}'::jsonb end,
                   parser_version
            from reports where agency_id = ${sql.raw(String(src.id))} and (year = 2025 or ${sql.raw(String(n % 6))} <> 0)
            returning id`);
          made.push(...(Array.isArray(rows) ? rows : (rows as unknown as { rows: { id: number }[] }).rows).map((r) => Number(r.id)));
        }
      await refreshFiguresForReports(t.db, made);
      await recheckReports(t.db, made);
      // A report's findings of the rules the rubric counts, all dismissed by a reviewer: they no longer count.
      const counted = await t.db
        .select()
        .from(findings)
        .where(and(inArray(findings.reportId, made), inArray(findings.rule, CONSISTENCY_RULES), eq(findings.year, 2025)));
      expect(counted.length).toBeGreaterThan(0);
      for (const f of counted.filter((x) => x.reportId === counted[0].reportId))
        await reviewFinding(t.db, { findingId: f.id, status: "dismissed", comment: "", reviewer: "test" });
    }, 240_000);
    afterAll(async () => t?.close());

    it("gives the pages, ranks and points of the JavaScript ranking", async () => {
      const rubric = (await getRubric(t.db, DEFAULT_RUBRIC_ID))!;
      const [first] = await t.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, "北京民政局"));
      const check = async (scope: Scope, year: number, basis: RankBasis | undefined) => {
        const whole = await getRanking(t.db, scope, year, rubric, basis);
        const perPage = 7;
        const seen: RankedRow[] = [];
        let leaders: RankedRow[] = [];
        for (let page = 1; page <= Math.ceil(whole.rows.length / perPage); page++) {
          const p = await getRankingPage(t.db, scope, year, rubric, { basis, page, perPage, top: 10 });
          expect(p.basis).toBe(whole.basis);
          expect(p.total).toBe(whole.rows.length);
          expect(p.ranked).toBe(whole.rows.filter((r) => r.rank !== null).length);
          expect(p.pending).toBe(whole.rows.filter((r) => r.pending.length > 0).length);
          seen.push(...p.rows);
          leaders = p.leaders;
        }
        expect(seen.map(view)).toEqual(whole.rows.map(view));
        expect(leaders.map(view)).toEqual(
          whole.rows
            .filter((r) => r.rank !== null)
            .slice(0, 10)
            .map(view),
        );
        return whole.rows;
      };
      const rows = await check({ regionId: pt }, 2025, undefined);
      // The data must make the comparison mean something: ranked and unranked rows, ties, changes.
      expect(rows.filter((r) => r.rank !== null).length).toBeGreaterThan(5);
      expect(rows.some((r) => r.rank === null && r.reportId !== null)).toBe(true);
      expect(new Set(rows.map((r) => r.rank)).size).toBeLessThan(rows.length);
      expect(rows.some((r) => r.change !== null && r.change !== 0)).toBe(true);
      await check({ regionId: pt }, 2025, "total");
      await check({}, 2024, "auto");
      await check({ level: "county" }, 2025, undefined);
      // An assessor's entries: an override of an automatic item and both manual items for one agency.
      const entry = { agencyId: first.id, year: 2025, rubricId: rubric.id, rubricVersion: rubric.version, action: "set" as const, by: "t" };
      for (const [indicatorId, points] of [
        ["on_time", 1],
        ["column", 2],
        ["accessible", 0.5],
      ] as const)
        expect((await saveScoreEntry(t.db, { ...entry, indicatorId, points, reason: "核实" })).ok).toBe(true);
      await check({ regionId: pt }, 2025, "total");
      await check({ regionId: pt }, 2025, "auto");
      await check({}, 2025, undefined);
      // A new rubric version: its points computed for every stored report when it is saved.
      const d = structuredClone(rubric.definition);
      d.indicators = d.indicators.map((x) => (x.method.kind === "findings" ? { ...x, method: { ...x.method, deduct: 0.5 } } : x));
      const saved = await saveRubricVersion(t.db, { id: rubric.id, name: rubric.name, definition: d, by: "t" });
      expect(saved.ok).toBe(true);
      const next = (await getRubric(t.db, rubric.id))!;
      expect(next.version).toBe(rubric.version + 1);
      const whole = await getRanking(t.db, { regionId: pt }, 2025, next, "auto");
      const p = await getRankingPage(t.db, { regionId: pt }, 2025, next, { basis: "auto", page: 1, perPage: 100, top: 10 });
      expect(p.rows.map(view)).toEqual(whole.rows.map(view));
    }, 120_000);

    it("a page past the end shows the last page", async () => {
      const rubric = (await getRubric(t.db, DEFAULT_RUBRIC_ID))!;
      const p = await getRankingPage(t.db, { regionId: pt }, 2025, rubric, { page: 99, perPage: 10, top: 5 });
      expect(p.rows.length).toBeGreaterThan(0);
      expect(p.rows.length).toBe(p.total - Math.floor((p.total - 1) / 10) * 10);
      expect(await t.db.$count(reports)).toBeGreaterThan(30);
    });
  });
}
