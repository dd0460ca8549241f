import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../test/db";
import { copyField, copyRows } from "./copy";
import { rowsOf } from "./queries/rows";

describe("copyField", () => {
  it("escapes what COPY's text format reserves and writes NULL as \\N", () => {
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyField(null)).toBe("\\N");
    expect(copyField(1.5)).toBe("1.5");
    expect(copyField("平潭")).toBe("平潭");
  });
});

describe.each(TEST_DRIVERS)("copyRows on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  });
  afterAll(async () => t?.close());

  it("stores every value as given, reserved characters and NULLs included", async () => {
    await t.db.execute(sql`create table copy_probe (id int, body text, n float8, doc jsonb)`);
    const rows = [
      [1, "第一行\n第二行\t制表\\反斜杠\r", 12.5, JSON.stringify({ r: "1,234", s: { table: 2 } })],
      [2, null, null, null],
      [3, "", -0.25, "{}"],
    ];
    await copyRows({ db: t.db, driver: t.driver }, "copy_probe", ["id", "body", "n", "doc"], rows);
    const back = rowsOf<{ id: number; body: string | null; n: number | null; doc: string | null }>(
      await t.db.execute(sql`select id, body, n, doc::text as doc from copy_probe order by id`),
    );
    expect(back.map((r) => [r.id, r.body, r.n === null ? null : Number(r.n), r.doc === null ? null : JSON.parse(r.doc)])).toEqual(
      rows.map((r) => [r[0], r[1], r[2], r[3] === null ? null : JSON.parse(r[3] as string)]),
    );
  });
});
