/**
 * Rubrics as versioned data: the built-in default, each rubric's versions, creating and editing one.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { DEFAULT_RUBRIC, DEFAULT_RUBRIC_NAME } from "../../lib/scoring/default-rubric";
import { rubricDefinitionSchema, type Rubric, type RubricDefinition } from "../../lib/scoring/rubric";
import type { Db } from "../index";
import { refreshReportScores } from "./report-scores";
import { rubrics } from "../schema";
import { msg } from "../../lib/messages";

export const DEFAULT_RUBRIC_ID = 1;
export const SYSTEM_AUTHOR = msg.scoringPage.system;

// ---- rubrics ---------------------------------------------------------------------------------

/** JSON with sorted keys: jsonb does not keep key order, so compare definitions this way. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

const toRubric = (r: typeof rubrics.$inferSelect): Rubric & { createdBy: string; createdAt: Date } => ({
  id: r.id,
  version: r.version,
  name: r.name,
  definition: rubricDefinitionSchema.parse(r.definition),
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

/**
 * The built-in rubric as rubric 1. Idempotent and safe to race (insert … on conflict do nothing).
 * When the code's default changes, a new system version is added — unless an assessor has edited
 * rubric 1 since, whose version then stays the latest.
 */
export async function ensureDefaultRubric(db: Db): Promise<void> {
  const [latest] = await db.select().from(rubrics).where(eq(rubrics.id, DEFAULT_RUBRIC_ID)).orderBy(desc(rubrics.version)).limit(1);
  if (latest && (latest.createdBy !== SYSTEM_AUTHOR || canonical(latest.definition) === canonical(DEFAULT_RUBRIC))) return;
  const made = await db
    .insert(rubrics)
    .values({
      id: DEFAULT_RUBRIC_ID,
      version: (latest?.version ?? 0) + 1,
      name: DEFAULT_RUBRIC_NAME,
      definition: DEFAULT_RUBRIC,
      createdBy: SYSTEM_AUTHOR,
    })
    .onConflictDoNothing()
    .returning({ id: rubrics.id, version: rubrics.version });
  // A new version: every report's automatic points under it, in SQL.
  if (made[0]) await refreshReportScores(db, undefined, made[0]);
}

/** Each rubric's latest version, with how many versions it has. */
export async function listRubrics(db: Db) {
  await ensureDefaultRubric(db);
  const rows = await db
    .select({
      id: rubrics.id,
      version: rubrics.version,
      name: rubrics.name,
      definition: rubrics.definition,
      createdBy: rubrics.createdBy,
      createdAt: rubrics.createdAt,
      versions: sql<number>`count(*) over (partition by ${rubrics.id})::int`,
      latest: sql<number>`max(${rubrics.version}) over (partition by ${rubrics.id})::int`,
    })
    .from(rubrics)
    .orderBy(asc(rubrics.id));
  return rows.filter((r) => r.version === r.latest).map((r) => ({ ...toRubric(r), versions: r.versions }));
}

/** One version of a rubric (the latest when version is omitted). */
export async function getRubric(db: Db, id: number, version?: number) {
  if (id === DEFAULT_RUBRIC_ID) await ensureDefaultRubric(db);
  const [row] = await db
    .select()
    .from(rubrics)
    .where(version ? and(eq(rubrics.id, id), eq(rubrics.version, version)) : eq(rubrics.id, id))
    .orderBy(desc(rubrics.version))
    .limit(1);
  return row ? toRubric(row) : null;
}

export async function listRubricVersions(db: Db, id: number) {
  return db
    .select({ version: rubrics.version, name: rubrics.name, createdBy: rubrics.createdBy, createdAt: rubrics.createdAt })
    .from(rubrics)
    .where(eq(rubrics.id, id))
    .orderBy(desc(rubrics.version));
}

export async function createRubric(
  db: Db,
  input: { name: string; definition: RubricDefinition; by: string },
): Promise<{ id: number; version: number }> {
  const definition = rubricDefinitionSchema.parse(input.definition);
  const [row] = await db
    .insert(rubrics)
    .values({ id: sql`nextval('rubric_ids')`, version: 1, name: input.name, definition, createdBy: input.by })
    .returning({ id: rubrics.id, version: rubrics.version });
  await refreshReportScores(db, undefined, row);
  return row;
}

/** An edit: a new version (latest + 1); the old ones stay. Nothing is written when nothing changed. */
export async function saveRubricVersion(
  db: Db,
  input: { id: number; name: string; definition: RubricDefinition; by: string },
): Promise<{ ok: true; version: number; unchanged: boolean } | { ok: false; error: "no_rubric" }> {
  const definition = rubricDefinitionSchema.parse(input.definition);
  return db.transaction(async (tx) => {
    const [latest] = await tx.select().from(rubrics).where(eq(rubrics.id, input.id)).orderBy(desc(rubrics.version)).limit(1).for("update");
    if (!latest) return { ok: false as const, error: "no_rubric" as const };
    if (latest.name === input.name && canonical(latest.definition) === canonical(definition))
      return { ok: true as const, version: latest.version, unchanged: true };
    // The primary key (id, version) makes a concurrent edit fail rather than overwrite this one.
    await tx.insert(rubrics).values({ id: input.id, version: latest.version + 1, name: input.name, definition, createdBy: input.by });
    await refreshReportScores(tx, undefined, { id: input.id, version: latest.version + 1 });
    return { ok: true as const, version: latest.version + 1, unchanged: false };
  });
}
