import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh embedded database per run, with the demo data a newcomer gets.
const dataDir = process.env.E2E_PGLITE_DIR ?? path.join(mkdtempSync(path.join(os.tmpdir(), "dd-e2e-")), "db");
// A second server, as `npm start` runs it (scripts/server.ts), with reading behind sign-in:
// e2e/read-access.spec.ts sends every route a forged session cookie there.
export const SESSION_PORT = port + 1;
const sessionDataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "dd-e2e-session-")), "db");

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      // The production build, as a user runs it (scripts/test.ts builds first).
      command: `node node_modules/next/dist/bin/next start -p ${port}`,
      url: `http://127.0.0.1:${port}/`,
      timeout: 120_000,
      reuseExistingServer: false,
      // Harvest tests (e2e/website-harvest.spec.ts) crawl a local mirror: short pauses and time limits.
      env: {
        PGLITE_DIR: dataDir,
        DATABASE_URL: "",
        PORT: String(port),
        HARVEST_ALLOW_PRIVATE: "1",
        HARVEST_DELAY_MS: "50",
        HARVEST_TIMEOUT_MS: "1500",
        HARVEST_BACKOFF_MS: "100",
        JOB_POLL_MS: "500",
      },
    },
    {
      command: `node node_modules/tsx/dist/cli.mjs scripts/start.ts`,
      url: `http://127.0.0.1:${SESSION_PORT}/login`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: { PGLITE_DIR: sessionDataDir, DATABASE_URL: "", PORT: String(SESSION_PORT), HOST: "127.0.0.1", READ_ACCESS: "session" },
    },
  ],
});
