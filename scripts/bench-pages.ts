/**
 * npm run bench:pages — server render time of the dashboard pages over generated data
 * (npm run demo:generate), through the real production server: next build, next start on each
 * database side by side (ports --port, --port + 1, …), then N sequential requests per page on
 * localhost, taking turns between the databases. Prints p50 / p95 / max per
 * page, the storage per report, and — given two databases of different sizes — each page's p50
 * ratio between them: a page that costs what it shows keeps that ratio near 1.
 *
 *   npm run bench:pages -- [--databases postgres://…/h16_2k,postgres://…/h16_10k] [--requests 40]
 *                          [--port 3400] [--skip-build] [--agency 452] [--region 2] [--year 2024]
 *
 * Database: --databases (or BENCH_DATABASES), else DATABASE_URL (Postgres) or PGLITE_DIR; with
 * none, the generator's .data/pglite-large.
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

const list = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return (i > 0 ? process.argv[i + 1] : (process.env.BENCH_DATABASES ?? "")).split(",").filter(Boolean);
};

const PAGES: [string, string][] = [
  ["overview", "/"],
  ["agency", `/agencies/${AGENCY}`],
  ["compare", `/compare?region=${REGION}&kind=department&metric=disclosureRate`],
  ["coverage", `/coverage?year=${YEAR}`],
  // Issue 16: every page costs what it shows — the findings queue, rankings, a region's totals
  // and the export page are measured too.
  ["findings", "/findings"],
  ["scoring", `/scoring?year=${YEAR}`],
  // The whole generated province (示例省, region 1), as an assessor of a province opens it.
  ["scoring-province", `/scoring?year=${YEAR}&region=1`],
  ["findings-region", `/findings?region=${REGION}`],
  ["region", `/regions/${REGION}`],
  ["export", "/export"],
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function waitReady(base: string, deadline: number) {
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

interface Measured {
  label: string;
  reports: number;
  bytesPerReport: number;
  p50: Map<string, number>;
  lines: string[];
}

/** Bytes per report (tables, indexes, TOAST), the stored source documents left out. */
async function storage(url: string): Promise<{ reports: number; total: number; source: number; tables: string[] }> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await sql`select count(*)::int as n from reports`;
    const rels = await sql`
      select c.relname as name, pg_total_relation_size(c.oid)::float8 as bytes
      from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where s.nspname = 'public' and c.relkind in ('r', 'p') order by 2 desc`;
    const [{ src }] = await sql`select coalesce(sum(pg_column_size(source_text)), 0)::float8 as src from reports`;
    const total = rels.reduce((t, r) => t + Number(r.bytes), 0);
    const tables = rels.slice(0, 6).map((r) => `${r.name} ${(Number(r.bytes) / Math.max(1, n) / 1024).toFixed(1)} KB`);
    return { reports: n, total, source: Number(src), tables };
  } finally {
    await sql.end();
  }
}

interface Server {
  label: string;
  driver: string;
  base: string;
  env: Record<string, string>;
  stop: () => void;
}

/** `next start` on one database, on its own port: every database's server runs side by side. */
function startServer(label: string, env: Record<string, string>, driver: string, port: number): Server {
  const server = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: { ...process.env, ...env, DEMO_DATA: "0", PORT: String(port) },
      stdio: ["ignore", "inherit", "inherit"],
      // Its own process group: `next start` runs the server in a child, and both must stop.
      detached: true,
    },
  );
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", stop);
  return { label, driver, base: `http://127.0.0.1:${port}`, env, stop };
}

async function timeOnce(base: string, url: string): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(base + url);
  const body = await r.text();
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`${url} → ${r.status}`);
  if (body.length < 1000) throw new Error(`${url}：页面内容过短`);
  return ms;
}

/**
 * Every page on every database, the requests taking turns between the databases: a change in the
 * machine's load during the run weighs on all sizes alike, so the ratio between sizes holds.
 */
async function measureAll(servers: Server[]): Promise<Measured[]> {
  const out: Measured[] = servers.map((s) => ({ label: s.label, reports: 0, bytesPerReport: 0, p50: new Map(), lines: [] }));
  for (const [k, s] of servers.entries()) {
    await waitReady(s.base, Date.now() + 600_000);
    if (s.env.DATABASE_URL) {
      const st = await storage(s.env.DATABASE_URL);
      out[k].reports = st.reports;
      out[k].bytesPerReport = (st.total - st.source) / Math.max(1, st.reports);
      console.log(
        `\n${s.label}：${st.reports} 份年报；每份年报 ${(out[k].bytesPerReport / 1024).toFixed(1)} KB（表、索引与 TOAST，不含原文 ${(st.source / Math.max(1, st.reports) / 1024).toFixed(1)} KB）`,
      );
      console.log(`  最大的表（每份年报）：${st.tables.join("，")}`);
    }
  }
  for (const [name, url] of PAGES) {
    const times: number[][] = servers.map(() => []);
    for (let i = 0; i < WARMUP + N; i++)
      for (const [k, s] of servers.entries()) {
        const ms = await timeOnce(s.base, url);
        if (i >= WARMUP) times[k].push(ms);
      }
    for (const [k, s] of servers.entries()) {
      out[k].p50.set(name, pct(times[k], 50));
      out[k].lines.push(
        `${name.padEnd(17)} ${s.driver.padEnd(9)} p50 ${pct(times[k], 50).toFixed(1).padStart(7)} ms  p95 ${pct(times[k], 95).toFixed(1).padStart(7)} ms  max ${Math.max(
          ...times[k],
        )
          .toFixed(1)
          .padStart(7)} ms   ${url}`,
      );
    }
  }
  for (const [k, s] of servers.entries()) {
    console.log(`\n${s.label}（${s.driver}）：每页 ${N} 次请求（另有 ${WARMUP} 次预热不计；各库轮流请求）\n`);
    for (const line of out[k].lines) console.log(line);
  }
  return out;
}

async function main() {
  const urls = list("databases");
  if (!urls.length && !process.env.DATABASE_URL && !process.env.PGLITE_DIR) process.env.PGLITE_DIR = path.resolve(".data", "pglite-large");
  if (!process.argv.includes("--skip-build")) {
    const b = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const driver = process.env.DATABASE_URL ? "postgres" : "pglite";
  const servers = urls.length
    ? urls.map((url, i) => startServer(new URL(url).pathname.slice(1), { DATABASE_URL: url, PGLITE_DIR: "" }, "postgres", PORT + i))
    : [startServer(driver, {}, driver, PORT)];
  let runs: Measured[];
  try {
    runs = await measureAll(servers);
  } finally {
    for (const s of servers) s.stop();
  }
  if (runs.length >= 2) {
    const [small, large] = [runs[0], runs[runs.length - 1]];
    console.log(
      `\np50 之比（${large.label} ÷ ${small.label}，年报 ${large.reports} ÷ ${small.reports} = ${(large.reports / Math.max(1, small.reports)).toFixed(2)}）：\n`,
    );
    for (const [name] of PAGES) {
      const a = small.p50.get(name)!;
      const b = large.p50.get(name)!;
      console.log(`${name.padEnd(17)} ${a.toFixed(1).padStart(7)} ms → ${b.toFixed(1).padStart(7)} ms   比值 ${(b / a).toFixed(2)}`);
    }
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
