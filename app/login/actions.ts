"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/index";
import { recordAudit } from "@/db/queries/audit";
import { SESSION_HOURS, signIn, signOut } from "@/db/queries/users";
import { msg } from "@/lib/messages";
import { SESSION_COOKIE, clientAddress, currentUser } from "@/app/session";

const signInSchema = z.object({
  username: z.string().trim().min(1, "请填写用户名").max(100),
  password: z.string().min(1, "请填写密码").max(200),
  next: z.string().regex(/^\/(?!\/)/).optional().catch(undefined),
});

export async function signInAction(_prev: { error: string } | null, form: FormData): Promise<{ error: string } | null> {
  const v = signInSchema.safeParse(Object.fromEntries(form));
  if (!v.success) return { error: v.error.issues.map((i) => i.message).join("；") };
  const db = await getDb();
  const r = await signIn(db, v.data.username, v.data.password, await clientAddress());
  if (!r.ok) return { error: r.reason === "throttled" ? msg.auth.throttled : r.reason === "disabled" ? msg.auth.disabled : msg.auth.badCredentials };
  (await cookies()).set(SESSION_COOKIE, r.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.COOKIE_SECURE === "1",
    path: "/",
    maxAge: SESSION_HOURS * 3600,
  });
  await recordAudit(db, { actor: { id: r.userId, username: v.data.username }, action: "sign_in", target: `user:${r.userId}` });
  redirect(v.data.next ?? "/");
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  const user = await currentUser();
  if (token) await signOut(await getDb(), token);
  jar.delete(SESSION_COOKIE);
  if (user) await recordAudit(await getDb(), { actor: user, action: "sign_out", target: `user:${user.id}` });
  redirect("/");
}
