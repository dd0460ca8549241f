/**
 * The signed-in user, from the session cookie, and the one gate of reading: `requireReader()` is
 * called by every page, route handler and read action. Writes pass app/server-action.ts, which asks
 * lib/auth/permissions with the target of the declared write. The UI hides what a user may not do;
 * these are what refuse. The proxy only looks for a cookie; a forged or expired one is caught here.
 */
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/index";
import { getSessionActor } from "@/db/queries/users";
import type { Actor } from "@/lib/auth/permissions";
import { clientAddressFrom } from "@/lib/auth/client-address";

export const SESSION_COOKIE = "dd_session";

export type SessionUser = Actor & { username: string };

/** Once per request (React cache): the layout, the page and requireReader share one lookup. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return getSessionActor(await getDb(), token);
});

/** Whether reading needs a session: READ_ACCESS=session (default public). */
export const readNeedsSession = () => process.env.READ_ACCESS === "session";

/**
 * The reader of a page or a download: the signed-in user (or null when reading is public). When
 * READ_ACCESS=session and the cookie names no live session, nothing is read: the visitor is sent
 * to the sign-in page (a page) or refused (a route handler: redirect() answers it the same way).
 */
export async function requireReader(): Promise<SessionUser | null> {
  const user = await currentUser();
  if (readNeedsSession() && !user) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  return user;
}

/** The client's address for sign-in throttling; X-Forwarded-For only from TRUSTED_PROXIES. */
export async function clientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}
