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
  const child = spawn(process.execPath, [next, "build"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
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

/** Next's banner and readiness lines, in English, that say nothing the next lines don't. */
const NEXT_NOISE = /^\s*(▲ Next\.js|- Local:|- Network:|- Environments?:|✓ (Ready|Starting)|✓ Running next\.config|\s*$)/;

async function serve() {
  const port = process.env.PORT ?? "3000";
  console.log(say.starting(port, process.env.DATABASE_URL ? say.dbServer : say.dbEmbedded(process.env.PGLITE_DIR ?? ".data/pglite")));
  const child = spawn(process.execPath, [next, "start", "-p", port], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const forward = (stream: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
    let rest = "";
    stream.on("data", (b: Buffer) => {
      const lines = (rest + b.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        if (NEXT_NOISE.test(line)) continue;
        if (/EADDRINUSE/.test(line)) {
          console.error(say.portBusy(port));
          continue;
        }
        to.write(`${line}\n`);
      }
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => {
    if (code) console.error(say.exited(code));
    process.exit(code ?? 0);
  });
  // The first request waits for instrumentation (migrations, demo data); answering means ready.
  const url = `http://localhost:${port}`;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(say.ready(url));
  console.log(say.readyHint);
}

if (!existsSync(buildId) || Math.max(...SOURCES.map((s) => newest(path.join(root, s)))) > statSync(buildId).mtimeMs) await build();
await serve();
