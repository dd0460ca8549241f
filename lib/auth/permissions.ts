/**
 * Who may do what, as one table: roles × actions, and each role's scope. Pure — the server asks
 * this for every write, the UI asks it to hide what a user may not do.
 */

import { actionWords, roleLabels } from "../messages/roles";

export const ROLE_LABELS = roleLabels;
export type RoleName = keyof typeof ROLE_LABELS;

/** Every write a user may be granted; the words (for "you may not …") are in the catalogue. */
export const ACTIONS = actionWords;
export type Action = keyof typeof ACTIONS;

/** What each role may do at all; the scope decides where. */
const GRANTS: Record<RoleName, readonly Action[]> = {
  viewer: [],
  filer: ["import", "correct", "respond", "upload_scan"],
  assessor: ["review", "score", "manage_rubrics", "manage_sources", "rectify"],
  admin: Object.keys(ACTIONS) as Action[],
};

/** Actions that concern one agency; the others are global. */
const SCOPED: readonly Action[] = ["import", "correct", "review", "score", "manage_sources", "rectify", "respond"];
/** Scoped actions that may also name a whole region (harvest a region's sites): 评估员 within their own. */
const REGION_WIDE: readonly Action[] = ["manage_sources"];

export interface Actor {
  id: number;
  name: string;
  role: RoleName;
  /** The scope region's own path including itself (`/1/5/`), or null. */
  scopePath: string | null;
  agencyIds: readonly number[];
}

export interface Target {
  agencyId: number | null;
  /** The agency's region path including the region itself (`/1/5/23/`). */
  regionPath: string | null;
}

export type Decision = { ok: true } | { ok: false; reason: "signed_out" | "role" | "scope" };

export function decide(actor: Actor | null, action: Action, target?: Target): Decision {
  if (!actor) return { ok: false, reason: "signed_out" };
  if (!GRANTS[actor.role].includes(action)) return { ok: false, reason: "role" };
  if (actor.role === "admin" || !SCOPED.includes(action)) return { ok: true };
  if (target && target.agencyId === null && REGION_WIDE.includes(action)) {
    const inside = actor.role === "assessor" && actor.scopePath && target.regionPath?.startsWith(actor.scopePath);
    return inside ? { ok: true } : { ok: false, reason: "scope" };
  }
  if (!target || target.agencyId === null) return { ok: false, reason: "scope" };
  if (actor.agencyIds.includes(target.agencyId)) return { ok: true };
  // 填报人 act for their own agencies only; 评估员 for every agency under their region too.
  if (actor.role === "assessor" && actor.scopePath && target.regionPath?.startsWith(actor.scopePath)) return { ok: true };
  return { ok: false, reason: "scope" };
}

export const can = (actor: Actor | null, action: Action, target?: Target) => decide(actor, action, target).ok;

/** Whether the role may ever do this action somewhere (to show or hide a button). */
export const roleMay = (actor: Actor | null, action: Action) => Boolean(actor && GRANTS[actor.role].includes(action));

/**
 * One write that touches several agencies (整改事项 opened for a filtered set of findings): allowed
 * only when every one is allowed, refused with the first refusal otherwise; nothing is no scope.
 */
export function decideAll(actor: Actor | null, action: Action, targets: readonly Target[]): Decision {
  if (targets.length === 0) return decide(actor, action, { agencyId: null, regionPath: null });
  for (const t of targets) {
    const d = decide(actor, action, t);
    if (!d.ok) return d;
  }
  return { ok: true };
}
