/**
 * The job runner: every app instance polls the `jobs` table and runs what it can (see the table's
 * comment in db/schema.ts). Handlers and schedules are declared here, in one place, so a newcomer
 * sees every kind of background work the product does.
 *
 * A handler runs on this process's event loop: one that computes for seconds (OCR) must hand the
 * work to a child process or worker thread, or the server stops answering while it runs.
 */
import os from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "./index";
import { claimJob, enqueueJob, failJob, finishJob, reportJobProgress, type Job, type JobProgress } from "./queries/jobs";

export interface JobContext {
  db: Db;
  /** Records progress and renews the lease; throws JobCancelled when the job was cancelled or taken over. */
  progress: (p: JobProgress) => Promise<void>;
}

/** A failure no retry can fix (the file is not a report, the address is refused): fail at once. */
export class JobInputError extends Error {}
export class JobCancelled extends Error {}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<unknown>;

/** Every kind of background work, loaded when first needed. */
const HANDLERS: Record<string, () => Promise<JobHandler>> = {
  // Kept for the runner's own tests and as the smallest example of a handler.
  echo: async () => async (job, ctx) => {
    await ctx.progress({ done: 1, total: 1 });
    return job.payload;
  },
  // A region's (or every) saved website source: pipeline/harvest.ts.
  harvest: async () => (await import("../pipeline/harvest")).harvestJob,
  // A scanned report, read with OCR page by page: pipeline/scan.ts.
  "scan.ocr": async () => (await import("../pipeline/scan")).scanJob,
};

/**
 * Runs that happen on their own: `key` names the run (a day, a week); because a key is unique in
 * the table, the run is created once however many instances look at the clock.
 */
interface Schedule {
  kind: string;
  key: (now: Date) => string | null;
  payload?: (now: Date) => unknown;
}
const SCHEDULES: Schedule[] = [
  {
    // Reports fall due in January–March: every saved source is harvested once a day then, so the
    // day a report appears is known within a day. The key is the Beijing date; HARVEST_SCHEDULE=off stops it.
    kind: "harvest",
    key: (now) => {
      const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const month = Number(day.slice(5, 7));
      return process.env.HARVEST_SCHEDULE !== "off" && month >= 1 && month <= 3 ? `harvest:${day}` : null;
    },
    payload: () => ({ scheduled: true }),
  },
];

export function registerJobHandler(kind: string, handler: JobHandler) {
  HANDLERS[kind] = async () => handler;
}

export interface RunnerOptions {
  pollMs?: number;
  leaseMs?: number;
  /** Only these kinds (tests); all declared kinds by default. */
  kinds?: string[];
}

export interface Runner {
  worker: string;
  /** Polls the table until stopped. */
  start: () => void;
  /** Runs due jobs until none is left; for tests and the CLI. */
  drain: () => Promise<number>;
  stop: () => Promise<void>;
}

export function createRunner(db: Db, opts: RunnerOptions = {}): Runner {
  const worker = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollMs = opts.pollMs ?? 2_000;
  const kinds = () => opts.kinds ?? Object.keys(HANDLERS);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<unknown> | null = null;

  async function runOne(): Promise<boolean> {
    await schedule(db, kinds());
    const job = await claimJob(db, kinds(), worker, leaseMs);
    if (!job) return false;
    const progress = async (p: JobProgress) => {
      if (!(await reportJobProgress(db, job.id, worker, p, leaseMs))) throw new JobCancelled(String(job.id));
    };
    // The lease is renewed while the handler runs even if it reports no progress.
    const beat = setInterval(() => void reportJobProgress(db, job.id, worker, null, leaseMs).catch(() => {}), leaseMs / 3);
    try {
      const handler = await HANDLERS[job.kind]();
      const result = await handler(job, { db, progress });
      await finishJob(db, job.id, worker, result);
    } catch (e) {
      if (!(e instanceof JobCancelled)) {
        await failJob(db, job.id, worker, e instanceof Error ? e.message : String(e), { final: e instanceof JobInputError });
      }
    } finally {
      clearInterval(beat);
    }
    return true;
  }

  async function tick() {
    if (stopped) return;
    try {
      current = runOne();
      const ran = await current;
      current = null;
      if (ran && !stopped) return void setImmediate(tick);
    } catch {
      current = null; // the database is briefly away: try again at the next poll
    }
    if (!stopped) timer = setTimeout(tick, pollMs);
  }

  return {
    worker,
    drain: async () => {
      let n = 0;
      while (await runOne()) n++;
      return n;
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current?.catch(() => {});
    },
    start: () => void tick(),
  };
}

/** Only the schedules of kinds this runner runs (a test runner for "echo" creates no harvest). */
export async function schedule(db: Db, kinds: string[], now = new Date()) {
  for (const s of SCHEDULES) {
    if (!kinds.includes(s.kind)) continue;
    const key = s.key(now);
    if (key) await enqueueJob(db, { kind: s.kind, key, payload: s.payload?.(now) ?? {} });
  }
}

let running: Runner | null = null;

/** Started once per server process (instrumentation.ts); JOBS=off runs no jobs in this instance. */
export function startJobRunner(db: Db) {
  if (running || process.env.JOBS === "off") return running;
  const r = createRunner(db, { pollMs: Number(process.env.JOB_POLL_MS ?? 2_000) });
  r.start();
  running = r;
  return r;
}
