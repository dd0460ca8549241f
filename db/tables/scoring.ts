/**
 * Assessor scoring (issue 7): rubrics as versioned data, scores of agency-years with their items,
 * and every change to an item.
 */
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { foreignKey as scoringForeignKey, pgSequence as scoringSequence } from "drizzle-orm/pg-core";
import type { EvidenceRef } from "../../lib/scoring/score";
import type { RubricDefinition } from "../../lib/scoring/rubric";
import { agencies, reports } from "./reports";
import { writtenAt, ownedBy } from "./columns";

// ---------------------------------------------------------------------------------------------
// Assessor scoring (issue 7): rubrics as versioned data, scores of agency-years with their items,
// and every change to an item. The scoring itself is pure (lib/scoring/score.ts); these tables keep
// what a person decided (manual points, overrides with reasons) and a snapshot of each score.

/** Rubric ids. 1 is reserved for the built-in default rubric (lib/scoring/default-rubric.ts). */
export const rubricIds = scoringSequence("rubric_ids", { startWith: 2 });

/**
 * One row per version of a rubric: an edit inserts version n + 1 and never rewrites an old one,
 * so a score can always be read against the definition it was made with.
 */
export const rubrics = pgTable(
  "rubrics",
  {
    id: integer("id").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    /** Validated by lib/scoring/rubric.ts rubricDefinitionSchema before every write. */
    definition: jsonb("definition").$type<RubricDefinition>().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: writtenAt("created_at"),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

/** One agency-year scored under one rubric version: the total and whether every indicator has points. */
export const scores = pgTable(
  "scores",
  {
    id: serial("id").primaryKey(),
    agencyId: ownedBy("agency_id", () => agencies.id),
    year: integer("year").notNull(),
    rubricId: integer("rubric_id").notNull(),
    rubricVersion: integer("rubric_version").notNull(),
    /** As of the last change; the ranking recomputes automatic items from the current findings. */
    total: doublePrecision("total"),
    complete: boolean("complete").notNull().default(false),
    updatedBy: text("updated_by").notNull(),
    updatedAt: writtenAt("updated_at"),
  },
  (t) => [
    uniqueIndex("scores_agency_year_rubric_key").on(t.agencyId, t.year, t.rubricId, t.rubricVersion),
    index("scores_rubric_year_idx").on(t.rubricId, t.rubricVersion, t.year),
    scoringForeignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version], name: "scores_rubric_fk" }),
  ],
);

/** The points of each indicator of a score, with where they came from and who set them. */
export const scoreItems = pgTable(
  "score_items",
  {
    scoreId: ownedBy("score_id", () => scores.id),
    indicatorId: text("indicator_id").notNull(),
    /** null: not known (an automatic indicator without evidence, a manual one not entered). */
    points: doublePrecision("points"),
    method: text("method", { enum: ["auto", "manual", "override"] }).notNull(),
    /** What the automatic method gave when this was saved (the value an override replaced). */
    value: doublePrecision("value"),
    reason: text("reason").notNull().default(""),
    evidence: jsonb("evidence").$type<EvidenceRef[]>().notNull().default([]),
    by: text("by").notNull(),
    at: writtenAt("at"),
  },
  (t) => [primaryKey({ columns: [t.scoreId, t.indicatorId] })],
);

/** Every change to a score item: before and after, who and when. */
export const scoreHistory = pgTable(
  "score_history",
  {
    id: serial("id").primaryKey(),
    scoreId: ownedBy("score_id", () => scores.id),
    indicatorId: text("indicator_id").notNull(),
    oldMethod: text("old_method", { enum: ["auto", "manual", "override"] }),
    oldPoints: doublePrecision("old_points"),
    newMethod: text("new_method", { enum: ["auto", "manual", "override"] }).notNull(),
    newPoints: doublePrecision("new_points"),
    reason: text("reason").notNull().default(""),
    changedBy: text("changed_by").notNull(),
    changedAt: writtenAt("changed_at"),
  },
  (t) => [index("score_history_score_idx").on(t.scoreId, t.changedAt)],
);

export type RubricRow = typeof rubrics.$inferSelect;
export type ScoreRow = typeof scores.$inferSelect;
export type ScoreItemRow = typeof scoreItems.$inferSelect;
export type ScoreHistoryRow = typeof scoreHistory.$inferSelect;

/**
 * The automatic points of every report under every rubric version: one narrow row per report and
 * version, `items` in the rubric's indicator order (null: not known, or a manual indicator). A
 * ranking reads these for its scope and adds the assessor's entries in SQL, instead of loading the
 * evidence of every report into JavaScript. Rewritten in the transaction that changes what they
 * depend on — a re-check (every import and correction re-checks), a review of a finding, a new
 * rubric version — by db/queries/report-scores.ts.
 */
export const reportScores = pgTable(
  "report_scores",
  {
    rubricId: integer("rubric_id").notNull(),
    rubricVersion: integer("rubric_version").notNull(),
    reportId: ownedBy("report_id", () => reports.id),
    agencyId: integer("agency_id").notNull(),
    year: integer("year").notNull(),
    items: doublePrecision("items").array().notNull(),
    /** The automatic items' sum (round2), null while one is unknown: the points ranked on when no entry applies. */
    auto: doublePrecision("auto"),
    /** The sum of the known automatic items (round2). */
    known: doublePrecision("known").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rubricId, t.rubricVersion, t.reportId] }),
    index("report_scores_report_idx").on(t.reportId),
    // A ranking page reads the agencies under the few point values that reach it (index only);
    // by agency and year a row is found through reports and the primary key.
    index("report_scores_points_idx").on(t.rubricId, t.rubricVersion, t.year, t.auto, t.known, t.agencyId),
  ],
);

/**
 * report_scores counted per region (the agency's own) and points: a ranking of a province counts
 * agencies per point value from these rows — a few dozen per region — and reads agency by agency
 * only the values that reach the page. Kept by statement triggers on report_scores
 * (drizzle/0021_region_rollups.sql), applied in key order.
 */
export const scoreCounts = pgTable(
  "score_counts",
  {
    rubricId: integer("rubric_id").notNull(),
    rubricVersion: integer("rubric_version").notNull(),
    year: integer("year").notNull(),
    regionId: integer("region_id").notNull(),
    auto: doublePrecision("auto"),
    known: doublePrecision("known").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [unique("score_counts_key").on(t.rubricId, t.rubricVersion, t.year, t.regionId, t.auto, t.known).nullsNotDistinct()],
);
