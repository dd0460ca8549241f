/** Harvesting reports from agencies' websites (issue 19). */
import { date, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { agencies, reports } from "./reports";
import { instant, writtenAt, ownedBy, pointsTo } from "./columns";

// ---------------------------------------------------------------------------------------------
// Harvesting reports from agencies' websites (issue 19): where each agency's annual-report column
// is, what was found there and when. The report itself is stored through the import path
// (reports); these tables keep the evidence: where it came from, when it first appeared, and every
// version an agency published under the same year.

/** An agency's annual-report column (list page). One per agency. */
export const harvestSources = pgTable("harvest_sources", {
  agencyId: integer("agency_id")
    .primaryKey()
    .references(() => agencies.id, { onDelete: "cascade" }),
  listUrl: text("list_url").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: writtenAt("updated_at"),
  /** The last time the list was read to the end (what "not found as of T" refers to). */
  checkedAt: instant("checked_at"),
  /** Why the last attempt failed, in Chinese; null when it succeeded. */
  lastError: text("last_error"),
});

/**
 * Per agency and year: when its report was first seen on the list, and the last time the list was
 * read without it. The pair bounds when the report really appeared, whatever date it prints.
 */
export const harvestYears = pgTable(
  "harvest_years",
  {
    agencyId: ownedBy("agency_id", () => agencies.id),
    year: integer("year").notNull(),
    firstSeenAt: instant("first_seen_at"),
    lastMissingAt: instant("last_missing_at"),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/**
 * Every version of a harvested report: a changed content hash under the same agency and year is a
 * new row (agencies do quietly replace reports); the newest is the one in `reports`. The text and
 * cells of each version are kept so an earlier one can still be read.
 */
export const harvestVersions = pgTable(
  "harvest_versions",
  {
    id: serial("id").primaryKey(),
    agencyId: ownedBy("agency_id", () => agencies.id),
    year: integer("year").notNull(),
    version: integer("version").notNull(),
    reportId: pointsTo("report_id", () => reports.id),
    title: text("title").notNull(),
    pageUrl: text("page_url").notNull(),
    attachmentUrl: text("attachment_url"),
    /** The date the page prints (发布日期). */
    printedOn: date("printed_on", { mode: "string" }),
    /** When this version was fetched for the first time. */
    fetchedAt: writtenAt("fetched_at"),
    /** SHA-256 of the text read from the document: the same again is skipped. */
    contentHash: text("content_hash").notNull(),
    cellValues: jsonb("cell_values").$type<Record<string, number | null>>().notNull().default({}),
    sourceText: text("source_text").notNull().default(""),
  },
  (t) => [uniqueIndex("harvest_versions_agency_year_version_key").on(t.agencyId, t.year, t.version)],
);

export type HarvestSource = typeof harvestSources.$inferSelect;
export type HarvestVersion = typeof harvestVersions.$inferSelect;
