/** Accounts, sessions, sign-in throttling and the scope lookups the permission checks need. */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { hash, verify } from "@node-rs/argon2";
import type { Actor, Target } from "../../lib/auth/permissions";
import type { Db } from "../index";
import { agencies, findings, rectifications, regions, reports, sessions, signInFailures, userAgencies, users, type Role } from "../schema";

export const SESSION_HOURS = Number(process.env.SESSION_HOURS ?? 12);
/** At most this many failed sign-ins per user name, and per address, in the window. */
export const SIGN_IN_LIMIT = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;
/**
 * Past the limit, a progressive delay rather than a lockout: one more attempt after 30 s, then
 * after 1, 2, 4 … minutes (at most the window) since the last failure. A stranger who fails on
 * purpose slows an account down; they no longer shut its owner out for 15 minutes at a time.
 */
export const signInDelayMs = (failures: number) =>
  Math.min(SIGN_IN_WINDOW_MINUTES * 60_000, 30_000 * 2 ** Math.max(0, failures - SIGN_IN_LIMIT));

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  scopeRegionId?: number | null;
  agencyIds?: number[];
}

export async function createUser(db: Db, u: NewUser) {
  const passwordHash = await hash(u.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ username: u.username, displayName: u.displayName, passwordHash, role: u.role, scopeRegionId: u.scopeRegionId ?? null })
      .returning();
    if (u.agencyIds?.length) await tx.insert(userAgencies).values(u.agencyIds.map((agencyId) => ({ userId: row.id, agencyId })));
    return row;
  });
}

export async function updateUser(
  db: Db,
  id: number,
  change: { displayName?: string; role?: Role; scopeRegionId?: number | null; agencyIds?: number[]; disabled?: boolean; password?: string },
) {
  const passwordHash = change.password ? await hash(change.password) : undefined;
  return db.transaction(async (tx) => {
    const set = {
      ...(change.displayName !== undefined && { displayName: change.displayName }),
      ...(change.role !== undefined && { role: change.role }),
      ...(change.scopeRegionId !== undefined && { scopeRegionId: change.scopeRegionId }),
      ...(change.disabled !== undefined && { disabled: change.disabled }),
      ...(passwordHash && { passwordHash }),
    };
    if (Object.keys(set).length) await tx.update(users).set(set).where(eq(users.id, id));
    if (change.agencyIds) {
      await tx.delete(userAgencies).where(eq(userAgencies.userId, id));
      if (change.agencyIds.length) await tx.insert(userAgencies).values(change.agencyIds.map((agencyId) => ({ userId: id, agencyId })));
    }
    // A changed role, scope, password or a disabled account ends the user's sessions.
    if (change.role || change.scopeRegionId !== undefined || change.agencyIds || change.disabled || passwordHash) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
  });
}

export async function countUsers(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(users);
  return r.n;
}

export async function listUsers(db: Db) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      disabled: users.disabled,
      scopeRegionId: users.scopeRegionId,
      scopeRegion: regions.name,
      agencies: sql<
        string[]
      >`coalesce((select array_agg(a.name order by a.name) from ${userAgencies} ua join ${agencies} a on a.id = ua.agency_id where ua.user_id = ${users.id}), '{}')`,
      agencyIds: sql<number[]>`coalesce((select array_agg(ua.agency_id) from ${userAgencies} ua where ua.user_id = ${users.id}), '{}')`,
    })
    .from(users)
    .leftJoin(regions, eq(regions.id, users.scopeRegionId))
    .orderBy(asc(users.id));
  return rows;
}

export type SignInResult =
  | { ok: true; token: string; userId: number }
  | { ok: false; reason: "throttled" | "bad_credentials" | "disabled" };

/**
 * Check a password. Failed attempts are counted per user name and per address; past the limit
 * nothing is checked until the window has passed, so guessing is slow either way. The attempt is
 * reserved before the password is verified — counted and recorded as a failure in one short
 * transaction holding a lock per key — so parallel attempts cannot all pass the count before any
 * failure is written. A right password takes its reservation back.
 */
export async function checkSignIn(
  db: Db,
  username: string,
  password: string,
  address: string,
): Promise<{ ok: true; userId: number } | { ok: false; reason: "throttled" | "bad_credentials" | "disabled" }> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  // An unknown address (no peer header) is no key at all: one shared bucket would let anyone lock everyone out.
  const keys = [`user:${username.toLowerCase()}`, ...(address && address !== "unknown" ? [`addr:${address}`] : [])];
  const reserved = await db.transaction(async (tx) => {
    for (const k of [...keys].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${k}))`);
    const recent = await tx
      .select({ key: signInFailures.key, n: count(), last: sql<string>`max(${signInFailures.at})` })
      .from(signInFailures)
      .where(and(inArray(signInFailures.key, keys), gt(signInFailures.at, since)))
      .groupBy(signInFailures.key);
    if (recent.some((r) => r.n >= SIGN_IN_LIMIT && Date.now() - new Date(r.last).getTime() < signInDelayMs(r.n))) return null;
    return tx
      .insert(signInFailures)
      .values(keys.map((key) => ({ key })))
      .returning({ id: signInFailures.id });
  });
  if (!reserved) return { ok: false, reason: "throttled" };

  const [u] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  // Verify against a dummy hash for unknown names too, so timing does not reveal which exist.
  const valid = await verify(u?.passwordHash ?? (await dummyHash()), password).catch(() => false);
  if (!u || !valid) return { ok: false, reason: "bad_credentials" };
  await db.delete(signInFailures).where(
    inArray(
      signInFailures.id,
      reserved.map((r) => r.id),
    ),
  );
  if (u.disabled) return { ok: false, reason: "disabled" };
  await db.delete(signInFailures).where(eq(signInFailures.key, keys[0]));
  return { ok: true, userId: u.id };
}

/** A new session for a user who has just signed in; returns the cookie's token (only its hash is stored). */
export async function openSession(db: Db, userId: number, _username?: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ id: sha256(token), userId, expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000) });
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return token;
}

/** Check a password and open a session (the command line and tests; the app goes through its action). */
export async function signIn(db: Db, username: string, password: string, address: string): Promise<SignInResult> {
  const r = await checkSignIn(db, username, password, address);
  if (!r.ok) return r;
  return { ok: true, token: await openSession(db, r.userId), userId: r.userId };
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hash(randomBytes(16).toString("hex")));

export async function signOut(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}

/** The signed-in user of a session cookie, or null when it is unknown, expired or disabled. */
export async function getSessionActor(db: Db, token: string | undefined): Promise<(Actor & { username: string }) | null> {
  if (!token) return null;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.displayName,
      role: users.role,
      disabled: users.disabled,
      scopeId: regions.id,
      scopePath: regions.path,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(regions, eq(regions.id, users.scopeRegionId))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())));
  if (!row || row.disabled) return null;
  const own = await db.select({ agencyId: userAgencies.agencyId }).from(userAgencies).where(eq(userAgencies.userId, row.id));
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    scopePath: row.scopeId ? `${row.scopePath}${row.scopeId}/` : null,
    agencyIds: own.map((o) => o.agencyId),
  };
}

/** The permission target of an agency: its id and its region's path including the region. */
export async function agencyTarget(db: Db, agencyId: number): Promise<Target> {
  const [r] = await db
    .select({ path: sql<string>`${regions.path} || ${regions.id} || '/'` })
    .from(agencies)
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .where(eq(agencies.id, agencyId));
  return { agencyId: r ? agencyId : null, regionPath: r?.path ?? null };
}

/** A region as a target (a region's harvest, its sources sheet); null: every region. */
export async function regionTarget(db: Db, regionId: number | null): Promise<Target> {
  if (!regionId) return { agencyId: null, regionPath: null };
  const [r] = await db
    .select({ path: sql<string>`${regions.path} || ${regions.id} || '/'` })
    .from(regions)
    .where(eq(regions.id, regionId));
  // An unknown region is nobody's scope: refused, not widened to "every region".
  return { agencyId: null, regionPath: r?.path ?? "/unknown/" };
}

export async function agencyTargetByName(db: Db, name: string): Promise<Target> {
  const [a] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, name)).limit(1);
  return a ? agencyTarget(db, a.id) : { agencyId: null, regionPath: null };
}

export async function reportTarget(db: Db, reportId: number): Promise<Target> {
  const [r] = await db.select({ agencyId: reports.agencyId }).from(reports).where(eq(reports.id, reportId));
  return r ? agencyTarget(db, r.agencyId) : { agencyId: null, regionPath: null };
}

export async function findingTarget(db: Db, findingId: number): Promise<Target> {
  const [f] = await db.select({ reportId: findings.reportId }).from(findings).where(eq(findings.id, findingId));
  return f ? reportTarget(db, f.reportId) : { agencyId: null, regionPath: null };
}

/** The agencies of a set of findings, each once (opening 整改事项 for a filtered set). */
export async function findingsTargets(db: Db, findingIds: readonly number[]): Promise<Target[]> {
  if (findingIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ agencyId: reports.agencyId, path: sql<string>`${regions.path} || ${regions.id} || '/'` })
    .from(findings)
    .innerJoin(reports, eq(reports.id, findings.reportId))
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .where(inArray(findings.id, [...findingIds]));
  // A finding that no longer exists has no agency: refuse rather than open fewer than asked.
  if (rows.length === 0) return [{ agencyId: null, regionPath: null }];
  return rows.map((r) => ({ agencyId: r.agencyId, regionPath: r.path }));
}

export async function rectificationTarget(db: Db, itemId: number): Promise<Target> {
  const [r] = await db.select({ agencyId: rectifications.agencyId }).from(rectifications).where(eq(rectifications.id, itemId));
  return r ? agencyTarget(db, r.agencyId) : { agencyId: null, regionPath: null };
}
