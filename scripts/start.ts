/**
 * npm start: build when the sources are newer than the last build, then serve on port 3000 (or
 * PORT). Migrations and, on an empty database, the demo reports are applied as the server starts
 * (instrumentation.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { serve } from "./server";

const root = process.cwd();
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "lib", "db", "drizzle", "instrumentation.ts", "next.config.js", "package.json"];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (!existsSync(buildId) || Math.max(...SOURCES.map((s) => newest(path.join(root, s)))) > statSync(buildId).mtimeMs) {
  console.log("正在构建看板（首次启动约需 1 分钟）…");
  const r = spawnSync(process.execPath, [next, "build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = Number(process.env.PORT ?? 3000);
// Only this machine unless told otherwise: HOST=0.0.0.0 serves the network.
const hostname = process.env.HOST ?? "127.0.0.1";
await serve({ port, hostname });
console.log(`看板地址：http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}（数据库：${process.env.DATABASE_URL ? "Postgres 服务器" : "嵌入式 PGlite，.data/pglite"}）`);
