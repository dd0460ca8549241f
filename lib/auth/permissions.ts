/**
 * Who may do what, as one table: roles × actions, and each role's scope. Pure — the server asks
 * this for every write, the UI asks it to hide what a user may not do.
 */

export const ROLE_LABELS = { viewer: "查看者", filer: "填报人", assessor: "评估员", admin: "管理员" } as const;
export type RoleName = keyof typeof ROLE_LABELS;

export const ACTIONS = {
  import: "导入年报",
  correct: "更正单元格",
  review: "审核核对发现",
  score: "评分",
  manage_rubrics: "编辑评分细则",
  manage_users: "管理用户",
  manage_regions: "管理地区",
  view_audit: "查看操作记录",
  import_package: "导入数据包",
  // Uploading a scan for OCR: the agency is known only once it is read, so the scope is checked
  // when the report is saved (report.import).
  upload_scan: "上传扫描件",
} as const;
export type Action = keyof typeof ACTIONS;

/** What each role may do at all; the scope decides where. */
const GRANTS: Record<RoleName, readonly Action[]> = {
  viewer: [],
  filer: ["import", "correct", "upload_scan"],
  assessor: ["review", "score", "manage_rubrics"],
  admin: Object.keys(ACTIONS) as Action[],
};

/** Actions that concern one agency; the others are global. */
const SCOPED: readonly Action[] = ["import", "correct", "review", "score"];

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
  if (!target || target.agencyId === null) return { ok: false, reason: "scope" };
  if (actor.agencyIds.includes(target.agencyId)) return { ok: true };
  // 填报人 act for their own agencies only; 评估员 for every agency under their region too.
  if (actor.role === "assessor" && actor.scopePath && target.regionPath?.startsWith(actor.scopePath)) return { ok: true };
  return { ok: false, reason: "scope" };
}

export const can = (actor: Actor | null, action: Action, target?: Target) => decide(actor, action, target).ok;

/** Whether the role may ever do this action somewhere (to show or hide a button). */
export const roleMay = (actor: Actor | null, action: Action) => Boolean(actor && GRANTS[actor.role].includes(action));
