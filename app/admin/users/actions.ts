"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { recordAudit } from "@/db/queries/audit";
import { createUser, listUsers, updateUser } from "@/db/queries/users";
import { authorizeWrite } from "@/app/session";
import { createUserSchema, updateUserSchema, type UserActionResult } from "./schema";

const fail = (e: { issues: { message: string }[] }): UserActionResult => ({ ok: false, error: e.issues.map((i) => i.message).join("；") });

export async function createUserAction(_prev: UserActionResult | null, form: FormData): Promise<UserActionResult> {
  const auth = await authorizeWrite("user.manage", {});
  if (!auth.ok) return auth;
  const v = createUserSchema.safeParse(Object.fromEntries(form));
  if (!v.success) return fail(v.error);
  const db = await getDb();
  try {
    const u = await createUser(db, v.data);
    await recordAudit(db, { actor: auth.user, action: "user.create", target: `user:${u.id}`, after: { username: u.username, role: u.role, scopeRegionId: v.data.scopeRegionId, agencyIds: v.data.agencyIds } });
  } catch (e) {
    if (/users_username_key|unique/i.test(String((e as Error).message) + String((e as { cause?: Error }).cause?.message))) return { ok: false, error: "用户名已存在" };
    throw e;
  }
  revalidatePath("/admin/users");
  return { ok: true, message: `已创建用户 ${v.data.username}` };
}

export async function updateUserAction(_prev: UserActionResult | null, form: FormData): Promise<UserActionResult> {
  const auth = await authorizeWrite("user.manage", {});
  if (!auth.ok) return auth;
  const v = updateUserSchema.safeParse(Object.fromEntries(form));
  if (!v.success) return fail(v.error);
  const db = await getDb();
  const before = (await listUsers(db)).find((u) => u.id === v.data.id);
  if (!before) return { ok: false, error: "没有这个用户" };
  if (before.id === auth.user.id && (v.data.role !== "admin" || v.data.disabled)) return { ok: false, error: "不能取消自己的管理员权限或停用自己" };
  await updateUser(db, v.data.id, { role: v.data.role, scopeRegionId: v.data.scopeRegionId, agencyIds: v.data.agencyIds, disabled: v.data.disabled, password: v.data.password || undefined });
  await recordAudit(db, {
    actor: auth.user,
    action: "user.update",
    target: `user:${v.data.id}`,
    before: { role: before.role, scopeRegionId: before.scopeRegionId, agencyIds: before.agencyIds, disabled: before.disabled },
    after: { role: v.data.role, scopeRegionId: v.data.scopeRegionId, agencyIds: v.data.agencyIds, disabled: v.data.disabled, passwordReset: Boolean(v.data.password) },
  });
  revalidatePath("/admin/users");
  return { ok: true, message: `已保存 ${before.username}` };
}
