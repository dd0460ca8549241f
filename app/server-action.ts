/**
 * Every exported server action is `serverAction(def)` or `formStateAction(def)`: the signed-in
 * user and the database go into `runAction` (db/queries/actions.ts: zod → authorize against the
 * declared write → transaction → audit), then the paths it names are revalidated. The test
 * app/server-actions.test.ts lists every export of every 'use server' file and fails on one that
 * is not made here from a declared write.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/db/index";
import { runAction, type ActionDef } from "@/db/queries/actions";
import type { WriteKind } from "@/db/queries/write-targets";
import { currentUser } from "@/app/session";

import { msg } from "@/lib/messages";

export interface Wrapped<R> {
  /** The definition, for the tests (a property on the server function; never sent to a browser). */
  def: ActionDef<z.ZodType, WriteKind, unknown, R>;
}

interface Options<R> {
  /** Next-only work after a successful run: cookies, redirect. Runs outside the try of runAction. */
  after?: (result: R) => Promise<void> | void;
}

async function perform<S extends z.ZodType, K extends WriteKind, P, R>(
  def: ActionDef<S, K, P, R>,
  form: FormData,
  o: Options<R>,
): Promise<R> {
  if (!(form instanceof FormData)) return def.fail(msg.common.unreadableForm);
  const { result, revalidate } = await runAction(await getDb(), await currentUser(), def, form);
  for (const r of revalidate) {
    if (typeof r === "string") revalidatePath(r);
    else revalidatePath(r[0], r[1]);
  }
  if (o.after) await o.after(result);
  return result;
}

/** A form action: `<form action={x}>` or called with a FormData. */
export function serverAction<S extends z.ZodType, K extends WriteKind, P, R>(def: ActionDef<S, K, P, R>, o: Options<R> = {}) {
  const fn = async (form: FormData): Promise<R> => perform(def, form, o);
  return Object.assign(fn, { def }) as typeof fn & Wrapped<R>;
}

/** The same, with React's `useActionState` signature (previous state first). */
export function formStateAction<S extends z.ZodType, K extends WriteKind, P, R>(def: ActionDef<S, K, P, R>, o: Options<R> = {}) {
  const fn = async (_prev: R | null, form: FormData): Promise<R> => perform(def, form, o);
  return Object.assign(fn, { def }) as typeof fn & Wrapped<R>;
}
