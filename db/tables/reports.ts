/**
 * Regions, agencies, reports and their cells, corrections and the import log (findings are in
 * findings.ts, the dashboard's per-report rollups in dashboard.ts). Designed for national scale:
 * ~150,000 reports a year, ~200 cells each, many years. A report's cells are kept once, in the
 * report's row: values as jsonb and as a generated float8[] (what rollups and checks read in SQL),
 * provenance as one compact JSON text; a row per cell cost ~47 KB per report, 75 GB nationally
 * over ten years.
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
  serial,
  text,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { cellVectorSql } from "../../lib/report/cell-vector";
import { AGENCY_KINDS, REGION_LEVELS } from "../../lib/report/agency";
import { FORMATS } from "../../lib/report/template";
import type { CellSources } from "../../lib/parse/cell-sources";
import { writtenAt, ownedBy, pointsTo } from "./columns";

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
    createdAt: writtenAt("created_at"),
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
    agencyId: ownedBy("agency_id", () => agencies.id),
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
    importedAt: writtenAt("imported_at"),
  },
  // One report per agency and year, enforced here so that concurrent imports cannot make two.
  (t) => [uniqueIndex("reports_agency_year_key").on(t.agencyId, t.year), index("reports_year_idx").on(t.year)],
);

/** Every correction of a cell: the value before and after, who and when. */
export const cellHistory = pgTable(
  "cell_history",
  {
    id: serial("id").primaryKey(),
    reportId: ownedBy("report_id", () => reports.id),
    key: text("key").notNull(),
    oldValue: doublePrecision("old_value"),
    oldRaw: text("old_raw"),
    newValue: doublePrecision("new_value"),
    reason: text("reason").notNull().default(""),
    changedBy: text("changed_by").notNull(),
    changedAt: writtenAt("changed_at"),
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
    agencyId: pointsTo("agency_id", () => agencies.id),
    year: integer("year"),
    reportId: pointsTo("report_id", () => reports.id),
    at: writtenAt("at"),
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
export type CellHistoryRow = typeof cellHistory.$inferSelect;
export type ImportLogRow = typeof importLog.$inferSelect;
