/**
 * Column shapes every table repeats, named by what they mean: a time (always timestamptz, shown in
 * Beijing time), when a row was written, and the two kinds of reference — one a row belongs to
 * (deleted with it) and one it merely points at (forgotten when that row goes).
 */
import { integer, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

export const instant = (name: string) => timestamp(name, { withTimezone: true });

/** When the row was written: set by the database. */
export const writtenAt = (name: string) => instant(name).notNull().defaultNow();

/** The row this one belongs to: deleting it deletes this row too. */
export const ownedBy = (name: string, target: () => AnyPgColumn) => integer(name).notNull().references(target, { onDelete: "cascade" });

/** A row this one points at without belonging to it: deleting it leaves this row, the reference null. */
export const pointsTo = (name: string, target: () => AnyPgColumn) => integer(name).references(target, { onDelete: "set null" });
