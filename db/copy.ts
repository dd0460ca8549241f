/**
 * Bulk loading with COPY: rows as COPY text, one statement per batch. What the demo generator
 * writes hundreds of thousands of reports with — a multi-row INSERT spends most of its time
 * binding parameters, COPY streams the rows straight into the table. On Postgres through
 * postgres.js's COPY stream; on PGlite through its in-memory `/dev/blob` file.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Handle } from "./index";

export type CopyValue = string | number | boolean | null;

const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

/** One field in COPY's text format: backslash escapes, \N for NULL. */
export function copyField(v: CopyValue): string {
  if (v === null) return "\\N";
  if (typeof v === "string") return HAS_SPECIAL.test(v) ? v.replace(SPECIAL, (c) => ESCAPES[c]) : v;
  return String(v);
}

/** One row in COPY's text format. */
export function copyLine(row: readonly CopyValue[]): string {
  return `${row.map(copyField).join("\t")}\n`;
}

/** Appends the rows to `table` (only the named columns; the rest take their defaults). */
export async function copyRows(
  handle: Pick<Handle, "db" | "driver">,
  table: string,
  columns: readonly string[],
  rows: readonly CopyValue[][],
): Promise<void> {
  if (rows.length === 0) return;
  for (const n of [table, ...columns]) if (!SAFE_NAME.test(n)) throw new Error(`unsafe identifier ${n}`);
  const target = `${table} (${columns.join(", ")})`;
  if (handle.driver === "postgres") {
    const client = (handle.db as unknown as { $client: import("postgres").Sql }).$client;
    const writable = await client.unsafe(`copy ${target} from stdin`).writable();
    // Row by row: no batch-sized string or buffer to build and collect.
    await pipeline(Readable.from(rows.map(copyLine), { objectMode: false }), writable);
  } else {
    const client = (handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
    await client.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob(rows.map(copyLine)) });
  }
}
