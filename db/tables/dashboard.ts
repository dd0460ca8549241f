/**
 * Dashboard (issue 5): the per-report rollup the compare and region pages aggregate, the yearly
 * counts the overview reads, and the user's corrections of the "posts published" figures read
 * from section 一.
 */
import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { FORMATS } from "../../lib/report/template";
import { FIGURES, figureColumn } from "../../lib/dashboard/figures";
import { instant, ownedBy, writtenAt } from "./columns";
import { agencies, reports } from "./reports";

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
    agencyId: ownedBy("agency_id", () => agencies.id),
    year: integer("year").notNull(),
    format: text("format", { enum: FORMATS }).notNull(),
    importedAt: instant("imported_at").notNull(),
    /** Days published after the deadline (lib/report/deadline.ts), 0 on time, null undated. */
    daysLate: integer("days_late"),
    ...figureColumns,
  },
  (t) => [
    index("report_figures_agency_year_idx").on(t.agencyId, t.year),
    // A year's reports of the agencies in scope (the compare page's ranking).
    index("report_figures_year_idx").on(t.year, t.agencyId, t.reportId, t.daysLate),
    index("report_figures_imported_at_idx").on(t.importedAt),
    // The coverage page's late list, most days late first: a walk down the late reports of a year.
    index("report_figures_late_idx").on(t.year, t.daysLate.desc(), t.agencyId, t.reportId).where(sql`${t.daysLate} > 0`),
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

/** The sum and the count of reports printing it, per dashboard figure, named as in report_figures. */
const figureTotals = Object.fromEntries(
  FIGURES.flatMap((x) => [
    [
      `s_${x.id}`,
      doublePrecision(`s_${figureColumn(x.id)}`)
        .notNull()
        .default(0),
    ],
    [
      `n_${x.id}`,
      integer(`n_${figureColumn(x.id)}`)
        .notNull()
        .default(0),
    ],
  ]),
) as Record<string, ReturnType<typeof doublePrecision> | ReturnType<typeof integer>>;

/**
 * report_figures summed per region (the agencies directly in it) and year: a region's totals are
 * the sum over the few regions of its subtree, not over every report in it, and the coverage
 * page's late count per region comes from here. Kept by statement triggers on report_figures
 * (drizzle/0021_region_rollups.sql), applied in key order; an agency moved to another region
 * takes its rows along (trigger on agencies).
 */
export const regionFigures = pgTable(
  "region_figures",
  {
    regionId: integer("region_id").notNull(),
    year: integer("year").notNull(),
    reports: integer("reports").notNull().default(0),
    late: integer("late").notNull().default(0),
    ...figureTotals,
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year] }), index("region_figures_year_idx").on(t.year, t.regionId, t.late)],
);

/**
 * A user's correction of a "posts published" figure (政府网站 / 微信公众号 发布信息 N 条) that the
 * dashboard reads from a report's section 一. The extraction itself is recomputed from the text;
 * only what a person decided is stored. value null: "this report states no such figure".
 */
export const postCountCorrections = pgTable(
  "post_count_corrections",
  {
    reportId: ownedBy("report_id", () => reports.id),
    channel: text("channel").notNull(),
    value: doublePrecision("value"),
    comment: text("comment").notNull().default(""),
    correctedBy: text("corrected_by").notNull(),
    correctedAt: writtenAt("corrected_at"),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.channel] })],
);

export type ReportFiguresRow = typeof reportFigures.$inferSelect;
export type PostCountCorrection = typeof postCountCorrections.$inferSelect;
