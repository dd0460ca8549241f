/**
 * Scoring on the real stack: the demo reports stored in PGlite (and Postgres when DATABASE_URL is
 * set), evidence gathered from the stored findings, entries written with history, rankings.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RUBRIC } from "../../lib/scoring/default-rubric";
import { openTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/db";
import { seedDemo } from "../../pipeline/seed";
import { agencies, findings, findingReviews, regions } from "../schema";
import { getRanking, getScoreSheet, saveScoreEntry } from "./scoring";
import { rubricCellKeys } from "./scoring-evidence";
import {
  createRubric,
  DEFAULT_RUBRIC_ID,
  ensureDefaultRubric,
  getRubric,
  listRubrics,
  listRubricVersions,
  saveRubricVersion,
} from "./rubrics";
import { rowsOf } from "./rows";
import { cellVectorSlotsSql, cellsFromVectorText } from "../../lib/report/cell-vector";
import { findReportId } from "./reports";

for (const driver of TEST_DRIVERS) {
  describe(`scoring (${driver})`, () => {
    let t: TestDatabase;
    // The scoring tables arrive with a migration generated from db/schema.ts; until it is
    // generated (npm run db:generate) there is nothing to test against.
    let ready = false;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      t = await openTestDatabase(driver);
      const res = await t.db.execute(sql`select to_regclass('public.score_items') is not null as ok`);
      // postgres-js returns the rows, PGlite an object holding them.
      const rows = (Array.isArray(res) ? res : (res as unknown as { rows: unknown[] }).rows) as { ok: boolean }[];
      ready = rows[0]?.ok === true;
      if (!ready) console.warn("scoring tables missing: generate the migration (npm run db:generate) to run these tests");
      if (!ready) return;
      await seedDemo(t.db);
      for (const a of await t.db.select().from(agencies)) ids[a.name] = a.id;
    }, 240_000);
    afterAll(async () => t?.close());

    it("the default rubric is stored once as rubric 1, version 1", async (ctx) => {
      if (!ready) ctx.skip();
      await ensureDefaultRubric(t.db);
      await ensureDefaultRubric(t.db);
      expect(await listRubricVersions(t.db, DEFAULT_RUBRIC_ID)).toHaveLength(1);
      const r = await getRubric(t.db, DEFAULT_RUBRIC_ID);
      expect(r?.definition).toEqual(DEFAULT_RUBRIC);
    });

    it("evidence from the stored reports gives the golden points (平潭 county, 2024)", async (ctx) => {
      if (!ready) ctx.skip();
      const rubric = (await getRubric(t.db, DEFAULT_RUBRIC_ID))!;
      const [pt] = await t.db.select().from(regions).where(eq(regions.name, "平潭综合实验区"));
      const { rows } = await getRanking(t.db, { regionId: pt.id }, 2024, rubric, "total");
      expect(rows.map((r) => r.agency).sort()).toEqual(["平潭综合实验区", "平潭综合实验区财政金融局"]);
      const gov = rows.find((r) => r.agency === "平潭综合实验区")!;
      expect(gov.score.total).toBe(12);
      expect(gov.rank).toBeNull();
      expect(gov.unranked).toBe("人工指标未评分（门户网站设年度报告专栏、可获取性）");
      const czj = rows.find((r) => r.agency === "平潭综合实验区财政金融局")!;
      expect(czj.score.total).toBe(17);
      // Before any manual item is entered, the ranking is on the automatic indicators, saying what is pending.
      const auto = await getRanking(t.db, { regionId: pt.id }, 2024, rubric);
      expect(auto.basis).toBe("auto");
      expect(auto.rows.map((r) => [r.agency, r.rank, r.points, r.pending])).toEqual([
        ["平潭综合实验区财政金融局", 1, 17, ["门户网站设年度报告专栏", "可获取性"]],
        ["平潭综合实验区", 2, 12, ["门户网站设年度报告专栏", "可获取性"]],
      ]);
      // Evidence links: the corrected cells of 表四, and the report they belong to.
      const corr = gov.score.items.find((i) => i.indicatorId === "corrections")!;
      expect(corr.evidence).toContainEqual({ kind: "cell", reportId: gov.reportId, key: "t4.suit_after_review.corrected", value: 2 });
    });

    it("manual entries, an override with a reason, history, then a rank and the change over last year", async (ctx) => {
      if (!ready) ctx.skip();
      const rubric = (await getRubric(t.db, DEFAULT_RUBRIC_ID))!;
      const base = { rubricId: rubric.id, rubricVersion: rubric.version, reason: "" };
      const pt = ids.平潭综合实验区;
      const czj = ids.平潭综合实验区财政金融局;
      for (const [agencyId, year] of [
        [pt, 2024],
        [czj, 2024],
        [czj, 2025],
        [pt, 2025],
      ]) {
        expect(
          await saveScoreEntry(t.db, { ...base, agencyId, year, indicatorId: "column", action: "set", points: 2, by: "王评估" }),
        ).toMatchObject({ ok: true });
        expect(
          await saveScoreEntry(t.db, { ...base, agencyId, year, indicatorId: "accessible", action: "set", points: 1, by: "王评估" }),
        ).toMatchObject({ ok: true });
      }
      // An override needs a reason and stays within the indicator's points.
      expect(
        await saveScoreEntry(t.db, {
          ...base,
          agencyId: pt,
          year: 2025,
          indicatorId: "corrections",
          action: "set",
          points: 2,
          by: "李复核",
        }),
      ).toEqual({ ok: false, error: "reason_required" });
      expect(
        await saveScoreEntry(t.db, { ...base, agencyId: pt, year: 2025, indicatorId: "column", action: "set", points: 3, by: "李复核" }),
      ).toEqual({ ok: false, error: "out_of_range" });
      const r = await saveScoreEntry(t.db, {
        ...base,
        agencyId: pt,
        year: 2025,
        indicatorId: "corrections",
        action: "set",
        points: 2,
        reason: "3 件纠错系同一事项",
        by: "李复核",
      });
      expect(r).toEqual({ ok: true, total: 17, complete: true });

      const sheet = (await getScoreSheet(t.db, pt, 2025, rubric))!;
      expect(sheet.score).toMatchObject({ total: 17, complete: true, updatedBy: "李复核" });
      expect(sheet.result.items.find((i) => i.indicatorId === "corrections")).toMatchObject({
        method: "override",
        points: 2,
        autoPoints: 0,
      });
      expect(sheet.history[0]).toMatchObject({
        indicatorId: "corrections",
        oldMethod: "auto",
        oldPoints: 0,
        newMethod: "override",
        newPoints: 2,
        reason: "3 件纠错系同一事项",
        changedBy: "李复核",
      });
      expect(sheet.history).toHaveLength(3);

      const [region] = await t.db.select().from(regions).where(eq(regions.name, "平潭综合实验区"));
      const { rows, basis } = await getRanking(t.db, { regionId: region.id, level: "county" }, 2025, rubric);
      // Every manual item entered: the ranking is on the total again.
      expect(basis).toBe("total");
      expect(rows.map((x) => [x.agency, x.rank, x.score.total, x.change])).toEqual([
        ["平潭综合实验区财政金融局", 1, 19, -1],
        ["平潭综合实验区", 2, 17, 2],
      ]);

      // Clearing the override goes back to the automatic points, and is recorded too.
      expect(
        await saveScoreEntry(t.db, {
          ...base,
          agencyId: pt,
          year: 2025,
          indicatorId: "corrections",
          action: "clear",
          points: null,
          reason: "",
          by: "李复核",
        }),
      ).toEqual({ ok: true, total: 15, complete: true });
      expect((await getScoreSheet(t.db, pt, 2025, rubric))!.history).toHaveLength(4);
    });

    it("a finding dismissed by a reviewer no longer deducts", async (ctx) => {
      if (!ready) ctx.skip();
      const rubric = (await getRubric(t.db, DEFAULT_RUBRIC_ID))!;
      const id = (await findReportId(t.db, "平潭综合实验区财政金融局", 2025))!;
      const [f] = await t.db.select().from(findings).where(eq(findings.reportId, id));
      expect(f.rule).toBe("doc.similarity");
      const before = await getScoreSheet(t.db, ids.平潭综合实验区财政金融局, 2025, rubric);
      expect(before!.result.items.find((i) => i.indicatorId === "similarity")!.points).toBe(0);
      await t.db
        .insert(findingReviews)
        .values({ reportId: id, fingerprint: f.fingerprint, status: "dismissed", reviewer: "赵", comment: "模板化内容" });
      const after = await getScoreSheet(t.db, ids.平潭综合实验区财政金融局, 2025, rubric);
      expect(after!.result.items.find((i) => i.indicatorId === "similarity")!.points).toBe(1);
    });

    it("rubrics are versioned: an edit adds a version, the old one stays, scores keep theirs", async (ctx) => {
      if (!ready) ctx.skip();
      const v1 = (await getRubric(t.db, DEFAULT_RUBRIC_ID))!;
      const edited = {
        ...v1.definition,
        indicators: v1.definition.indicators.map((x) =>
          x.id === "on_time" ? { ...x, max: 5, method: { kind: "deadline" as const, deduct: 5 } } : x,
        ),
      };
      expect(await saveRubricVersion(t.db, { id: DEFAULT_RUBRIC_ID, name: v1.name, definition: v1.definition, by: "王评估" })).toEqual({
        ok: true,
        version: v1.version,
        unchanged: true,
      });
      expect(await saveRubricVersion(t.db, { id: DEFAULT_RUBRIC_ID, name: v1.name, definition: edited, by: "王评估" })).toEqual({
        ok: true,
        version: v1.version + 1,
        unchanged: false,
      });
      expect((await getRubric(t.db, DEFAULT_RUBRIC_ID))!.definition.indicators[0].max).toBe(5);
      expect((await getRubric(t.db, DEFAULT_RUBRIC_ID, v1.version))!.definition.indicators[0].max).toBe(3);
      // The built-in default is not re-added over an assessor's edit.
      await ensureDefaultRubric(t.db);
      expect(await listRubricVersions(t.db, DEFAULT_RUBRIC_ID)).toHaveLength(2);
      // The score saved under version 1 still reads against version 1.
      const sheet = (await getScoreSheet(t.db, ids.平潭综合实验区, 2025, v1))!;
      expect(sheet.score?.rubricVersion).toBe(v1.version);
      const created = await createRubric(t.db, {
        name: "只看按时发布",
        definition: { description: "", indicators: [DEFAULT_RUBRIC.indicators[0]] },
        by: "王评估",
      });
      expect(created.id).toBeGreaterThan(1);
      expect((await listRubrics(t.db)).map((r) => [r.id, r.version])).toEqual([
        [1, 2],
        [created.id, 1],
      ]);
    });

    it("reads only the rubric's cells, with the values the whole vector gives (blank and absent kept apart)", async (ctx) => {
      if (!ready) ctx.skip();
      const keys = [...rubricCellKeys(DEFAULT_RUBRIC), "t2.licensing.processed", "no.such.key"];
      const rows = rowsOf<{ all: string; some: string }>(
        await t.db.execute(sql`select cell_vector::text as all, ${sql.raw(cellVectorSlotsSql("cell_vector", keys))} as some from reports`),
      );
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) {
        const all = cellsFromVectorText(r.all);
        const want = Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]]));
        expect(cellsFromVectorText(r.some, keys)).toEqual(want);
      }
      expect(rows.some((r) => Object.keys(cellsFromVectorText(r.some, keys)).length > 0)).toBe(true);
    });
  });
}
