/**
 * npm run bench:hostile — the bar of issue 13: while five hostile uploads are read, does the
 * server still answer? Starts a small HTTP server in this process (standing for the dashboard's
 * event loop), requests it every 20 ms while five hostile files (made here) are parsed, and prints
 * the p50 / p99 / max answer times — once with the files read in-process (as before) and once in the
 * child-process pool the app now uses (lib/parse/isolated.ts).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseReportAsync } from "../lib/parse/index";
import { ParsePool } from "../lib/parse/isolated";
import { hostileFiles } from "./hostile-files";

async function measure(
  label: string,
  parse: (f: { name: string; bytes: Uint8Array }) => Promise<unknown>,
  files: { name: string; bytes: Uint8Array }[],
) {
  const server = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const times: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(url).then((r) => r.text());
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  await Promise.all(files.map((f) => parse(f)));
  const total = performance.now() - t0;
  running = false;
  await probe;
  server.close();
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))].toFixed(0);
  console.log(
    `${label}: 5 个恶意文件共 ${(total / 1000).toFixed(1)} 秒；其间 ${times.length} 次请求，p50 ${q(0.5)} ms，p99 ${q(0.99)} ms，最长 ${q(1)} ms`,
  );
}

const files = await hostileFiles();
if (!process.argv.includes("--pool-only")) await measure("看板进程内读取", (f) => parseReportAsync(f), files);
const pool = new ParsePool({ workers: 2, queue: 20, timeoutMs: 30_000, memoryMb: 1024 });
await measure("子进程读取（lib/parse/isolated.ts）", (f) => pool.parse(f), files);
pool.close();
