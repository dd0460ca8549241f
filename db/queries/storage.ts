/**
 * What the database spends per report: each table with its indexes and TOAST, divided by the
 * number of reports, and the source documents on their own (stored compressed, counted apart
 * from the budget). What `npm run bench:storage` prints.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../index";
import { rowsOf } from "./rows";

export interface TableSize {
  table: string;
  total: number;
  heap: number;
  indexes: number;
  toast: number;
}

export interface StorageReport {
  reports: number;
  tables: TableSize[];
  /** Bytes the source documents take as stored (after compression) and as text. */
  sourceStored: number;
  sourceText: number;
}

export async function measureStorage(db: Db): Promise<StorageReport> {
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from reports`));
  const tables = rowsOf<{ table: string; total: string; heap: string; indexes: string; toast: string }>(
    await db.execute(sql`
      select c.relname as table,
             pg_total_relation_size(c.oid)::text as total,
             pg_relation_size(c.oid)::text as heap,
             pg_indexes_size(c.oid)::text as indexes,
             coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0)::text as toast
      from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where s.nspname = current_schema() and c.relkind in ('r', 'p')
      order by pg_total_relation_size(c.oid) desc`),
  ).map((t) => ({ table: t.table, total: Number(t.total), heap: Number(t.heap), indexes: Number(t.indexes), toast: Number(t.toast) }));
  const [src] = rowsOf<{ stored: string | null; text: string | null }>(
    await db.execute(
      sql`select sum(pg_column_size(source_text))::text as stored, sum(octet_length(source_text))::text as text from reports`,
    ),
  );
  return { reports: n, tables, sourceStored: Number(src.stored ?? 0), sourceText: Number(src.text ?? 0) };
}
