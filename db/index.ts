/**
 * The one database client: embedded PGlite (data in `.data/pglite`, or PGLITE_DIR) by default, a
 * Postgres server when DATABASE_URL is set. Both run the same Drizzle migrations from drizzle/.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** The database or a transaction on it: every query takes either, so a write can join its caller's transaction. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Handle {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
  /** Runs `fn` while no other process sharing this database runs one under the same name. */
  exclusive: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
}

export class DatabaseBusyError extends Error {}

const MIGRATIONS = path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");

export function pgliteDir(): string {
  return path.resolve(process.env.PGLITE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite"));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder corrupts it. A lock
 * file with our pid makes the second one stop with a message instead.
 */
function lockDir(dir: string): () => void {
  const lock = `${dir}.lock`;
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8"));
    if (pid && pid !== process.pid && alive(pid)) throw new DatabaseBusyError(`pid ${pid}`);
  }
  writeFileSync(lock, String(process.pid));
  const release = () => {
    try {
      if (existsSync(lock) && Number(readFileSync(lock, "utf8")) === process.pid) rmSync(lock);
    } catch {
      /* exiting anyway */
    }
  };
  process.once("exit", release);
  return release;
}

/** Rollups a migration added empty, filled from the reports already stored (imported late: queries import this module). */
async function fillRollups(db: Db): Promise<void> {
  const { ensureRollups } = await import("./queries/rollups");
  await ensureRollups(db);
}

export async function openDatabase(opts: { url?: string; dir?: string; migrate?: boolean } = {}): Promise<Handle> {
  // An empty url means "embedded" even where DATABASE_URL is set (tests open both).
  const url = opts.url === undefined ? process.env.DATABASE_URL : opts.url;
  let handle: Handle;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // JIT off: the ranking's and coverage's queries are cheap to run but carry large cost estimates
    // (a subplan per rubric indicator), which made the server spend seconds compiling them.
    const client = postgres(url, { max: Number(process.env.DATABASE_POOL ?? 10), onnotice: () => {}, connection: { jit: "off" } });
    // Several app instances may share this database: work that must happen once (migrations, the
    // first administrator, the demo data) runs under a session advisory lock on a reserved
    // connection, so a second instance starting at the same moment waits and then finds it done.
    const exclusive = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const conn = await client.reserve();
      try {
        await conn`select pg_advisory_lock(hashtext(${`dd:${name}`}))`;
        try {
          return await fn();
        } finally {
          await conn`select pg_advisory_unlock(hashtext(${`dd:${name}`}))`;
        }
      } finally {
        conn.release();
      }
    };
    handle = { db: drizzle(client, { schema }), driver: "postgres", close: () => client.end(), exclusive };
    if (opts.migrate !== false) {
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      await exclusive("migrate", () => migrate(handle.db as never, { migrationsFolder: MIGRATIONS }));
      await exclusive("rollups", () => fillRollups(handle.db));
    }
  } else {
    const dir = opts.dir ?? pgliteDir();
    mkdirSync(path.dirname(dir), { recursive: true });
    const release = lockDir(dir);
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite(dir);
    await client.waitReady;
    handle = {
      db: drizzle(client, { schema }),
      driver: "pglite",
      close: async () => {
        await client.close();
        release();
      },
      // One process owns the folder (the lock file above): nothing else can run at the same time.
      exclusive: (_name, fn) => fn(),
    };
    if (opts.migrate !== false) {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(handle.db as never, { migrationsFolder: MIGRATIONS });
      await fillRollups(handle.db);
    }
  }
  return handle;
}

const g = globalThis as unknown as { __dbHandle?: Promise<Handle> };

/** The process-wide client, migrated on first use. */
export function getHandle(): Promise<Handle> {
  g.__dbHandle ??= openDatabase().catch((e) => {
    g.__dbHandle = undefined;
    throw e;
  });
  return g.__dbHandle;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}
