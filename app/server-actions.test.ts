/**
 * Every server action passes one door (app/server-action.ts → db/queries/actions.ts). This test
 * lists every export of every 'use server' file under app/ and fails on one that is not made by
 * the wrapper from a declared write; then it drives the real actions' definitions against real
 * databases (PGlite, and Postgres when DATABASE_URL is set) as strangers and as the right users.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createDemoAccounts } from "@/db/accounts";
import { seedDemo } from "@/pipeline/seed";
import { auditLog, postCountCorrections } from "@/db/schema";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../test/db";
import { runAction, type ActionActor, type ActionDef } from "@/db/queries/actions";
import { listAgenciesWithYears } from "@/db/queries/agencies";
import { findReportId } from "@/db/queries/reports";
import { WRITES, type WriteKind } from "@/db/queries/write-targets";
import { createUser, getSessionActor, signIn } from "@/db/queries/users";

const APP = path.resolve(__dirname);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(f) && !f.endsWith(".test.ts") ? [p] : [];
  });
}

const serverFiles = walk(APP).filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8")));

describe("every server action is wrapped and declared", () => {
  it("finds the 'use server' files", () => {
    expect(serverFiles.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of serverFiles) {
    const rel = path.relative(APP, file);
    it(`${rel}: exports only serverAction(...) / formStateAction(...) of a declared write`, async () => {
      const src = readFileSync(file, "utf8");
      const exports = [...src.matchAll(/^export\s+(?:default\s+)?(async\s+function|function|const|let|var|class|\{|\*)\s*(\w*)/gm)];
      const names: string[] = [];
      for (const [line, kind, name] of exports) {
        // Types are erased; anything else must be a wrapped action.
        if (/^export\s+(type|interface)\b/.test(line)) continue;
        expect(kind, `${rel}: "${line.trim()}" — export server actions as \`export const x = serverAction(defineAction({...}))\``).toBe(
          "const",
        );
        expect(src, `${rel}: ${name} is not made by serverAction/formStateAction`).toMatch(
          new RegExp(`export const ${name} = (serverAction|formStateAction)\\(`),
        );
        names.push(name);
      }
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const runtime = Object.entries(mod).filter(([, v]) => typeof v === "function");
      expect(runtime.map(([n]) => n).sort()).toEqual(names.sort());
      for (const [name, fn] of runtime) {
        const def = (fn as { def?: ActionDef<never, WriteKind, unknown, unknown> }).def;
        expect(def, `${rel}: ${name} has no definition (not wrapped)`).toBeDefined();
        expect(Object.keys(WRITES), `${rel}: ${name} declares an unknown write "${def!.write}"`).toContain(def!.write);
      }
    });
  }
});

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

describe.each(TEST_DRIVERS)("server actions against %s", (driver) => {
  let t: TestDatabase;
  const actors: Record<string, ActionActor> = { anonymous: null };
  let pingtan: number;
  let alashan: number;
  let report: number;

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    await seedDemo(t.db);
    await createDemoAccounts(t.db);
    const list = await listAgenciesWithYears(t.db);
    pingtan = list.find((a) => a.name === "平潭综合实验区")!.id;
    const ala = list.find((a) => a.name === "阿拉善右旗民政局")!;
    alashan = ala.id;
    report = (await findReportId(t.db, "平潭综合实验区", 2020))!;
    await createUser(t.db, {
      username: "nm-filer",
      password: "password-123",
      displayName: "阿右旗填报人",
      role: "filer",
      agencyIds: [ala.id],
    });
    for (const [key, user, pw] of [
      ["filer", "filer", "demo-filer-2026"],
      ["viewer", "viewer", "demo-viewer-2026"],
      ["outFiler", "nm-filer", "password-123"],
    ] as const) {
      const r = await signIn(t.db, user, pw, "127.0.0.1");
      if (!r.ok) throw new Error(r.reason);
      actors[key] = await getSessionActor(t.db, r.token);
    }
  });
  afterAll(async () => t?.close());

  const postRows = () => t.db.select().from(postCountCorrections).where(eq(postCountCorrections.reportId, report));
  const postAudits = () =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "posts.correct"), eq(auditLog.target, `report:${report}`)));

  it("correctPostCount: a stranger, a viewer and another agency's filer change nothing (was: anyone could)", async () => {
    const { correctPostCount } = await import("./agencies/[id]/actions");
    const before = await postRows();
    for (const who of ["anonymous", "viewer", "outFiler"]) {
      await runAction(
        t.db,
        actors[who],
        correctPostCount.def,
        form({ agencyId: String(pingtan), reportId: String(report), channel: "website", value: "99999" }),
      );
      await runAction(
        t.db,
        actors[who],
        correctPostCount.def,
        form({ agencyId: String(pingtan), reportId: String(report), channel: "website", value: "", reset: "1" }),
      );
    }
    // The agency named in the form must be the report's: a filer of another agency cannot borrow it.
    await runAction(
      t.db,
      actors.outFiler,
      correctPostCount.def,
      form({ agencyId: String(alashan), reportId: String(report), channel: "website", value: "5" }),
    );
    await runAction(
      t.db,
      actors.filer,
      correctPostCount.def,
      form({ agencyId: String(alashan), reportId: String(report), channel: "website", value: "5" }),
    );
    expect(await postRows()).toEqual(before);
    expect(await postAudits()).toHaveLength(0);
  });

  it("correctPostCount: the agency's filer saves and withdraws, each audited in the same transaction", async () => {
    const { correctPostCount } = await import("./agencies/[id]/actions");
    const r = await runAction(
      t.db,
      actors.filer,
      correctPostCount.def,
      form({ agencyId: String(pingtan), reportId: String(report), channel: "website", value: "123", comment: "原文为 123" }),
    );
    expect(r.revalidate).toEqual([`/agencies/${pingtan}`]);
    expect(await postRows()).toMatchObject([{ channel: "website", value: 123, correctedBy: "平潭填报人" }]);
    await runAction(
      t.db,
      actors.filer,
      correctPostCount.def,
      form({ agencyId: String(pingtan), reportId: String(report), channel: "website", value: "", reset: "1" }),
    );
    expect(await postRows()).toHaveLength(0);
    const audits = await postAudits();
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.username)).toEqual(["filer", "filer"]);
  });

  it("refuses in Chinese, never with zod's English or internal text", async () => {
    const { correctCellAction } = await import("./reports/[id]/actions");
    const { saveScoreEntryAction } = await import("./scoring/[agencyId]/[year]/actions");
    const bad = await runAction(t.db, actors.filer, correctCellAction.def, form({ reportId: "abc", key: "nope", value: "x", reason: "" }));
    expect(bad.result).toMatchObject({ ok: false });
    const err = (bad.result as { error: string }).error;
    expect(err).toMatch(/[\u4e00-\u9fff]/);
    expect(err).not.toMatch(/[A-Za-z]{4,}/);
    const score = await runAction(
      t.db,
      actors.anonymous,
      saveScoreEntryAction.def,
      form({ agencyId: String(pingtan), year: "2024", rubricId: "1", rubricVersion: "1", indicatorId: "x", action: "set", points: "1" }),
    );
    expect((score.result as { error: string }).error).toMatch(/请先登录/);
  });
});
