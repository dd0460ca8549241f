/**
 * The migration that moved cells' provenance from report_cells rows into reports.cell_sources:
 * a database at the migration before it, with cells written the old way, keeps every cell's value,
 * printed text, note and location, read through the same query as the report page.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "../schema";
import type { Db } from "../index";
import { getCell, getReport } from "./reports";

const dir = mkdtempSync(path.join(os.tmpdir(), "dd-cell-move-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before cell_sources was filled (up to and including its column). */
function migrationsBefore(tag: string): string {
  const out = path.join(dir, "drizzle-before");
  cpSync(path.join(process.cwd(), "drizzle"), out, { recursive: true });
  const journalPath = path.join(out, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  journal.entries = journal.entries.slice(0, stop);
  writeFileSync(journalPath, JSON.stringify(journal));
  return out;
}

describe("moving report_cells into reports.cell_sources", () => {
  it("keeps every cell's value and provenance", async () => {
    const client = new PGlite(path.join(dir, "db"));
    const db = drizzle(client, { schema }) as unknown as Db;
    await migrate(db as never, { migrationsFolder: migrationsBefore("0016_move_report_cells") });
    await client.exec(`
      insert into regions (id, name, level, path) values (1, '示例省', 'province', '/');
      insert into agencies (id, name, region_id, kind) values (1, '示例局', 1, 'department');
      insert into reports (id, agency_id, year, format, source_name, source_kind, source_text, parser_version, cell_values)
        values (1, 1, 2024, '2021', 'a.txt', 'text', '…', 'p1',
                '{"t3.received.total": 1234, "t3.received.research": 0, "t3.received.commercial": null, "t2.fees.amount_wan": 12.5, "t3.received.other_org": 7}');
      insert into report_cells (report_id, key, value, raw, note, source) values
        (1, 't3.received.total', 1234, '1,234', null, '{"table": 2, "row": 4, "col": 8}'),
        (1, 't3.received.research', 0, '0', null, '{"line": 12}'),
        (1, 't3.received.commercial', null, '/', null, '{"table": 2, "row": 4, "col": 3}'),
        (1, 't2.fees.amount_wan', 12.5, '12.5', '导入时由填报人对照原文补录', '{"page": 3}'),
        (1, 't3.received.other_org', 7, '', null, '{}');`);
    await migrate(db as never, { migrationsFolder: path.join(process.cwd(), "drizzle") });
    const report = await getReport(db, 1);
    expect(report?.cells.map(({ key, value, raw, note, source }) => ({ key, value, raw, note, source }))).toEqual([
      { key: "t2.fees.amount_wan", value: 12.5, raw: "12.5", note: "导入时由填报人对照原文补录", source: { page: 3 } },
      { key: "t3.received.commercial", value: null, raw: "/", note: null, source: { table: 2, row: 4, col: 3 } },
      { key: "t3.received.other_org", value: 7, raw: "", note: null, source: {} },
      { key: "t3.received.research", value: 0, raw: "0", note: null, source: { line: 12 } },
      { key: "t3.received.total", value: 1234, raw: "1,234", note: null, source: { table: 2, row: 4, col: 8 } },
    ]);
    expect((await getCell(db, 1, "t3.received.research"))?.source).toEqual({ line: 12 });
    // Stored without key names, in the keys' sorted order; a plainly printed value keeps only its location.
    const [row] = (await client.query<{ s: string }>("select cell_sources as s from reports where id = 1")).rows;
    expect(JSON.parse(row.s)[3]).toEqual({ s: { line: 12 } });
    const gone = await client.query("select 1 from pg_tables where tablename = 'report_cells'");
    expect(gone.rows).toEqual([]);
    await client.close();
  });
});
