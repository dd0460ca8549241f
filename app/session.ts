/**
 * The signed-in user, from the session cookie, and the one gate every writing action passes:
 * `authorize` asks lib/auth/permissions with the target's agency and region. The UI hides what a
 * user may not do; this is what refuses.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { getDb } from "@/db/index";
import { getSessionActor } from "@/db/queries/users";
import { WRITES, writeTarget, type WriteInput, type WriteKind } from "@/db/queries/write-targets";
import { decide, type Action, type Actor, type Target } from "@/lib/auth/permissions";
import { msg } from "@/lib/messages";

export const SESSION_COOKIE = "dd_session";

export type SessionUser = Actor & { username: string };

export async function currentUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return getSessionActor(await getDb(), token);
}

export type Authorized = { ok: true; user: SessionUser } | { ok: false; error: string };

export async function authorize(action: Action, target?: Target | (() => Promise<Target>)): Promise<Authorized> {
  const user = await currentUser();
  const t = typeof target === "function" ? await target() : target;
  const d = decide(user, action, t);
  if (d.ok && user) return { ok: true, user };
  return { ok: false, error: d.ok ? msg.auth.signInRequired : msg.auth.refused[d.reason](action) };
}

/** The gate of every server action that writes: the permission and target come from WRITES. */
export async function authorizeWrite<K extends WriteKind>(kind: K, input: WriteInput<K>): Promise<Authorized> {
  return authorize(WRITES[kind].action, async () => (await writeTarget(await getDb(), kind, input)) ?? { agencyId: null, regionPath: null });
}

/** Whether reading needs a session: READ_ACCESS=session (default public). */
export const readNeedsSession = () => process.env.READ_ACCESS === "session";

export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}
