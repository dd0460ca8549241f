import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { decide, decideAll, type Actor } from "../../lib/auth/permissions";
import { createDemoAccounts } from "../accounts";
import { seedDemo } from "../../pipeline/seed";
import { sessions, signInFailures } from "../schema";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../../test/db";
import { listAgenciesWithYears } from "./agencies";
import { listAudit, recordAudit } from "./audit";
import { listReportFindings } from "./findings";
import { findReportId } from "./reports";
import { SIGN_IN_LIMIT, createUser, getSessionActor, signIn, signOut, updateUser } from "./users";
import { openRectifications } from "./rectifications";
import { WRITES, writeTarget, writeTargets, type WriteKind } from "./write-targets";

describe.each(TEST_DRIVERS)("users, sessions and permissions on %s", (driver) => {
  let t: TestDatabase;
  const actors: Record<string, Actor | null> = {};
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    await seedDemo(t.db);
    await createDemoAccounts(t.db);
    for (const name of ["admin", "filer", "assessor", "viewer"]) {
      const pw = `demo-${name}-2026`;
      const r = await signIn(t.db, name, pw, "127.0.0.1");
      if (!r.ok) throw new Error(`${name}: ${r.reason}`);
      actors[name] = await getSessionActor(t.db, r.token);
    }
    // An assessor of another province and a filer of another agency: outside the scope.
    const list = await listAgenciesWithYears(t.db);
    const alashan = list.find((a) => a.name === "阿拉善右旗民政局")!;
    const other = await createUser(t.db, {
      username: "nm-assessor",
      password: "password-123",
      displayName: "内蒙古评估员",
      role: "assessor",
      scopeRegionId: alashan.regionId,
    });
    const otherFiler = await createUser(t.db, {
      username: "nm-filer",
      password: "password-123",
      displayName: "阿右旗填报人",
      role: "filer",
      agencyIds: [alashan.id],
    });
    for (const [key, u] of [
      ["outAssessor", other],
      ["outFiler", otherFiler],
    ] as const) {
      const r = await signIn(t.db, u.username, "password-123", "127.0.0.1");
      if (!r.ok) throw new Error(r.reason);
      actors[key] = await getSessionActor(t.db, r.token);
    }
    actors.anonymous = null;
    ids.pingtan = list.find((a) => a.name === "平潭综合实验区")!.id;
    ids.pingtanRegion = list.find((a) => a.name === "平潭综合实验区")!.regionId;
    ids.report2020 = (await findReportId(t.db, "平潭综合实验区", 2020))!;
    ids.finding2020 = (await listReportFindings(t.db, ids.report2020))[0].id;
    ids.alashanFinding = (await listReportFindings(t.db, (await findReportId(t.db, "阿拉善右旗民政局", 2021))!))[0].id;
    ids.item = (await openRectifications(t.db, { findingIds: [ids.finding2020], dueOn: "2030-01-01", note: "", by: "test" })).created[0].id;
  });
  afterAll(async () => t?.close());

  it("signs in with the right password only, and a session names the user's role and scope", async () => {
    expect(actors.filer).toMatchObject({ name: "平潭填报人", role: "filer", scopePath: null });
    expect(actors.filer!.agencyIds).toHaveLength(2);
    expect(actors.assessor!.scopePath).toMatch(/^\/\d+\/$/);
    expect(await signIn(t.db, "viewer", "wrong", "10.0.0.9")).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await signIn(t.db, "nobody", "x", "10.0.0.9")).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await getSessionActor(t.db, "not-a-token")).toBeNull();
  });

  it("stores a password only as an argon2id hash", async () => {
    const u = await createUser(t.db, { username: "hash-check", password: "s3cret-pass", displayName: "x", role: "viewer" });
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u.passwordHash).not.toContain("s3cret-pass");
  });

  it("throttles guessing per user name", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT; i++) await signIn(t.db, "admin", `guess-${i}`, `10.1.0.${i}`);
    expect(await signIn(t.db, "admin", "demo-admin-2026", "10.1.0.99")).toEqual({ ok: false, reason: "throttled" });
    await t.db.delete(signInFailures);
    expect((await signIn(t.db, "admin", "demo-admin-2026", "10.1.0.99")).ok).toBe(true);
  });

  it("cannot be raced: parallel wrong passwords get at most the limit's verifications, then even the right one waits", async () => {
    // Before: 40 parallel guesses all read the count before any failure was written (17 verified).
    await createUser(t.db, { username: "race-target", password: "right-password-1", displayName: "x", role: "viewer" });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(t.db, "race-target", `wrong-${i}`, `10.7.0.${i}`)));
    const verified = results.filter((r) => !r.ok && r.reason === "bad_credentials").length;
    expect(verified).toBe(SIGN_IN_LIMIT);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(40 - SIGN_IN_LIMIT);
    expect(await signIn(t.db, "race-target", "right-password-1", "10.7.1.1")).toEqual({ ok: false, reason: "throttled" });
    await t.db.delete(signInFailures);
  });

  it("29 wrong and 1 right in parallel: the right one signs in only within the limit", async () => {
    await createUser(t.db, { username: "race-mixed", password: "right-password-2", displayName: "x", role: "viewer" });
    const tries = Array.from({ length: 30 }, (_, i) => (i === 29 ? "right-password-2" : `wrong-${i}`));
    const results = await Promise.all(tries.map((pw, i) => signIn(t.db, "race-mixed", pw, `10.8.0.${i}`)));
    const checked = results.filter((r) => r.ok || r.reason === "bad_credentials").length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMIT);
    await t.db.delete(signInFailures);
  });

  it("past the limit delays progressively instead of locking out for the whole window", async () => {
    await createUser(t.db, { username: "slow-down", password: "right-password-3", displayName: "x", role: "viewer" });
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    const fail = (n: number, secondsAgo: number) =>
      t.db.insert(signInFailures).values(Array.from({ length: n }, () => ({ key: "user:slow-down", at: ago(secondsAgo) })));
    await fail(SIGN_IN_LIMIT, 40);
    // 5 failures, the last 40 s ago: the 30 s delay has passed — the owner may try again.
    expect((await signIn(t.db, "slow-down", "right-password-3", "10.9.0.1")).ok).toBe(true);
    await t.db.delete(signInFailures);
    await fail(SIGN_IN_LIMIT + 1, 40);
    // 6 failures: 60 s since the last is needed.
    expect(await signIn(t.db, "slow-down", "right-password-3", "10.9.0.2")).toEqual({ ok: false, reason: "throttled" });
    await t.db.delete(signInFailures);
    await fail(SIGN_IN_LIMIT + 1, 70);
    expect((await signIn(t.db, "slow-down", "right-password-3", "10.9.0.3")).ok).toBe(true);
    await t.db.delete(signInFailures);
  });

  it("counts no address bucket when the address is unknown, so nobody can lock everyone out", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT + 2; i++) await signIn(t.db, `nobody-${i}`, "x", "unknown");
    expect((await signIn(t.db, "viewer", "demo-viewer-2026", "unknown")).ok).toBe(true);
    await t.db.delete(signInFailures);
  });

  it("ends sessions on sign-out, on expiry, and when the account is disabled", async () => {
    const r = await signIn(t.db, "viewer", "demo-viewer-2026", "127.0.0.1");
    if (!r.ok) throw new Error(r.reason);
    expect(await getSessionActor(t.db, r.token)).not.toBeNull();
    await signOut(t.db, r.token);
    expect(await getSessionActor(t.db, r.token)).toBeNull();

    const r2 = await signIn(t.db, "viewer", "demo-viewer-2026", "127.0.0.1");
    if (!r2.ok) throw new Error(r2.reason);
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, actors.viewer!.id));
    expect(await getSessionActor(t.db, r2.token)).toBeNull();

    const r3 = await signIn(t.db, "viewer", "demo-viewer-2026", "127.0.0.1");
    if (!r3.ok) throw new Error(r3.reason);
    await updateUser(t.db, actors.viewer!.id, { disabled: true });
    expect(await getSessionActor(t.db, r3.token)).toBeNull();
    expect(await signIn(t.db, "viewer", "demo-viewer-2026", "127.0.0.1")).toEqual({ ok: false, reason: "disabled" });
    await updateUser(t.db, actors.viewer!.id, { disabled: false });
  });

  // For every writing action: refused to an anonymous user, a user of the wrong role and a user
  // outside the scope; accepted for the right one. Inputs point at 平潭综合实验区.
  const inputs = (): { [K in WriteKind]: unknown } => ({
    "report.import": { agency: "平潭综合实验区" },
    "cell.correct": { reportId: ids.report2020 },
    "posts.correct": { reportId: ids.report2020 },
    "finding.review": { findingId: ids.finding2020 },
    "score.edit": { agencyId: ids.pingtan },
    "rectification.open": { findingIds: [ids.finding2020] },
    "rectification.respond": { itemId: ids.item },
    "rectification.accept": { itemId: ids.item },
    "rectification.return": { itemId: ids.item },
    "rubric.edit": {},
    "user.manage": {},
    "package.import": {},
    "source.edit": { agencyId: ids.pingtan },
    "source.import": { regionId: ids.pingtanRegion },
    "harvest.start": { regionId: ids.pingtanRegion },
    "scan.upload": {},
    "session.sign_in": {},
    "session.sign_out": {},
    "draft.check": {},
  });
  const expectations: Record<WriteKind, { right: string; wrongRole: string; outside: string | null } | "anyone"> = {
    "report.import": { right: "filer", wrongRole: "assessor", outside: "outFiler" },
    "cell.correct": { right: "filer", wrongRole: "viewer", outside: "outFiler" },
    "posts.correct": { right: "filer", wrongRole: "assessor", outside: "outFiler" },
    "finding.review": { right: "assessor", wrongRole: "filer", outside: "outAssessor" },
    "score.edit": { right: "assessor", wrongRole: "filer", outside: "outAssessor" },
    "rectification.open": { right: "assessor", wrongRole: "filer", outside: "outAssessor" },
    "rectification.respond": { right: "filer", wrongRole: "assessor", outside: "outFiler" },
    "rectification.accept": { right: "assessor", wrongRole: "filer", outside: "outAssessor" },
    "rectification.return": { right: "assessor", wrongRole: "viewer", outside: "outAssessor" },
    "rubric.edit": { right: "assessor", wrongRole: "filer", outside: null },
    "user.manage": { right: "admin", wrongRole: "assessor", outside: null },
    "package.import": { right: "admin", wrongRole: "filer", outside: null },
    "source.edit": { right: "assessor", wrongRole: "filer", outside: "outAssessor" },
    "source.import": { right: "assessor", wrongRole: "filer", outside: "outAssessor" },
    "harvest.start": { right: "assessor", wrongRole: "filer", outside: "outAssessor" },
    "scan.upload": { right: "filer", wrongRole: "assessor", outside: null },
    // Signing in and out: nothing to authorize, but declared so they pass the one wrapper and are audited.
    "session.sign_in": "anyone",
    "session.sign_out": "anyone",
    "draft.check": "anyone",
  };

  it("declares an expectation for every kind of write", () => {
    expect(Object.keys(expectations).sort()).toEqual(Object.keys(WRITES).sort());
  });

  for (const kind of Object.keys(WRITES) as WriteKind[]) {
    it(`${kind}: refuses anonymous, wrong role and out of scope; accepts the right user and an admin`, async () => {
      const targets = (await writeTargets(t.db, kind, inputs()[kind] as never)) ?? [];
      const decide = (a: Actor | null, action: Parameters<typeof decideAll>[1]) => decideAll(a, action, targets);
      const e = expectations[kind];
      const action = WRITES[kind].action;
      if (e === "anyone" || action === null) {
        expect([e, action]).toEqual(["anyone", null]);
        return;
      }
      expect(decide(actors.anonymous, action)).toEqual({ ok: false, reason: "signed_out" });
      expect(decide(actors[e.wrongRole], action)).toEqual({ ok: false, reason: "role" });
      if (e.outside) expect(decide(actors[e.outside], action)).toEqual({ ok: false, reason: "scope" });
      expect(decide(actors[e.right], action)).toEqual({ ok: true });
      expect(decide(actors.admin, action)).toEqual({ ok: true });
    });
  }

  it("opens 整改事项 for a set of findings only when every agency in it is within scope", async () => {
    const mixed = await writeTargets(t.db, "rectification.open", { findingIds: [ids.finding2020, ids.alashanFinding] });
    expect(mixed).toHaveLength(2);
    expect(decideAll(actors.assessor, "rectify", mixed!)).toEqual({ ok: false, reason: "scope" });
    expect(decideAll(actors.outAssessor, "rectify", mixed!)).toEqual({ ok: false, reason: "scope" });
    expect(decideAll(actors.admin, "rectify", mixed!)).toEqual({ ok: true });
    // Findings that do not exist touch no agency in anyone's scope but an administrator's.
    const none = await writeTargets(t.db, "rectification.open", { findingIds: [99_999_999] });
    expect(decideAll(actors.assessor, "rectify", none!)).toEqual({ ok: false, reason: "scope" });
  });

  it("lets only an administrator import a report of an agency that does not exist yet", async () => {
    const target = await writeTarget(t.db, "report.import", { agency: "从未出现过的单位" });
    expect(decide(actors.filer, "import", target).ok).toBe(false);
    expect(decide(actors.admin, "import", target).ok).toBe(true);
  });

  it("keeps an audit log with before and after", async () => {
    await recordAudit(t.db, {
      actor: { id: actors.admin!.id, username: "admin" },
      action: "cell.correct",
      target: "report:1",
      before: { value: 1 },
      after: { value: 2 },
    });
    const { rows } = await listAudit(t.db);
    expect(rows[0]).toMatchObject({
      username: "admin",
      action: "cell.correct",
      target: "report:1",
      before: { value: 1 },
      after: { value: 2 },
    });
  });
});
