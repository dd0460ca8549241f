/**
 * The one door of every server action: parse the form with zod → (read what must be read outside a
 * transaction, e.g. an upload) → authorize against the write declared in write-targets.ts → run in
 * one transaction → write the audit row in that same transaction. The app wrapper
 * (app/server-action.ts) adds the session and revalidation around this; tests call it directly with
 * a real database and a real signed-in actor.
 *
 * Whatever goes wrong inside is rolled back and reported with a Chinese message from the catalogue;
 * the internal error text goes to the server log only.
 */
import type { z } from "zod";
import { decideAll, roleMay, type Action, type Actor } from "../../lib/auth/permissions";
import { msg } from "../../lib/messages";
import { issuesMessage } from "../../lib/validate";
import type { Db } from "../index";
import { recordAudit } from "./audit";
import { WRITES, writeTargets, type WriteInput, type WriteKind } from "./write-targets";

export type ActionActor = (Actor & { username: string }) | null;

/** Thrown inside `run` to refuse after looking at the data (the transaction is rolled back). */
export class ActionRefused extends Error {}

export interface AuditEntry {
  /** Who, when not the session's user (signing in: the user who just proved who they are). */
  as?: { id: number; username: string };
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

export interface Outcome<R> {
  result: R;
  /** null only when nothing was written (an unchanged rubric, a refused save). */
  audit: AuditEntry | AuditEntry[] | null;
  /** Paths to revalidate; a tuple names the route pattern and its type. */
  revalidate?: (string | [string, "page" | "layout"])[];
}

export type Prepared<P, R> = { ok: true; value: P } | { ok: false; result: R };

export interface ActionDef<S extends z.ZodType, K extends WriteKind, P, R> {
  write: K;
  input: S;
  /** The raw object the schema parses; default: the form's fields. */
  fields?: (form: FormData) => unknown;
  /** Work outside the transaction (reading an upload, checking a password); may answer early. */
  prepare?: (db: Db, input: z.output<S>, form: FormData, actor: ActionActor) => Promise<Prepared<P, R>>;
  /** The declared write's input, to find the agency it touches. */
  target: (p: P) => WriteInput<K>;
  run: (tx: Db, p: P, actor: ActionActor, audit: (tx: Db, entry: AuditEntry) => Promise<void>) => Promise<Outcome<NoInfer<R>>>;
  /** How refused input reads (default: the schema's Chinese messages, joined). */
  issues?: (issues: z.core.$ZodIssue[]) => string;
  /** How a refusal or an error reads in this action's result. */
  fail: (error: string) => R;
  /** After a refusal or a rollback (e.g. to log a failed import outside the rolled-back transaction). */
  onFailure?: (db: Db, p: P, error: string) => Promise<void>;
  /**
   * "own": `run` gets the database itself and opens one transaction per item, auditing each item
   * inside its own transaction through `audit` (a data package: each report lands or fails alone).
   */
  transaction?: "own";
}

export function defineAction<S extends z.ZodType, K extends WriteKind, R, P = z.output<S>>(def: ActionDef<S, K, P, R>) {
  return def;
}

export interface ActionRun<R> {
  result: R;
  revalidate: (string | [string, "page" | "layout"])[];
}

export async function runAction<S extends z.ZodType, K extends WriteKind, P, R>(
  db: Db,
  actor: ActionActor,
  def: ActionDef<S, K, P, R>,
  form: FormData,
): Promise<ActionRun<R>> {
  const refuse = (error: string): ActionRun<R> => ({ result: def.fail(error), revalidate: [] });
  const w = WRITES[def.write] as { action: Action | null; read?: boolean };
  // Cheap refusals first, before an upload is read: signed out, or a role that never may.
  if (w.action !== null && !roleMay(actor, w.action)) return refuse(msg.auth.refused[actor ? "role" : "signed_out"](w.action));
  if (w.read && process.env.READ_ACCESS === "session" && !actor) return refuse(msg.auth.signInRequired);
  const parsed = def.input.safeParse(def.fields ? def.fields(form) : Object.fromEntries(form));
  if (!parsed.success) return refuse((def.issues ?? issuesMessage)(parsed.error.issues));

  let p: P;
  try {
    if (def.prepare) {
      const pre = await def.prepare(db, parsed.data, form, actor);
      if (!pre.ok) return { result: pre.result, revalidate: [] };
      p = pre.value;
    } else p = parsed.data as P;
  } catch (e) {
    console.error(`[action ${def.write}] prepare`, e);
    return refuse(msg.errors.internal);
  }

  if (w.action !== null) {
    const targets = (await writeTargets(db, def.write, def.target(p))) ?? [{ agencyId: null, regionPath: null }];
    const d = decideAll(actor, w.action, targets);
    if (!d.ok) {
      const error = msg.auth.refused[d.reason](w.action);
      if (def.onFailure) await def.onFailure(db, p, error).catch(() => {});
      return refuse(error);
    }
  }

  const audit = async (tx: Db, a: AuditEntry) => {
    const { as, ...entry } = a;
    await recordAudit(tx, { actor: as ?? actor, ...entry });
  };
  try {
    const body = async (tx: Db) => {
      const o = await def.run(tx, p, actor, audit);
      for (const a of o.audit === null ? [] : Array.isArray(o.audit) ? o.audit : [o.audit]) await audit(tx, a);
      return o;
    };
    const out = def.transaction === "own" ? await body(db) : await db.transaction((tx) => body(tx));
    return { result: out.result, revalidate: out.revalidate ?? [] };
  } catch (e) {
    const error = e instanceof ActionRefused ? e.message : msg.errors.internal;
    if (!(e instanceof ActionRefused)) console.error(`[action ${def.write}]`, e);
    if (def.onFailure) await def.onFailure(db, p, error).catch(() => {});
    return refuse(error);
  }
}
