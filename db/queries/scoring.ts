/**
 * Scoring: the assessor's entries, rankings and score sheets, over the evidence automatic
 * indicators read (scoring-evidence.ts: a whole region's in a few set-based queries, never one per
 * agency).
 * The "who" of every write is a string parameter: today a name typed on the form, later the
 * signed-in user.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { defaultBasis, rankAgencies, type RankBasis, type RankedRow, type RankInput } from "../../lib/scoring/rank";
import { round2, type Rubric } from "../../lib/scoring/rubric";
import { scoreReport, type Entry } from "../../lib/scoring/score";
import type { Db } from "../index";
import { listReportYears } from "./coverage";
import { agencies, regions, scoreHistory, scoreItems, scores } from "../schema";
import { getRubric } from "./rubrics";
import { gatherEvidence, rubricCellKeys, rubricRules, scopeWhere, type Scope } from "./scoring-evidence";

/** Manual and override entries of the scores in scope under one rubric version, by agency:year. */
export async function listEntries(db: Db, scope: Scope, years: number[], rubric: { id: number; version: number }) {
  const rows = await db
    .select({
      scoreId: scores.id,
      agencyId: scores.agencyId,
      year: scores.year,
      indicatorId: scoreItems.indicatorId,
      method: scoreItems.method,
      points: scoreItems.points,
      reason: scoreItems.reason,
      by: scoreItems.by,
      at: scoreItems.at,
    })
    .from(scoreItems)
    .innerJoin(scores, eq(scores.id, scoreItems.scoreId))
    .innerJoin(agencies, eq(agencies.id, scores.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .where(
      and(
        scopeWhere(scope),
        inArray(scores.year, years),
        eq(scores.rubricId, rubric.id),
        eq(scores.rubricVersion, rubric.version),
        inArray(scoreItems.method, ["manual", "override"]),
      ),
    );
  const out = new Map<string, Record<string, Entry>>();
  for (const r of rows) {
    if (r.points === null || r.method === "auto") continue;
    const key = `${r.agencyId}:${r.year}`;
    out.set(key, { ...out.get(key), [r.indicatorId]: { method: r.method, points: r.points, reason: r.reason, by: r.by, at: r.at } });
  }
  return out;
}

// ---- rankings --------------------------------------------------------------------------------

/**
 * Agencies in scope ranked for `year` under one rubric version, with last year's change: on the
 * total, or on the automatic indicators (by default while manual items are pending).
 */
export async function getRanking(
  db: Db,
  scope: Scope,
  year: number,
  rubric: Rubric,
  basis?: RankBasis,
): Promise<{ rows: RankedRow[]; basis: RankBasis }> {
  const years = [year - 1, year];
  const [{ agencies: list, evidence }, entries] = await Promise.all([
    gatherEvidence(db, scope, years, rubricRules(rubric.definition), rubricCellKeys(rubric.definition), false),
    listEntries(db, scope, years, rubric),
  ]);
  const inputs: RankInput[] = list.map((a) => {
    const key = (y: number) => `${a.agencyId}:${y}`;
    const e = evidence.get(key(year)) ?? null;
    const p = evidence.get(key(year - 1)) ?? null;
    return {
      agencyId: a.agencyId,
      agency: a.agency,
      region: a.region,
      reportId: e?.reportId ?? null,
      score: scoreReport(rubric.definition, e, entries.get(key(year))),
      previous: p ? scoreReport(rubric.definition, p, entries.get(key(year - 1))) : null,
    };
  });
  const b = basis ?? defaultBasis(inputs);
  return { rows: rankAgencies(inputs, b), basis: b };
}

/** Years that have reports, newest first: the year picker (one definition, in coverage.ts). */
export async function listScoringYears(db: Db): Promise<number[]> {
  return listReportYears(db);
}

// ---- score sheet -----------------------------------------------------------------------------

export async function getScoreSheet(db: Db, agencyId: number, year: number, rubric: Rubric) {
  const [agency] = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, region: regions.name })
    .from(agencies)
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .where(eq(agencies.id, agencyId));
  if (!agency) return null;
  const scope = { agencyIds: [agencyId] };
  const [{ evidence }, entries, [score]] = await Promise.all([
    gatherEvidence(db, scope, [year], rubricRules(rubric.definition), rubricCellKeys(rubric.definition)),
    listEntries(db, scope, [year], rubric),
    db
      .select()
      .from(scores)
      .where(
        and(eq(scores.agencyId, agencyId), eq(scores.year, year), eq(scores.rubricId, rubric.id), eq(scores.rubricVersion, rubric.version)),
      ),
  ]);
  const e = evidence.get(`${agencyId}:${year}`) ?? null;
  const history = score
    ? await db
        .select()
        .from(scoreHistory)
        .where(eq(scoreHistory.scoreId, score.id))
        .orderBy(desc(scoreHistory.changedAt), desc(scoreHistory.id))
    : [];
  return {
    agency,
    evidence: e,
    result: scoreReport(rubric.definition, e, entries.get(`${agencyId}:${year}`)),
    score: score ?? null,
    history,
  };
}

export type SaveEntryInput = {
  agencyId: number;
  year: number;
  rubricId: number;
  rubricVersion: number;
  indicatorId: string;
  /** set: a manual value, or an override of an automatic one; clear: back to not entered / automatic. */
  action: "set" | "clear";
  points: number | null;
  reason: string;
  by: string;
};

export type SaveEntryError = "no_rubric" | "no_agency" | "indicator" | "reason_required" | "out_of_range" | "no_report";

/**
 * One assessor change, in one transaction: the score row (created on first change), every item
 * rewritten from the current evidence plus the entries, one history line, and the new total.
 */
export async function saveScoreEntry(
  db: Db,
  input: SaveEntryInput,
): Promise<{ ok: true; total: number | null; complete: boolean } | { ok: false; error: SaveEntryError }> {
  const rubric = await getRubric(db, input.rubricId, input.rubricVersion);
  if (!rubric || rubric.version !== input.rubricVersion) return { ok: false, error: "no_rubric" };
  const indicator = rubric.definition.indicators.find((x) => x.id === input.indicatorId);
  if (!indicator) return { ok: false, error: "indicator" };
  const manual = indicator.method.kind === "manual";
  if (input.action === "set") {
    if (input.points === null || input.points < 0 || input.points > indicator.max) return { ok: false, error: "out_of_range" };
    if (!manual && !input.reason.trim()) return { ok: false, error: "reason_required" };
  }
  return db.transaction(async (t) => {
    const [agency] = await t.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId));
    if (!agency) return { ok: false as const, error: "no_agency" as const };
    const scope = { agencyIds: [input.agencyId] };
    const { evidence } = await gatherEvidence(t, scope, [input.year], rubricRules(rubric.definition), rubricCellKeys(rubric.definition));
    const e = evidence.get(`${input.agencyId}:${input.year}`) ?? null;
    if (!e) return { ok: false as const, error: "no_report" as const };

    await t
      .insert(scores)
      .values({ agencyId: input.agencyId, year: input.year, rubricId: rubric.id, rubricVersion: rubric.version, updatedBy: input.by })
      .onConflictDoNothing();
    // Lock the score row: two assessors saving the same sheet take turns.
    const [score] = await t
      .select()
      .from(scores)
      .where(
        and(
          eq(scores.agencyId, input.agencyId),
          eq(scores.year, input.year),
          eq(scores.rubricId, rubric.id),
          eq(scores.rubricVersion, rubric.version),
        ),
      )
      .for("update");
    const entries = (await listEntries(t, scope, [input.year], rubric)).get(`${input.agencyId}:${input.year}`) ?? {};
    const before = scoreReport(rubric.definition, e, entries);
    const old = before.items.find((i) => i.indicatorId === input.indicatorId)!;

    const next: Record<string, Entry> = { ...entries };
    const now = new Date();
    if (input.action === "set")
      next[input.indicatorId] = {
        method: manual ? "manual" : "override",
        points: round2(input.points!),
        reason: input.reason.trim(),
        by: input.by,
        at: now,
      };
    else delete next[input.indicatorId];
    const after = scoreReport(rubric.definition, e, next);
    const changed = after.items.find((i) => i.indicatorId === input.indicatorId)!;
    // Saving what is already there changes nothing and is not a change to record.
    if (old.method === changed.method && old.points === changed.points && (old.entry?.reason ?? "") === (changed.entry?.reason ?? "")) {
      return { ok: true as const, total: before.total, complete: before.complete };
    }

    const existing = await t
      .select({ indicatorId: scoreItems.indicatorId, by: scoreItems.by, at: scoreItems.at })
      .from(scoreItems)
      .where(eq(scoreItems.scoreId, score.id));
    const kept = new Map(existing.map((x) => [x.indicatorId, x]));
    await t.delete(scoreItems).where(eq(scoreItems.scoreId, score.id));
    await t.insert(scoreItems).values(
      after.items.map((i) => {
        const mine = i.indicatorId === input.indicatorId;
        const prior = kept.get(i.indicatorId);
        return {
          scoreId: score.id,
          indicatorId: i.indicatorId,
          points: i.points,
          method: i.method,
          value: i.autoPoints,
          reason: i.entry?.reason ?? "",
          evidence: i.evidence,
          // Who last decided this item; automatic items refreshed by someone else's save keep theirs.
          by: mine ? input.by : (i.entry?.by ?? prior?.by ?? input.by),
          at: mine ? now : i.entry ? new Date(i.entry.at) : (prior?.at ?? now),
        };
      }),
    );
    await t.insert(scoreHistory).values({
      scoreId: score.id,
      indicatorId: input.indicatorId,
      oldMethod: old.method,
      oldPoints: old.points,
      newMethod: changed.method,
      newPoints: changed.points,
      reason: input.reason.trim(),
      changedBy: input.by,
      changedAt: now,
    });
    await t
      .update(scores)
      .set({ total: after.total, complete: after.complete, updatedBy: input.by, updatedAt: now })
      .where(eq(scores.id, score.id));
    return { ok: true as const, total: after.total, complete: after.complete };
  });
}
