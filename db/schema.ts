/**
 * Designed for national scale: ~150,000 reports a year, ~200 cells each, many years. Cells are
 * rows (one index serves every "this key across agencies and years" query), not a JSON blob.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
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

export const REGION_LEVELS = ["province", "city", "county", "township"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const AGENCY_KINDS = ["government", "department", "township"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const regions = pgTable(
  "regions",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: REGION_LEVELS }).notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => regions.id),
    /** Materialized path of ancestor ids, `/1/5/23/`: a region's subtree is one prefix scan. */
    path: text("path").notNull().default("/"),
  },
  (t) => [
    uniqueIndex("regions_parent_name_key").on(sql`coalesce(${t.parentId}, 0)`, t.name),
    index("regions_path_idx").on(t.path),
  ],
);

export const agencies = pgTable(
  "agencies",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    regionId: integer("region_id").notNull().references(() => regions.id),
    kind: text("kind", { enum: AGENCY_KINDS }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agencies_region_name_key").on(t.regionId, t.name), index("agencies_name_idx").on(t.name)],
);

export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    agencyId: integer("agency_id").notNull().references(() => agencies.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    format: text("format", { enum: ["2021", "2019", "pre2019"] }).notNull(),
    /** 2021 表二 printed with a 2019-style single （六）其他处理 row. */
    mixedFormat: boolean("mixed_format").notNull().default(false),
    publishedOn: date("published_on", { mode: "string" }),
    title: text("title"),
    sourceName: text("source_name").notNull(),
    sourceKind: text("source_kind").notNull(),
    sourceText: text("source_text").notNull(),
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

export const reportCells = pgTable(
  "report_cells",
  {
    reportId: integer("report_id").notNull().references(() => reports.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** null: printed blank. A key that is not printed has no row. */
    value: doublePrecision("value"),
    raw: text("raw").notNull(),
    note: text("note"),
    /** Where in the source it was read: line, or table/row/column, or page. */
    source: jsonb("source").$type<{ line?: number; table?: number; row?: number; col?: number; page?: number }>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.key] }), index("report_cells_key_idx").on(t.key)],
);

export const findings = pgTable(
  "findings",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id").notNull().references(() => reports.id, { onDelete: "cascade" }),
    rule: text("rule").notNull(),
    severity: text("severity", { enum: ["error", "warning", "info"] }).notNull(),
    cells: jsonb("cells").$type<string[]>().notNull(),
    message: text("message").notNull(),
    /** rule + cells: stays the same across re-imports while the finding is unchanged (for reviews). */
    fingerprint: text("fingerprint").notNull(),
  },
  (t) => [index("findings_report_idx").on(t.reportId), index("findings_rule_idx").on(t.rule, t.severity)],
);

export type Region = typeof regions.$inferSelect;
export type Agency = typeof agencies.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type ReportCell = typeof reportCells.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;
