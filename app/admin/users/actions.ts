"use server";
import { createUser, listUsers, updateUser } from "@/db/queries/users";
import { ActionRefused, defineAction } from "@/db/queries/actions";
import { formStateAction } from "@/app/server-action";
import { createUserSchema, updateUserSchema, type UserActionResult } from "./schema";

import { msg } from "@/lib/messages";

const fail = (error: string): UserActionResult => ({ ok: false, error });
const isUniqueViolation = (e: unknown) =>
  /users_username_key|unique|23505/i.test(
    String((e as Error)?.message) + String((e as { cause?: Error })?.cause?.message) + String((e as { code?: string })?.code),
  );

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
        if (isUniqueViolation(e)) throw new ActionRefused(msg.admin.usernameTaken);
        throw e;
      }
      return {
        result: { ok: true as const, message: msg.admin.created(d.username) },
        audit: {
          action: "user.create",
          target: `user:${u.id}`,
          after: { username: u.username, role: u.role, scopeRegionId: d.scopeRegionId, agencyIds: d.agencyIds },
        },
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
      if (!before) return { result: fail(msg.admin.noSuchUser), audit: null };
      if (before.id === actor?.id && (d.role !== "admin" || d.disabled)) return { result: fail(msg.admin.notSelf), audit: null };
      await updateUser(tx, d.id, {
        role: d.role,
        scopeRegionId: d.scopeRegionId,
        agencyIds: d.agencyIds,
        disabled: d.disabled,
        password: d.password || undefined,
      });
      return {
        result: { ok: true as const, message: msg.admin.saved(before.username) },
        audit: {
          action: "user.update",
          target: `user:${d.id}`,
          before: { role: before.role, scopeRegionId: before.scopeRegionId, agencyIds: before.agencyIds, disabled: before.disabled },
          after: {
            role: d.role,
            scopeRegionId: d.scopeRegionId,
            agencyIds: d.agencyIds,
            disabled: d.disabled,
            passwordReset: Boolean(d.password),
          },
        },
        revalidate: ["/admin/users"],
      };
    },
  }),
);
