/**
 * Uploaded files are read in child processes, not on the server's event loop: each child has a
 * memory cap (--max-old-space-size) and each file a time limit; a child that runs out of either is
 * killed and replaced, and that file gets a Chinese message. At most PARSE_WORKERS files are read at
 * once and at most PARSE_QUEUE wait; more are refused as "busy" rather than queued without end.
 *
 * Callers that take files from strangers (the import form, the batch import, the draft check) call
 * `parseIsolated` instead of `parseReportAsync`. PARSE_ISOLATION=off reads in-process (debugging).
 */
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { msg } from "../messages";
import { parseReportAsync, type ParseOutcome } from "./index";

export interface IsolationOptions {
  /** Files one client (address) may have reading or waiting at once. */
  perClient?: number;
  workers: number;
  queue: number;
  timeoutMs: number;
  memoryMb: number;
}

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);
export const defaultOptions = (): IsolationOptions => ({
  workers: num(process.env.PARSE_WORKERS, 2),
  perClient: num(process.env.PARSE_PER_CLIENT, 2),
  queue: num(process.env.PARSE_QUEUE, 20),
  timeoutMs: num(process.env.PARSE_TIMEOUT_MS, 60_000),
  memoryMb: num(process.env.PARSE_MEMORY_MB, 1024),
});

interface Job {
  id: number;
  name: string;
  bytes: Uint8Array;
  resolve: (o: ParseOutcome) => void;
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  job: Job | null;
  timer?: NodeJS.Timeout;
}

const CHILD = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "parse", "parse-child.ts");

export class ParsePool {
  private slots: Slot[] = [];
  private waiting: Job[] = [];
  private nextId = 1;
  private perClient = new Map<string, number>();
  constructor(readonly o: IsolationOptions = defaultOptions()) {}

  /** `client`: who sent the file (an address), so one sender cannot take every place in the queue. */
  parse(input: { name: string; bytes: Uint8Array }, client?: string): Promise<ParseOutcome> {
    // "unknown" is everyone whose address the server cannot see (plain `next start`): no share then.
    if (client === "unknown") client = undefined;
    const held = client ? (this.perClient.get(client) ?? 0) : 0;
    if (client && this.o.perClient && held >= this.o.perClient) return Promise.resolve({ ok: false, error: msg.errors.parseBusy });
    if (this.waiting.length >= this.o.queue) return Promise.resolve({ ok: false, error: msg.errors.parseBusy });
    if (client) this.perClient.set(client, held + 1);
    const release = () => {
      if (!client) return;
      const n = (this.perClient.get(client) ?? 1) - 1;
      if (n <= 0) this.perClient.delete(client);
      else this.perClient.set(client, n);
    };
    return new Promise((resolve) => {
      this.waiting.push({
        id: this.nextId++,
        name: input.name,
        bytes: input.bytes,
        resolve: (o) => {
          release();
          resolve(o);
        },
      });
      this.pump();
    });
  }

  /** Stop every child (tests; the server just exits). */
  close(): void {
    for (const s of this.slots) s.child.kill("SIGKILL");
    this.slots = [];
    for (const j of this.waiting.splice(0)) j.resolve({ ok: false, error: msg.errors.parseBusy });
  }

  private spawn(): Slot {
    const child = fork(CHILD, [], {
      execArgv: ["--import", "tsx", `--max-old-space-size=${this.o.memoryMb}`],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    // Below the server in the scheduler: on a busy machine the pages other users wait for come
    // first, and a hostile file takes longer to be refused rather than the site longer to answer.
    try {
      if (child.pid) os.setPriority(child.pid, 10);
    } catch {
      /* not allowed here: the child runs at the server's priority */
    }
    // Children never keep the server (or a test run) alive.
    child.unref();
    (child as unknown as { channel?: { unref(): void } }).channel?.unref();
    let ready!: () => void;
    const slot: Slot = { child, ready: new Promise<void>((r) => (ready = r)), job: null };
    child.on("message", (m: { ready?: true; id?: number; out?: ParseOutcome }) => {
      if (m.ready) return ready();
      if (slot.job && m.id === slot.job.id) this.finish(slot, m.out ?? { ok: false, error: msg.errors.notReport });
    });
    child.on("exit", () => {
      // Killed for time, out of memory, or crashed: the file it held fails alone.
      ready();
      this.slots = this.slots.filter((s) => s !== slot);
      if (slot.job) this.finish(slot, { ok: false, error: msg.errors.parseLimit }, true);
      this.pump();
    });
    child.on("error", () => child.kill("SIGKILL"));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot, out: ParseOutcome, dead = false) {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = null;
    job?.resolve(out);
    if (!dead) this.pump();
  }

  private pump() {
    while (this.waiting.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.o.workers) return;
        slot = this.spawn();
      }
      const job = this.waiting.shift()!;
      const s = slot;
      s.job = job;
      s.timer = setTimeout(() => s.child.kill("SIGKILL"), this.o.timeoutMs);
      s.ready.then(() => {
        if (s.job === job && s.child.connected) s.child.send({ id: job.id, name: job.name, bytes: job.bytes });
      });
    }
  }
}

const g = globalThis as unknown as { __parsePool?: ParsePool };

/** Read an untrusted upload in the pool (the server's one pool). */
export function parseIsolated(input: { name: string; bytes: Uint8Array }, client?: string): Promise<ParseOutcome> {
  if (process.env.PARSE_ISOLATION === "off") return parseReportAsync(input);
  g.__parsePool ??= new ParsePool();
  return g.__parsePool.parse(input, client);
}
