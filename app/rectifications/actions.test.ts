/**
 * The 整改 loop through the real actions (the one door: zod → role and scope → transaction →
 * audit) on real databases: an assessor opens items from a /findings filter, the filer answers
 * after importing a corrected report and the finding is gone, the assessor returns and accepts;
 * strangers change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, like } from "drizzle-orm";
import { createDemoAccounts } from "@/db/accounts";
import { seedDemo } from "@/pipeline/seed";
import { auditLog, rectificationAttachments, rectifications } from "@/db/schema";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "@/test/db";
import { runAction, type ActionActor } from "@/db/queries/actions";
import { listAgenciesWithYears } from "@/db/queries/agencies";
import { importFile } from "@/pipeline/import";
import { getRectification, listRectifications, summarizeRectifications } from "@/db/queries/rectifications";
import { findReportId } from "@/db/queries/reports";
import { createUser, getSessionActor, signIn } from "@/db/queries/users";
import { beijingToday } from "@/lib/rectification/state";
import { CORRECTED_NAME, correctedPingtan2020 } from "../../test/corrected-report";

const form = (o: Record<string, string | string[] | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
};
const later = (days: number) => new Date(Date.parse(`${beijingToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(TEST_DRIVERS)("整改 loop on %s", (driver) => {
  let t: TestDatabase;
  const actors: Record<string, ActionActor> = { anonymous: null };
  let report: number;
  let region: number;

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    await seedDemo(t.db);
    await createDemoAccounts(t.db);
    const list = await listAgenciesWithYears(t.db);
    const ala = list.find((a) => a.name === "阿拉善右旗民政局")!;
    region = list.find((a) => a.name === "平潭综合实验区")!.regionId;
    await createUser(t.db, {
      username: "nm-filer",
      password: "password-123",
      displayName: "阿右旗填报人",
      role: "filer",
      agencyIds: [ala.id],
    });
    for (const [key, user, pw] of [
      ["filer", "filer", "demo-filer-2026"],
      ["assessor", "assessor", "demo-assessor-2026"],
      ["viewer", "viewer", "demo-viewer-2026"],
      ["outFiler", "nm-filer", "password-123"],
    ] as const) {
      const r = await signIn(t.db, user, pw, "127.0.0.1");
      if (!r.ok) throw new Error(r.reason);
      actors[key] = await getSessionActor(t.db, r.token);
    }
    report = (await findReportId(t.db, "平潭综合实验区", 2020))!;
  }, 120_000);
  afterAll(async () => t?.close());

  const items = () => t.db.select().from(rectifications).where(eq(rectifications.reportId, report));
  const audits = () => t.db.select().from(auditLog).where(like(auditLog.action, "rectification.%"));

  it("opens items for a /findings filter (errors of 2020 under 平潭), once, with a due date; refuses a date in the past and strangers", async () => {
    const { openRectificationsAction } = await import("./actions");
    const filter = { mode: "filter", severity: "error", year: "2020", region: String(region), dueOn: later(30), note: "请更正" };
    for (const who of ["anonymous", "viewer", "filer"]) {
      const r = await runAction(t.db, actors[who], openRectificationsAction.def, form(filter));
      expect(r.result).toMatchObject({ ok: false });
    }
    expect((await runAction(t.db, actors.assessor, openRectificationsAction.def, form({ ...filter, dueOn: "2001-01-01" }))).result).toEqual(
      { ok: false, error: "整改期限不能早于今天" },
    );
    // Every error of every region: 淮安 and 阿拉善 are outside 福建, so nothing is opened and they are named.
    const wide = await runAction(t.db, actors.assessor, openRectificationsAction.def, form({ ...filter, region: "", year: "" }));
    expect((wide.result as { error: string }).error).toMatch(
      /^未下发任何事项：以下单位不在您的权限范围内——.*(淮安市洪泽区人民政府|阿拉善右旗民政局)/,
    );
    expect(await items()).toHaveLength(0);

    const r = await runAction(t.db, actors.assessor, openRectificationsAction.def, form(filter));
    expect(r.result).toEqual({ ok: true, message: "已下发 2 项整改事项" });
    const rows = await items();
    expect(rows.map((i) => i.rule)).toEqual(["t3.results_sum", "t3.results_sum"]);
    expect(rows.every((i) => i.status === "open" && i.dueOn === later(30) && i.note === "请更正" && i.openedBy === "福建评估员")).toBe(
      true,
    );
    // Again: nothing doubled.
    expect((await runAction(t.db, actors.assessor, openRectificationsAction.def, form(filter))).result).toEqual({
      ok: true,
      message: "已下发 0 项整改事项；2 条发现已有整改事项，未重复下发",
    });
    expect(await audits()).toHaveLength(2);
  });

  it("an out-of-scope filer, a viewer and the assessor cannot answer; 'corrected' needs the corrected report imported first", async () => {
    const { respondRectificationAction } = await import("./actions");
    const [item] = await items();
    for (const who of ["anonymous", "viewer", "outFiler", "assessor"]) {
      const r = await runAction(
        t.db,
        actors[who],
        respondRectificationAction.def,
        form({ itemId: String(item.id), kind: "corrected", text: "" }),
      );
      expect(r.result).toMatchObject({ ok: false });
    }
    const early = await runAction(
      t.db,
      actors.filer,
      respondRectificationAction.def,
      form({ itemId: String(item.id), kind: "corrected", text: "" }),
    );
    expect((early.result as { error: string }).error).toMatch(/请先在“导入”页导入更正后的报告/);
    expect((await items()).every((i) => i.status === "open")).toBe(true);
  });

  it("importing the corrected report makes the finding gone; the filer answers, the assessor returns, then accepts", async () => {
    const { respondRectificationAction, acceptRectificationAction, returnRectificationAction } = await import("./actions");
    const before = await listRectifications(t.db, { agencyId: (await items())[0].agencyId });
    expect(before.map((i) => i.dataStatus)).toEqual(["present", "present"]);
    const imported = await importFile(t.db, { name: CORRECTED_NAME, bytes: new Uint8Array(correctedPingtan2020()) });
    expect(imported).toMatchObject({ ok: true, reportId: report, replaced: true });
    const [a, b] = await items();
    expect((await getRectification(t.db, a.id))!.dataStatus).toBe("gone");
    expect((await getRectification(t.db, b.id))!.reimportedAt).not.toBeNull();

    const ok = await runAction(
      t.db,
      actors.filer,
      respondRectificationAction.def,
      form({ itemId: String(a.id), kind: "corrected", text: "已更正部分公开件数" }),
    );
    expect(ok.result).toEqual({ ok: true, message: "已提交反馈，等待评估员复核" });
    // An explanation needs text and a file; with both, the file is kept with the answer.
    const noFile = await runAction(
      t.db,
      actors.filer,
      respondRectificationAction.def,
      form({ itemId: String(b.id), kind: "explained", text: "原文如此" }),
    );
    expect((noFile.result as { error: string }).error).toBe("说明情况时请附上说明材料");
    const file = new File([new TextEncoder().encode("说明材料")], "说明.txt", { type: "text/plain" });
    expect(
      (
        await runAction(
          t.db,
          actors.filer,
          respondRectificationAction.def,
          form({ itemId: String(b.id), kind: "explained", text: "原文如此", attachment: file }),
        )
      ).result,
    ).toMatchObject({ ok: true });
    const [att] = await t.db.select().from(rectificationAttachments).where(eq(rectificationAttachments.rectificationId, b.id));
    expect(new TextDecoder().decode(att.data)).toBe("说明材料");

    // The filer cannot decide; the assessor returns without a reason: refused in Chinese.
    expect((await runAction(t.db, actors.filer, acceptRectificationAction.def, form({ itemId: String(a.id) }))).result).toMatchObject({
      ok: false,
    });
    expect(
      (await runAction(t.db, actors.assessor, returnRectificationAction.def, form({ itemId: String(b.id), reason: "" }))).result,
    ).toEqual({ ok: false, error: "退回时请写明理由" });
    expect(
      (await runAction(t.db, actors.assessor, returnRectificationAction.def, form({ itemId: String(b.id), reason: "说明不充分" }))).result,
    ).toMatchObject({ ok: true });
    expect((await runAction(t.db, actors.assessor, acceptRectificationAction.def, form({ itemId: String(a.id) }))).result).toEqual({
      ok: true,
      message: "已复核通过",
    });
    // Accepting twice: the state says no.
    expect(
      ((await runAction(t.db, actors.assessor, acceptRectificationAction.def, form({ itemId: String(a.id) }))).result as { error: string })
        .error,
    ).toMatch(/当前为“已复核”/);

    const after = await items();
    expect(after.find((i) => i.id === a.id)).toMatchObject({ status: "accepted", reviewedBy: "福建评估员", response: "corrected" });
    expect(after.find((i) => i.id === b.id)).toMatchObject({ status: "open", returnCount: 1, returnReason: "说明不充分", response: null });
    expect((await audits()).map((x) => x.action).sort()).toEqual(
      [
        "rectification.open",
        "rectification.open",
        "rectification.respond",
        "rectification.respond",
        "rectification.return",
        "rectification.accept",
      ].sort(),
    );
  });

  it("counts unfinished and overdue items per region and per agency", async () => {
    const [, b] = await items();
    await t.db.update(rectifications).set({ dueOn: "2020-01-01" }).where(eq(rectifications.id, b.id));
    const [agency] = await summarizeRectifications(t.db, "agency");
    expect(agency).toMatchObject({ name: "平潭综合实验区", total: 2, unfinished: 1, accepted: 1, overdue: 1 });
    const overdue = await listRectifications(t.db, { status: "overdue" });
    expect(overdue.map((i) => i.id)).toEqual([b.id]);
    expect(overdue[0].overdueDays).toBeGreaterThan(365);
  });
});
