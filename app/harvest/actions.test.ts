/** The harvest actions through the one door, with real signed-in users on a real database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createDemoAccounts } from "@/db/accounts";
import { seedDemo } from "@/pipeline/seed";
import { auditLog, harvestSources, jobs } from "@/db/schema";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "@/test/db";
import { runAction, type ActionActor } from "@/db/queries/actions";
import { listAgenciesWithYears } from "@/db/queries/agencies";
import { getSessionActor, signIn } from "@/db/queries/users";
import { importSourcesAction, saveSourceAction, startHarvestAction } from "./actions";

const sheet = (rows: string[], regionId: number | "" = "") => {
  const f = new FormData();
  f.set("regionId", String(regionId));
  f.set("sheet", new File([`单位,地区,栏目地址\n${rows.join("\n")}\n`], "来源.csv", { type: "text/csv" }));
  return f;
};
const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

describe.each(TEST_DRIVERS)("harvest actions on %s", (driver) => {
  let t: TestDatabase;
  const actors: Record<string, ActionActor> = {};
  let fujian: number;
  let pingtanRegion: number;
  let jiangsuAgency: number;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    await seedDemo(t.db);
    await createDemoAccounts(t.db);
    for (const name of ["admin", "assessor", "filer"]) {
      const r = await signIn(t.db, name, `demo-${name}-2026`, "127.0.0.1");
      if (!r.ok) throw new Error(r.reason);
      actors[name] = await getSessionActor(t.db, r.token);
    }
    const list = await listAgenciesWithYears(t.db);
    const pt = list.find((a) => a.name === "平潭综合实验区")!;
    pingtanRegion = pt.regionId;
    fujian = Number(actors.assessor!.scopePath!.split("/").filter(Boolean).pop());
    jiangsuAgency = list.find((a) => a.name === "淮安市人民政府")!.id;
  });
  afterAll(async () => t?.close());

  const sources = () => t.db.select().from(harvestSources);

  it("refuses a whole sheet at its first bad row, naming the row, and saves nothing", async () => {
    const bad = await runAction(
      t.db,
      actors.assessor,
      importSourcesAction.def,
      sheet(
        [
          "平潭综合实验区财政金融局,平潭综合实验区,https://www.pingtan.gov.cn/czj/nb/",
          "淮安市人民政府,淮安市,https://www.huaian.gov.cn/nb/",
        ],
        fujian,
      ),
    );
    expect(bad.result).toEqual({ ok: false, error: "第 3 行：无权管理「淮安市人民政府」的来源（不在你的范围内）" });
    const badUrl = await runAction(
      t.db,
      actors.assessor,
      importSourcesAction.def,
      sheet(["平潭综合实验区,平潭综合实验区,www.pingtan.gov.cn"], fujian),
    );
    expect(badUrl.result).toEqual({ ok: false, error: "第 2 行：栏目地址必须是完整的 http:// 或 https:// 网址" });
    const noRegion = await runAction(t.db, actors.assessor, importSourcesAction.def, sheet(["某局,不存在的区,https://x.gov.cn/"], fujian));
    expect(noRegion.result).toEqual({ ok: false, error: "第 2 行：找不到地区「不存在的区」" });
    expect(await sources()).toHaveLength(0);
  });

  it("lets an assessor load their region's sources (creating a new agency), each row audited", async () => {
    const r = await runAction(
      t.db,
      actors.assessor,
      importSourcesAction.def,
      sheet(
        [
          "平潭综合实验区,平潭综合实验区,https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/",
          "平潭综合实验区教育与体育局,福建省/福州市/平潭综合实验区,https://www.pingtan.gov.cn/jtj/nb/",
        ],
        fujian,
      ),
    );
    expect(r.result).toEqual({ ok: true, message: "已导入 2 个来源（新建单位 1 个）" });
    expect(await sources()).toHaveLength(2);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "source.edit"));
    expect(audits.map((a) => a.username)).toEqual(["assessor", "assessor"]);
  });

  it("edits one agency's source only within scope, and starts a harvest only where allowed", async () => {
    const refused = await runAction(
      t.db,
      actors.assessor,
      saveSourceAction.def,
      form({ agencyId: String(jiangsuAgency), listUrl: "https://www.huaian.gov.cn/nb/" }),
    );
    expect(refused.result).toMatchObject({ ok: false });
    const filer = await runAction(
      t.db,
      actors.filer,
      saveSourceAction.def,
      form({ agencyId: String(jiangsuAgency), listUrl: "https://www.huaian.gov.cn/nb/" }),
    );
    expect(filer.result).toMatchObject({ ok: false });
    const admin = await runAction(
      t.db,
      actors.admin,
      saveSourceAction.def,
      form({ agencyId: String(jiangsuAgency), listUrl: "https://www.huaian.gov.cn/nb/" }),
    );
    expect(admin.result).toEqual({ ok: true, message: "已保存栏目地址" });

    expect((await runAction(t.db, actors.assessor, startHarvestAction.def, form({ regionId: "" }))).result).toMatchObject({ ok: false });
    const started = await runAction(t.db, actors.assessor, startHarvestAction.def, form({ regionId: String(pingtanRegion) }));
    expect(started.result).toMatchObject({ ok: true, jobId: expect.any(Number) });
    const [job] = await t.db.select().from(jobs).where(eq(jobs.kind, "harvest"));
    expect(job.payload).toMatchObject({ regionId: pingtanRegion });
    expect(job.createdBy).toBe(actors.assessor!.id);
  });
});
