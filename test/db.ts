/**
 * Real databases for integration tests: a fresh PGlite folder always, and a fresh database on the
 * Postgres server when DATABASE_URL is set (created and dropped around the test file).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../db/index";

export interface TestDatabase {
  driver: "pglite" | "postgres";
  db: Db;
  close: () => Promise<void>;
}

export const TEST_DRIVERS: ("pglite" | "postgres")[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export async function openTestDatabase(driver: "pglite" | "postgres"): Promise<TestDatabase> {
  if (driver === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dd-pglite-"));
    const h = await openDatabase({ dir: path.join(dir, "db"), url: "" });
    return {
      driver,
      db: h.db,
      close: async () => {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = new URL(process.env.DATABASE_URL!);
  const name = `dd_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const h = await openDatabase({ url: url.toString() });
  return {
    driver,
    db: h.db,
    close: async () => {
      await h.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
