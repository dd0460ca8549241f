/**
 * Regions, agencies, reports and their cells, findings and reviews, corrections, the import log,
 * and the dashboard's per-report rollups. Designed for national scale: ~150,000 reports a year,
 * ~200 cells each, many years. A report's cells are kept once, in the report's row: values as jsonb
 * and as a generated float8[] (what rollups and checks read in SQL), provenance as one compact
 * jsonb object; a row per cell cost ~47 KB per report, 75 GB nationally over ten years.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { cellVectorSql } from "../../lib/report/cell-vector";
import { AGENCY_KINDS, REGION_LEVELS } from "../../lib/report/agency";
import { FORMATS } from "../../lib/report/template";
import type { CellSources } from "../../lib/parse/cell-sources";
import { FIGURES, figureColumn } from "../../lib/dashboard/figures";

/**
 * JSON kept as text: for what is only ever read whole by the application, never queried in SQL.
 * Storing text skips jsonb's parse on every write (4× the cost of the rest of a report row when
 * loading hundreds of thousands) and compresses as well.
 */
const jsonText = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => "text",
    toDriver: (v) => JSON.stringify(v),
    fromDriver: (v) => JSON.parse(v) as T,
  })(name);

export const regions = pgTable(
  "regions",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: REGION_LEVELS }).notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => regions.id),
    /** Materialized path of ancestor ids, `/1/5/23/`: a region's subtree is one prefix scan. */
    path: text("path").notNull().default("/"),
    /** GB/T 2260 code when the region comes from the national directory (lib/report/divisions.ts). */
    code: text("code"),
  },
  (t) => [
    uniqueIndex("regions_parent_name_key").on(sql`coalesce(${t.parentId}, 0)`, t.name),
    uniqueIndex("regions_code_key").on(t.code),
    index("regions_path_idx").on(t.path),
  ],
);

export const agencies = pgTable(
  "agencies",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    kind: text("kind", { enum: AGENCY_KINDS }).notNull(),
    /** Pinyin initials of the name (平潭综合实验区 → ptzhsyq), for search. */
    initials: text("initials").notNull().default(""),
    /** Years the agency is expected to report (null: open-ended), for coverage. */
    activeFrom: integer("active_from"),
    activeTo: integer("active_to"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agencies_region_name_key").on(t.regionId, t.name),
    index("agencies_name_idx").on(t.name),
    index("agencies_initials_idx").on(t.initials),
    index("agencies_region_idx").on(t.regionId),
  ],
);

export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    format: text("format", { enum: FORMATS }).notNull(),
    /** 2021 表二 printed with a 2019-style single （六）其他处理 row. */
    mixedFormat: boolean("mixed_format").notNull().default(false),
    publishedOn: date("published_on", { mode: "string" }),
    title: text("title"),
    sourceName: text("source_name").notNull(),
    sourceKind: text("source_kind").notNull(),
    sourceText: text("source_text").notNull(),
    /** The report's prose without its tables: what narrative and similarity checks read. */
    narrative: text("narrative").notNull().default(""),
    /**
     * The headline figures the prose states (主动公开 N 条, 收到申请 N 件…), each with its sentence:
     * all a pre-2019 report has that compares with later years.
     */
    headline: jsonb("headline").$type<{ key: string; value: number; sentence: string; source: "text" | "table" }[]>().notNull().default([]),
    /**
     * Every cell's value as one object (absent: not printed; null: printed blank): the one place a
     * report's values are written. Checks and exports read whole reports by the thousand.
     */
    cellValues: jsonb("cell_values").$type<Record<string, number | null>>().notNull().default({}),
    /**
     * The same cells as numbers in CELL_VECTOR_KEYS order (lib/report/cell-vector.ts), generated
     * from cell_values: the checks read 15,000 of these in a fraction of the jsonb's time.
     */
    cellVector: doublePrecision("cell_vector")
      .array()
      .generatedAlwaysAs(sql.raw(cellVectorSql("cell_values"))),
    /**
     * Where each cell was read (text as printed, note, location), one JSON object per report
     * (lib/parse/cell-sources.ts): provenance kept once, compressed by TOAST, instead of a row
     * per cell. Corrections keep their before and after in cell_history.
     */
    cellSources: jsonText<CellSources>("cell_sources").notNull().default(sql`'{}'`),
    parserVersion: text("parser_version").notNull(),
    /** Cells the format defines that the document does not print (truncated input). */
    missingCells: jsonb("missing_cells").$type<string[]>().notNull().default([]),
    /** What the parser could not place (rows it did not recognise), as messages. */
    unread: jsonb("unread").$type<{ message: string; where: string }[]>().notNull().default([]),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One report per agency and year, enforced here so that concurrent imports cannot make two.
  (t) => [uniqueIndex("reports_agency_year_key").on(t.agencyId, t.year), index("reports_year_idx").on(t.year)],
);

export const findings = pgTable(
  "findings",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    /** The report's year, copied: "the latest errors" is then one index walk, not a join over every report. */
    year: integer("year").notNull(),
    rule: text("rule").notNull(),
    severity: text("severity", { enum: ["error", "warning", "info"] }).notNull(),
    cells: jsonb("cells").$type<string[]>().notNull(),
    message: text("message").notNull(),
    /** rule + cells + figures: the same across re-imports and re-checks while the finding is unchanged. */
    fingerprint: text("fingerprint").notNull(),
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
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    status: text("status", { enum: ["confirmed", "dismissed"] }).notNull(),
    comment: text("comment").notNull().default(""),
    reviewer: text("reviewer").notNull(),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.fingerprint] })],
);

/** Every correction of a cell: the value before and after, who and when. */
export const cellHistory = pgTable(
  "cell_history",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    oldValue: doublePrecision("old_value"),
    oldRaw: text("old_raw"),
    newValue: doublePrecision("new_value"),
    reason: text("reason").notNull().default(""),
    changedBy: text("changed_by").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cell_history_report_idx").on(t.reportId, t.key)],
);

/** One line per file imported (UI, CLI, batch): what happened to it, for the import log and coverage. */
export const importLog = pgTable(
  "import_log",
  {
    id: serial("id").primaryKey(),
    batchId: text("batch_id"),
    sourceName: text("source_name").notNull(),
    status: text("status", { enum: ["created", "updated", "failed"] }).notNull(),
    message: text("message").notNull(),
    agencyId: integer("agency_id").references(() => agencies.id, { onDelete: "set null" }),
    year: integer("year"),
    reportId: integer("report_id").references(() => reports.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("import_log_at_idx").on(t.at),
    index("import_log_year_idx").on(t.year),
    // Failed imports of a year (coverage): a few among a year's thousands of lines.
    index("import_log_failed_idx").on(t.year, t.agencyId, t.at).where(sql`${t.status} = 'failed'`),
  ],
);

export type Region = typeof regions.$inferSelect;
export type Agency = typeof agencies.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;
export type FindingReview = typeof findingReviews.$inferSelect;
export type CellHistoryRow = typeof cellHistory.$inferSelect;
export type ImportLogRow = typeof importLog.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Dashboard (issue 5): the per-report rollup the compare and region pages aggregate, and the
// user's corrections of the "posts published" figures read from section 一.

/** One double column per dashboard figure (lib/dashboard/figures.ts), named by figureColumn(). */
const figureColumns = Object.fromEntries(FIGURES.map((x) => [x.id, doublePrecision(figureColumn(x.id))])) as Record<
  string,
  ReturnType<typeof doublePrecision>
>;

/**
 * The dashboard figures of each report, one narrow row per report (≈40 numbers instead of ≈200
 * cell rows): region totals and cross-agency comparisons sum these, so a province-wide aggregate
 * reads tens of thousands of rows, not millions. Derived from reports.cell_values by
 * db/queries/figures.ts (refreshReportFigures); `imported_at` copies the report's, so a
 * re-imported report is recomputed.
 */
export const reportFigures = pgTable(
  "report_figures",
  {
    reportId: integer("report_id")
      .primaryKey()
      .references(() => reports.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    format: text("format", { enum: FORMATS }).notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
    /** Days published after the deadline (lib/report/deadline.ts), 0 on time, null undated. */
    daysLate: integer("days_late"),
    ...figureColumns,
  },
  (t) => [
    index("report_figures_agency_year_idx").on(t.agencyId, t.year),
    // Covering: the coverage page reads a year's report ids and days late from the index alone.
    index("report_figures_year_idx").on(t.year, t.agencyId, t.reportId, t.daysLate),
    index("report_figures_imported_at_idx").on(t.importedAt),
  ],
);

/**
 * Reports per year and how many were published late or undated: what the overview's coverage
 * table and counts read, a handful of rows however many reports. Kept by a row trigger on
 * report_figures (drizzle/0006_report_year_stats.sql) that adds and subtracts, so concurrent
 * imports of one year count right (they queue on the year's row for the moment of the update).
 */
export const reportYearStats = pgTable("report_year_stats", {
  year: integer("year").primaryKey(),
  filed: integer("filed").notNull().default(0),
  late: integer("late").notNull().default(0),
  undated: integer("undated").notNull().default(0),
});

/**
 * A user's correction of a "posts published" figure (政府网站 / 微信公众号 发布信息 N 条) that the
 * dashboard reads from a report's section 一. The extraction itself is recomputed from the text;
 * only what a person decided is stored. value null: "this report states no such figure".
 */
export const postCountCorrections = pgTable(
  "post_count_corrections",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    value: doublePrecision("value"),
    comment: text("comment").notNull().default(""),
    correctedBy: text("corrected_by").notNull(),
    correctedAt: timestamp("corrected_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.channel] })],
);

export type ReportFiguresRow = typeof reportFigures.$inferSelect;
export type PostCountCorrection = typeof postCountCorrections.$inferSelect;
