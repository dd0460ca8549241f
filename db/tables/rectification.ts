/** 整改事项 (issue 18). */
import { date, index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { agencies, reports } from "./reports";
import { findingColumns } from "./findings";

// ---------------------------------------------------------------------------------------------
// 整改事项 (issue 18): an assessor turns a finding into an item with a due date; the filer answers;
// the assessor accepts or returns it. The finding itself is rewritten on every re-check, so the
// item keeps a copy of what it was about (rule, cells, message, fingerprint) and is matched again
// against the report's current findings to tell whether it is gone, still there or changed.

import { customType as rectCustomType } from "drizzle-orm/pg-core";
import { instant, writtenAt, ownedBy } from "./columns";

const rectBytes = rectCustomType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const RECTIFICATION_STATUSES = ["open", "responded", "accepted"] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_RESPONSES = ["corrected", "explained"] as const;
export type RectificationResponse = (typeof RECTIFICATION_RESPONSES)[number];

export const rectifications = pgTable(
  "rectifications",
  {
    id: serial("id").primaryKey(),
    agencyId: ownedBy("agency_id", () => agencies.id),
    /** Stable across re-imports: a report of an agency-year is updated in place. */
    reportId: ownedBy("report_id", () => reports.id),
    /** The finding as it read when the item was opened (what the notice quotes). */
    ...findingColumns(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    status: text("status", { enum: RECTIFICATION_STATUSES }).notNull().default("open"),
    openedBy: text("opened_by").notNull(),
    openedAt: writtenAt("opened_at"),
    response: text("response", { enum: RECTIFICATION_RESPONSES }),
    responseText: text("response_text").notNull().default(""),
    /** When the answer is "corrected": the report's import time it pointed at (proof it was re-imported). */
    responseImportedAt: instant("response_imported_at"),
    respondedBy: text("responded_by"),
    respondedAt: instant("responded_at"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: instant("reviewed_at"),
    /** The last 退回 reason (the audit log keeps every one). */
    returnReason: text("return_reason").notNull().default(""),
    returnCount: integer("return_count").notNull().default(0),
  },
  (t) => [
    // One live item per finding: opening the same finding twice is a no-op, not a duplicate.
    uniqueIndex("rectifications_report_fingerprint_key").on(t.reportId, t.fingerprint),
    index("rectifications_agency_idx").on(t.agencyId, t.status),
    index("rectifications_due_idx").on(t.status, t.dueOn),
  ],
);

/** The file an agency attaches to an explanation; kept in the database so it is saved in the same transaction. */
export const rectificationAttachments = pgTable("rectification_attachments", {
  rectificationId: integer("rectification_id")
    .primaryKey()
    .references(() => rectifications.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  type: text("type").notNull(),
  size: integer("size").notNull(),
  data: rectBytes("data").notNull(),
  uploadedBy: text("uploaded_by").notNull(),
  uploadedAt: writtenAt("uploaded_at"),
});

export type RectificationRow = typeof rectifications.$inferSelect;
