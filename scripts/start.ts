/**
 * npm start: build when the sources are newer than the last build, then serve on port 3000 (or
 * PORT). Migrations and, on an empty database, the demo reports are applied as the server starts
 * (instrumentation.ts), each step reported. The console stays Chinese and quiet: the build's and
 * Next's own English lines are kept back (shown only if the build fails), and 看板地址 is printed
 * once the server answers — that is, after the database is ready and the demo data is loaded.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { msg } from "../lib/messages";
import { serve } from "./server";

const say = msg.startup;
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

function build(): Promise<void> {
  console.log(say.building);
  const t0 = Date.now();
  const out: Buffer[] = [];
  const child = spawn(process.execPath, [next, "build"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => out.push(b));
  const tick = setInterval(() => console.log(say.buildTick(Math.round((Date.now() - t0) / 1000))), 15_000);
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      clearInterval(tick);
      if (code !== 0) {
        console.error(say.buildFailed);
        process.stderr.write(Buffer.concat(out));
        process.exit(code ?? 1);
      }
      console.log(say.built(Math.round((Date.now() - t0) / 1000)));
      resolve();
    });
  });
}

const port = Number(process.env.PORT ?? 3000);
// Only this machine unless told otherwise: HOST=0.0.0.0 serves the network.
const hostname = process.env.HOST ?? "127.0.0.1";

if (!existsSync(buildId) || Math.max(...SOURCES.map((s) => newest(path.join(root, s)))) > statSync(buildId).mtimeMs) await build();
console.log(say.starting(String(port), process.env.DATABASE_URL ? say.dbServer : say.dbEmbedded(process.env.PGLITE_DIR ?? ".data/pglite")));
try {
  // Next's handler in this process behind our own HTTP server (scripts/server.ts).
  await serve({ port, hostname });
} catch (e) {
  if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(say.portBusy(String(port)));
    process.exit(1);
  }
  throw e;
}
// The first request waits for instrumentation (migrations, demo data): answering means ready.
const host = hostname === "0.0.0.0" ? "127.0.0.1" : hostname;
for (;;) {
  try {
    if ((await fetch(`http://${host}:${port}/`, { redirect: "manual" })).status < 500) break;
  } catch {
    // not answering yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
console.log(say.ready(`http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
console.log(say.readyHint);
