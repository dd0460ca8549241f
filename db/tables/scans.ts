/** Scanned reports waiting for OCR, preview and save (issue 17). */
import { customType, index, integer, jsonb, pgTable, primaryKey, serial, text } from "drizzle-orm/pg-core";
import { reports } from "./reports";
import { users } from "./users";
import { jobs } from "./jobs";
import { writtenAt, ownedBy, pointsTo } from "./columns";

/** Raw bytes (scanned pages and their images). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A scanned report (an image-only PDF, or page images) uploaded for import: OCR runs as a job
 * (kind "scan.ocr"), and what it read waits here for the filer's preview and save — the import page
 * can be left and come back. `parsed` is the reader's result; the report it became is `reportId`.
 */
export const scans = pgTable(
  "scans",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    jobId: pointsTo("job_id", () => jobs.id),
    createdBy: pointsTo("created_by", () => users.id),
    createdAt: writtenAt("created_at"),
    parsed: jsonb("parsed"),
    error: text("error"),
    reportId: pointsTo("report_id", () => reports.id),
  },
  (t) => [index("scans_created_by_idx").on(t.createdBy, t.createdAt), index("scans_report_idx").on(t.reportId)],
);

/** The uploaded files of a scan, in page order, and each recognized page's image (provenance). */
export const scanFiles = pgTable(
  "scan_files",
  {
    scanId: ownedBy("scan_id", () => scans.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scanId, t.position] })],
);

export const scanPages = pgTable(
  "scan_pages",
  {
    scanId: ownedBy("scan_id", () => scans.id),
    page: integer("page").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    conf: integer("conf").notNull(),
    image: bytea("image").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scanId, t.page] })],
);
