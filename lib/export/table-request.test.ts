import { describe, expect, it } from "vitest";
import { toXlsx } from "./xlsx";
import { MAX_TABLE_BODY_BYTES, readTableRequest } from "./table-request";

/** A body streamed in 1 MB chunks, with no Content-Length (so the header cannot be what stops it). */
function streamed(totalMb: number): Request {
  let sent = 0;
  const chunk = new TextEncoder().encode(
    `{"title":"x","columns":[{"key":"a","header":"a"}],"rows":[${`{"a":"${"9".repeat(1000)}"},`.repeat(1000)}`,
  );
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= totalMb) return c.close();
      sent++;
      c.enqueue(chunk);
    },
  });
  return new Request("http://x/api/export/xlsx", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("POST /api/export/xlsx body", () => {
  it("stops reading a 25 MB body at the cap, quickly, without a Content-Length", async () => {
    const t0 = performance.now();
    const r = await readTableRequest(streamed(25));
    expect(r).toMatchObject({ ok: false, status: 413 });
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it("refuses a declared length over the cap before reading", async () => {
    const req = new Request("http://x/", { method: "POST", body: "{}", headers: { "content-length": String(MAX_TABLE_BODY_BYTES + 1) } });
    expect(await readTableRequest(req)).toMatchObject({ ok: false, status: 413 });
  });

  it("refuses too many cells, non-finite numbers and bad JSON; accepts a real table, which converts fast", async () => {
    const post = (o: unknown) =>
      readTableRequest(new Request("http://x/", { method: "POST", body: typeof o === "string" ? o : JSON.stringify(o) }));
    const columns = Array.from({ length: 200 }, (_, k) => ({ key: `c${k}`, header: `c${k}` }));
    expect(await post({ title: "t", columns, rows: Array.from({ length: 2000 }, () => ({})) })).toMatchObject({ ok: false, status: 400 });
    expect(await post('{"title":"t","columns":[{"key":"a","header":"a"}],"rows":[{"a":1e999}]}')).toMatchObject({ ok: false, status: 400 });
    expect(await post("{not json")).toMatchObject({ ok: false, status: 400 });
    const ok = await post({ title: "排名", columns: [{ key: "a", header: "单位" }], rows: [{ a: "平潭" }] });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect((await toXlsx(ok.table)).byteLength).toBeGreaterThan(1000);
  });
});
