/** Background work (db/jobs.ts runs it). */
import { index, integer, jsonb, pgTable, serial, text } from "drizzle-orm/pg-core";
import { users } from "./users";
import { instant, writtenAt, pointsTo } from "./columns";

/**
 * Work that takes longer than a request (OCR of a scan, harvesting a region's websites, scheduled
 * runs). In Postgres rather than in one process's memory so that a job survives a restart and each
 * job runs once when several app instances share the database: a worker claims a row with
 * `FOR UPDATE SKIP LOCKED` and holds it by a lease it renews; a lease that runs out (the instance
 * died) lets another worker take the job again.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(),
    /** Set for a run that must happen once, e.g. a daily schedule's "harvest:2026-01-15". */
    key: text("key").unique(),
    payload: jsonb("payload").notNull().default({}),
    status: text("status", { enum: ["queued", "running", "done", "failed", "cancelled"] })
      .notNull()
      .default("queued"),
    /** What the job says about itself while it runs: { done, total, note }. */
    progress: jsonb("progress"),
    result: jsonb("result"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    runAfter: writtenAt("run_after"),
    lockedBy: text("locked_by"),
    lockedUntil: instant("locked_until"),
    createdBy: pointsTo("created_by", () => users.id),
    createdAt: writtenAt("created_at"),
    startedAt: instant("started_at"),
    finishedAt: instant("finished_at"),
  },
  (t) => [index("jobs_status_run_after_idx").on(t.status, t.runAfter), index("jobs_kind_created_idx").on(t.kind, t.createdAt)],
);
