/**
 * npm run bench:pages — server render time of the dashboard pages over the generated province
 * (npm run demo:generate), through the real production server: next build, next start on the
 * configured database, then N sequential requests per page on localhost. Prints p50 / p95 / max
 * per page and the driver.
 *
 *   npm run bench:pages -- [--requests 40] [--port 3400] [--skip-build] [--agency 452] [--region 2] [--year 2024]
 *
 * Database: DATABASE_URL (Postgres) or PGLITE_DIR; with neither, the generator's .data/pglite-large.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = Math.min(500, Math.max(1, arg("requests", 40)));
const PORT = arg("port", 3400);
const AGENCY = arg("agency", 452); // 示例一市一县人民政府 in the generated province
const REGION = arg("region", 2); // 示例一市
const YEAR = arg("year", 2024);
const WARMUP = 3;
const base = `http://127.0.0.1:${PORT}`;

const PAGES: [string, string][] = [
  ["overview", "/"],
  ["agency", `/agencies/${AGENCY}`],
  ["compare", `/compare?region=${REGION}&kind=department&metric=disclosureRate`],
  ["coverage", `/coverage?year=${YEAR}`],
  // Not among issue 5's pages, measured so that their cost at this scale is on record.
  ["findings", "/findings"],
  ["scoring", `/scoring?year=${YEAR}`],
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function waitReady(deadline: number) {
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${base}/agencies`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("服务器没有在规定时间内启动");
}

async function main() {
  if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) process.env.PGLITE_DIR = path.resolve(".data", "pglite-large");
  const driver = process.env.DATABASE_URL ? "postgres" : "pglite";
  if (!process.argv.includes("--skip-build")) {
    const b = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DEMO_DATA: "0", PORT: String(PORT) },
    stdio: ["ignore", "inherit", "inherit"],
    // Its own process group: `next start` runs the server in a child, and both must stop.
    detached: true,
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", stop);
  try {
    await waitReady(Date.now() + 180_000);
    console.log(`\n${driver}：每页 ${N} 次请求（另有 ${WARMUP} 次预热不计）\n`);
    const rows: string[] = [];
    for (const [name, url] of PAGES) {
      const times: number[] = [];
      for (let i = 0; i < WARMUP + N; i++) {
        const t0 = performance.now();
        const r = await fetch(base + url);
        const body = await r.text();
        const ms = performance.now() - t0;
        if (!r.ok) throw new Error(`${url} → ${r.status}`);
        if (body.length < 1000) throw new Error(`${url}：页面内容过短`);
        if (i >= WARMUP) times.push(ms);
      }
      rows.push(`${name.padEnd(10)} ${driver.padEnd(9)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  max ${Math.max(...times).toFixed(1).padStart(6)} ms   ${url}`);
      console.log(rows[rows.length - 1]);
    }
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
