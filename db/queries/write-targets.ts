/**
 * Every kind of write the app accepts, with the permission it needs and how to find the agency it
 * touches. Server actions authorize through this table (app/session.ts `authorizeWrite`), and the
 * permission tests walk it, so a new kind of write is tested as soon as it is declared.
 */
import type { Action, Target } from "../../lib/auth/permissions";
import type { Db } from "../index";
import { agencyTarget, agencyTargetByName, findingTarget, findingsTargets, rectificationTarget, regionTarget, reportTarget } from "./users";

interface Write<I> {
  /** null: anyone may (signing in and out); the action still goes through the one wrapper and is audited. */
  action: Action | null;
  /** A read through an action (the draft check): needs a session when READ_ACCESS=session. */
  read?: boolean;
  target?: (db: Db, input: I) => Promise<Target>;
  /** A write that touches several agencies at once: each must be allowed. */
  targets?: (db: Db, input: I) => Promise<Target[]>;
}

const write = <I>(w: Write<I>) => w;

export const WRITES = {
  "report.import": write<{ agency: string }>({ action: "import", target: (db, i) => agencyTargetByName(db, i.agency) }),
  "cell.correct": write<{ reportId: number }>({ action: "correct", target: (db, i) => reportTarget(db, i.reportId) }),
  "posts.correct": write<{ reportId: number }>({ action: "correct", target: (db, i) => reportTarget(db, i.reportId) }),
  "finding.review": write<{ findingId: number }>({ action: "review", target: (db, i) => findingTarget(db, i.findingId) }),
  // 整改事项: assessors open, accept and return within their scope; filers answer for their own agencies.
  "rectification.open": write<{ findingIds: number[] }>({ action: "rectify", targets: (db, i) => findingsTargets(db, i.findingIds) }),
  "rectification.respond": write<{ itemId: number }>({ action: "respond", target: (db, i) => rectificationTarget(db, i.itemId) }),
  "rectification.accept": write<{ itemId: number }>({ action: "rectify", target: (db, i) => rectificationTarget(db, i.itemId) }),
  "rectification.return": write<{ itemId: number }>({ action: "rectify", target: (db, i) => rectificationTarget(db, i.itemId) }),
  "score.edit": write<{ agencyId: number }>({ action: "score", target: (db, i) => agencyTarget(db, i.agencyId) }),
  "rubric.edit": write<Record<string, never>>({ action: "manage_rubrics" }),
  "user.manage": write<Record<string, never>>({ action: "manage_users" }),
  // A package may hold any agency's reports: administrators only.
  "package.import": write<Record<string, never>>({ action: "import_package" }),
  // Website harvesting (issue 19): one agency's column, a region's sheet of columns, a region's run.
  "source.edit": write<{ agencyId: number }>({ action: "manage_sources", target: (db, i) => agencyTarget(db, i.agencyId) }),
  "source.import": write<{ regionId: number | null }>({ action: "manage_sources", target: (db, i) => regionTarget(db, i.regionId) }),
  "harvest.start": write<{ regionId: number | null }>({ action: "manage_sources", target: (db, i) => regionTarget(db, i.regionId) }),
  // A scan stored and its OCR queued; the report it becomes is saved through report.import.
  "scan.upload": write<Record<string, never>>({ action: "upload_scan" }),
  "session.sign_in": write<Record<string, never>>({ action: null }),
  "session.sign_out": write<Record<string, never>>({ action: null }),
  // Not a write: reading an upload and checking it, nothing stored. Declared so it passes the same door.
  "draft.check": write<Record<string, never>>({ action: null, read: true }),
} as const;

export type WriteKind = keyof typeof WRITES;
export type WriteInput<K extends WriteKind> = (typeof WRITES)[K] extends Write<infer I> ? I : never;

export async function writeTarget<K extends WriteKind>(db: Db, kind: K, input: WriteInput<K>): Promise<Target | undefined> {
  const w = WRITES[kind] as Write<WriteInput<K>>;
  return w.target ? w.target(db, input) : undefined;
}

/** Every agency a write touches (one for most writes; none for global ones). */
export async function writeTargets<K extends WriteKind>(db: Db, kind: K, input: WriteInput<K>): Promise<Target[] | undefined> {
  const w = WRITES[kind] as Write<WriteInput<K>>;
  if (w.targets) return w.targets(db, input);
  return w.target ? [await w.target(db, input)] : undefined;
}
