"use server";
import { createUser, listUsers, updateUser } from "@/db/queries/users";
import { ActionRefused, defineAction } from "@/db/queries/actions";
import { formStateAction } from "@/app/server-action";
import { createUserSchema, updateUserSchema, type UserActionResult } from "./schema";

const fail = (error: string): UserActionResult => ({ ok: false, error });
const isUniqueViolation = (e: unknown) =>
  /users_username_key|unique|23505/i.test(String((e as Error)?.message) + String((e as { cause?: Error })?.cause?.message) + String((e as { code?: string })?.code));

export const createUserAction = formStateAction(
  defineAction({
    write: "user.manage",
    input: createUserSchema,
    target: () => ({}),
    fail,
    run: async (tx, d) => {
      let u: Awaited<ReturnType<typeof createUser>>;
      try {
        u = await createUser(tx, d);
      } catch (e) {
        if (isUniqueViolation(e)) throw new ActionRefused("用户名已存在");
        throw e;
      }
      return {
        result: { ok: true as const, message: `已创建用户 ${d.username}` },
        audit: { action: "user.create", target: `user:${u.id}`, after: { username: u.username, role: u.role, scopeRegionId: d.scopeRegionId, agencyIds: d.agencyIds } },
        revalidate: ["/admin/users"],
      };
    },
  }),
);

export const updateUserAction = formStateAction(
  defineAction({
    write: "user.manage",
    input: updateUserSchema,
    target: () => ({}),
    fail,
    run: async (tx, d, actor) => {
      const before = (await listUsers(tx)).find((u) => u.id === d.id);
      if (!before) return { result: fail("没有这个用户"), audit: null };
      if (before.id === actor?.id && (d.role !== "admin" || d.disabled)) return { result: fail("不能取消自己的管理员权限或停用自己"), audit: null };
      await updateUser(tx, d.id, { role: d.role, scopeRegionId: d.scopeRegionId, agencyIds: d.agencyIds, disabled: d.disabled, password: d.password || undefined });
      return {
        result: { ok: true as const, message: `已保存 ${before.username}` },
        audit: {
          action: "user.update",
          target: `user:${d.id}`,
          before: { role: before.role, scopeRegionId: before.scopeRegionId, agencyIds: before.agencyIds, disabled: before.disabled },
          after: { role: d.role, scopeRegionId: d.scopeRegionId, agencyIds: d.agencyIds, disabled: d.disabled, passwordReset: Boolean(d.password) },
        },
        revalidate: ["/admin/users"],
      };
    },
  }),
);
