/**
 * What the checks found in each report (rewritten on every re-check), the counts the findings
 * queue's facets read, and the reviewers' decisions, which outlive re-checks by fingerprint.
 */
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ownedBy, writtenAt } from "./columns";
import { reports } from "./reports";

/**
 * What a finding says. A rectification (整改事项) copies them whole: it quotes the finding as it
 * read when the item was opened. `year` is the report's, copied: "the latest errors" is then one
 * index walk, not a join over every report; `fingerprint` (rule + cells + figures) is the same
 * across re-imports and re-checks while the finding is unchanged.
 */
export const findingColumns = () => ({
  year: integer("year").notNull(),
  rule: text("rule").notNull(),
  severity: text("severity", { enum: ["error", "warning", "info"] }).notNull(),
  cells: jsonb("cells").$type<string[]>().notNull(),
  message: text("message").notNull(),
  fingerprint: text("fingerprint").notNull(),
});

export const findings = pgTable(
  "findings",
  {
    id: serial("id").primaryKey(),
    reportId: ownedBy("report_id", () => reports.id),
    ...findingColumns(),
  },
  (t) => [
    // (A report's findings are found by the unique (report_id, fingerprint) index below.)
    index("findings_rule_idx").on(t.rule, t.severity),
    uniqueIndex("findings_report_fingerprint_key").on(t.reportId, t.fingerprint),
    // Errors are a few thousand of a province's hundreds of thousands of findings: counting the
    // open ones and listing the latest read these two small indexes.
    index("findings_errors_idx").on(t.reportId, t.fingerprint).where(sql`${t.severity} = 'error'`),
    index("findings_errors_latest_idx").on(t.year, t.id).where(sql`${t.severity} = 'error'`),
    // The queue's order (errors first, latest year first, a report's findings together): a page of
    // the queue is a walk along this index, not a sort of every finding.
    index("findings_queue_idx").on(
      sql`(case ${t.severity} when 'error' then 0 when 'warning' then 1 else 2 end)`,
      t.year.desc(),
      t.reportId,
      t.id,
    ),
  ],
);

/**
 * Findings counted by the agency's own region, its kind, year, rule and severity: what the queue's
 * facets read — rows per region and rule, however many findings there are. Kept by statement
 * triggers on findings (drizzle/0014_finding_stats_triggers.sql) that add and subtract in key
 * order, so concurrent re-checks queue on the rows they share instead of deadlocking. Review
 * status is not kept here: the reviewed findings are few and counted from finding_reviews.
 */
export const findingStats = pgTable(
  "finding_stats",
  {
    regionId: integer("region_id").notNull(),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    rule: text("rule").notNull(),
    severity: text("severity").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.kind, t.year, t.rule, t.severity] })],
);

/**
 * A reviewer's decision on a finding. Keyed by the finding's fingerprint, not its row: findings are
 * rewritten on every re-check, the decision stays while the finding is unchanged.
 */
export const findingReviews = pgTable(
  "finding_reviews",
  {
    reportId: ownedBy("report_id", () => reports.id),
    fingerprint: text("fingerprint").notNull(),
    status: text("status", { enum: ["confirmed", "dismissed"] }).notNull(),
    comment: text("comment").notNull().default(""),
    reviewer: text("reviewer").notNull(),
    reviewedAt: writtenAt("reviewed_at"),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.fingerprint] })],
);

export type FindingRow = typeof findings.$inferSelect;
export type FindingReview = typeof findingReviews.$inferSelect;
