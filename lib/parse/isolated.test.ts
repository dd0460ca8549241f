/**
 * Untrusted files are read in child processes: the server's event loop stays free while hostile
 * files are read, and a file that takes too long or too much memory fails alone, in Chinese.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { msg } from "../messages";
import { parseReportAsync } from "./index";
import { ParsePool } from "./isolated";

const SAMPLE = path.join(process.cwd(), "data", "samples", "seed-alashan-youqi-minzheng-2021.txt");
const pools: ParsePool[] = [];
const pool = (o: Partial<ParsePool["o"]> = {}) => {
  const p = new ParsePool({ workers: 2, queue: 20, timeoutMs: 60_000, memoryMb: 512, ...o });
  pools.push(p);
  return p;
};
afterAll(() => pools.forEach((p) => p.close()));

/** A page the reader takes seconds over: 200,000 nested elements around the report. */
const heavy = () =>
  new TextEncoder().encode(
    `<html><body>${"<div><span>".repeat(200_000)}${readFileSync(SAMPLE, "utf8")}${"</span></div>".repeat(200_000)}</body></html>`,
  );

describe("parsing in child processes", () => {
  it("reads a report exactly as in-process", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const [a, b] = await Promise.all([pool().parse({ name: "r.txt", bytes }), parseReportAsync({ name: "r.txt", bytes })]);
    expect(a.ok).toBe(true);
    expect(a).toEqual(b);
  });

  it("a file over the time limit fails alone, in Chinese, and the pool goes on", async () => {
    const p = pool({ workers: 1, timeoutMs: 300 });
    const slow = await p.parse({ name: "slow.html", bytes: heavy() });
    expect(slow).toEqual({ ok: false, error: msg.errors.parseLimit });
    const p2 = pool({ workers: 1 });
    expect((await p2.parse({ name: "r.txt", bytes: new Uint8Array(readFileSync(SAMPLE)) })).ok).toBe(true);
  });

  it("a child out of memory fails that file only", async () => {
    const p = pool({ workers: 1, memoryMb: 24 });
    const big = new TextEncoder().encode(
      `<html><body><table>${"<tr><td>1</td><td>2</td><td>3</td></tr>".repeat(400_000)}</table></body></html>`,
    );
    expect(await p.parse({ name: "big.html", bytes: big })).toEqual({ ok: false, error: msg.errors.parseLimit });
  });

  it("refuses past the queue instead of queueing without end", async () => {
    const p = pool({ workers: 1, queue: 1, timeoutMs: 200 });
    const bytes = heavy();
    // One reading, one waiting, the third refused.
    const all = await Promise.all(["a", "b", "c"].map((n) => p.parse({ name: `${n}.html`, bytes })));
    expect(all.map((r) => !r.ok && r.error)).toContain(msg.errors.parseBusy);
  });

  it("one client may hold only its share of the queue", async () => {
    const p = pool({ workers: 2, queue: 20, perClient: 2, timeoutMs: 30_000 });
    const bytes = heavy();
    const mine = await Promise.all([1, 2, 3].map((k) => p.parse({ name: `${k}.html`, bytes }, "203.0.113.9")));
    expect(mine.filter((r) => !r.ok && r.error === msg.errors.parseBusy)).toHaveLength(1);
    // Someone else is not refused for it.
    expect((await p.parse({ name: "r.txt", bytes: new Uint8Array(readFileSync(SAMPLE)) }, "198.51.100.1")).ok).toBe(true);
  });

  it("five hostile files at once leave the event loop answering within 1 s (p99 lag measured)", async () => {
    const p = pool({ workers: 2, queue: 20, timeoutMs: 30_000 });
    const lags: number[] = [];
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      lags.push(now - last - 20);
      last = now;
    }, 20);
    const bytes = heavy();
    await Promise.all(Array.from({ length: 5 }, (_, k) => p.parse({ name: `h${k}.html`, bytes })));
    clearInterval(tick);
    lags.sort((a, b) => a - b);
    const p99 = lags[Math.floor(lags.length * 0.99)] ?? 0;
    expect(lags.length).toBeGreaterThan(10);
    expect(p99).toBeLessThan(1_000);
  }, 120_000);
});
