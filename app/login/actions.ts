"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SESSION_HOURS, checkSignIn, openSession, signOut } from "@/db/queries/users";
import { defineAction } from "@/db/queries/actions";
import { msg } from "@/lib/messages";
import { safeNextPath } from "@/lib/auth/next-path";
import { SESSION_COOKIE, clientAddress } from "@/app/session";
import { serverAction, formStateAction } from "@/app/server-action";

const signInSchema = z.object({
  username: z.string().trim().min(1, msg.login.usernameRequired).max(100, msg.login.usernameTooLong),
  password: z.string().min(1, msg.login.passwordRequired).max(200, msg.login.passwordTooLong),
  next: z.string().optional().transform(safeNextPath),
});

type SignInState = { error: string } | null;
type SignedIn = { ok: true; token: string; next: string };

/** The password is checked (and the attempt counted) before the transaction; the session opens in it. */
export const signInAction = formStateAction(
  defineAction({
    write: "session.sign_in",
    input: signInSchema,
    fail: (error: string): SignInState | SignedIn => ({ error }),
    prepare: async (db, v) => {
      const r = await checkSignIn(db, v.username, v.password, await clientAddress());
      if (!r.ok)
        return {
          ok: false,
          result: {
            error: r.reason === "throttled" ? msg.auth.throttled : r.reason === "disabled" ? msg.auth.disabled : msg.auth.badCredentials,
          },
        };
      return { ok: true, value: { ...v, userId: r.userId } };
    },
    target: () => ({}),
    run: async (tx, v) => {
      const token = await openSession(tx, v.userId, v.username);
      return {
        result: { ok: true as const, token, next: v.next },
        audit: { as: { id: v.userId, username: v.username }, action: "sign_in", target: `user:${v.userId}` },
      };
    },
  }),
  {
    after: async (r) => {
      if (!r || !("token" in r)) return;
      (await cookies()).set(SESSION_COOKIE, r.token, {
        httpOnly: true,
        sameSite: "lax",
        secure: process.env.COOKIE_SECURE === "1",
        path: "/",
        maxAge: SESSION_HOURS * 3600,
      });
      redirect(r.next);
    },
  },
);

export const signOutAction = serverAction(
  defineAction({
    write: "session.sign_out",
    input: z.object({}),
    fields: () => ({}),
    fail: () => undefined,
    target: () => ({}),
    run: async (tx, _v, actor) => {
      const token = (await cookies()).get(SESSION_COOKIE)?.value;
      if (token) await signOut(tx, token);
      return { result: undefined, audit: actor ? { action: "sign_out", target: `user:${actor.id}` } : null };
    },
  }),
  {
    after: async () => {
      (await cookies()).delete(SESSION_COOKIE);
      redirect("/");
    },
  },
);
