/**
 * The job table's reads and writes (see `jobs` in db/schema.ts for why jobs live in Postgres).
 * Every state change names the worker that holds the job, so a worker whose lease ran out and was
 * taken over cannot overwrite the new holder's result.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../index";
import { jobs } from "../schema";
import { rowsOf } from "./rows";

export type Job = typeof jobs.$inferSelect;
export interface JobProgress {
  done: number;
  total: number;
  note?: string;
}

export interface NewJob {
  kind: string;
  payload?: unknown;
  /** A job with a key is created once: a second enqueue with the same key returns null. */
  key?: string;
  runAfter?: Date;
  maxAttempts?: number;
  createdBy?: number | null;
}

export async function enqueueJob(db: Db, j: NewJob): Promise<number | null> {
  const rows = await db
    .insert(jobs)
    .values({
      kind: j.kind,
      payload: (j.payload ?? {}) as never,
      key: j.key ?? null,
      runAfter: j.runAfter ?? new Date(),
      maxAttempts: j.maxAttempts ?? 3,
      createdBy: j.createdBy ?? null,
    })
    .onConflictDoNothing({ target: jobs.key })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/**
 * Takes the oldest due job of these kinds, or one whose holder's lease ran out. SKIP LOCKED lets
 * any number of instances poll at once without two of them taking the same row.
 */
export async function claimJob(db: Db, kinds: string[], worker: string, leaseMs: number): Promise<Job | null> {
  if (kinds.length === 0) return null;
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`
    update jobs set status = 'running', locked_by = ${worker},
      locked_until = now() + ${`${leaseMs} milliseconds`}::interval,
      attempts = attempts + 1, started_at = coalesce(started_at, now())
    where id = (
      select id from jobs
      where kind in (${kindList})
        and ((status = 'queued' and run_after <= now()) or (status = 'running' and locked_until < now()))
      order by run_after, id
      for update skip locked
      limit 1
    )
    returning id`),
  );
  const id = rows[0]?.id;
  return id === undefined ? null : getJob(db, Number(id));
}

export async function getJob(db: Db, id: number): Promise<Job | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

export async function listJobs(db: Db, opts: { kinds?: string[]; createdBy?: number; limit?: number } = {}) {
  const where = and(
    opts.kinds?.length ? inArray(jobs.kind, opts.kinds) : undefined,
    opts.createdBy === undefined ? undefined : eq(jobs.createdBy, opts.createdBy),
  );
  return db
    .select()
    .from(jobs)
    .where(where)
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(opts.limit ?? 50);
}

const held = (id: number, worker: string) => and(eq(jobs.id, id), eq(jobs.lockedBy, worker), eq(jobs.status, "running"));

/** Records progress and renews the lease; false when the job is no longer this worker's. */
export async function reportJobProgress(db: Db, id: number, worker: string, progress: JobProgress | null, leaseMs: number) {
  const rows = await db
    .update(jobs)
    .set({
      ...(progress ? { progress: progress as never } : {}),
      lockedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
    })
    .where(held(id, worker))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function finishJob(db: Db, id: number, worker: string, result: unknown) {
  const rows = await db
    .update(jobs)
    .set({ status: "done", result: (result ?? null) as never, error: null, lockedBy: null, lockedUntil: null, finishedAt: new Date() })
    .where(held(id, worker))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * A failed attempt goes back to the queue with a growing delay until it has used its attempts;
 * `final` marks a failure that no retry can fix (bad input), so it fails at once.
 */
export async function failJob(db: Db, id: number, worker: string, error: string, opts: { final?: boolean; backoffMs?: number } = {}) {
  const backoff = opts.backoffMs ?? 30_000;
  const rows = await db
    .update(jobs)
    .set({
      status: opts.final ? sql`'failed'` : sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then 'failed' else 'queued' end`,
      error,
      lockedBy: null,
      lockedUntil: null,
      runAfter: sql`now() + (${backoff} * power(2, greatest(${jobs.attempts} - 1, 0))) * interval '1 millisecond'`,
      finishedAt: opts.final ? new Date() : sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then now() else null end`,
    })
    .where(held(id, worker))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Cancels a job that has not finished; a running handler sees it at its next progress report. */
export async function cancelJob(db: Db, id: number) {
  const rows = await db
    .update(jobs)
    .set({ status: "cancelled", lockedBy: null, lockedUntil: null, finishedAt: new Date() })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ["queued", "running"])))
    .returning({ id: jobs.id });
  return rows.length > 0;
}
