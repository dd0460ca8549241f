/**
 * npm test: every test — unit and integration (Vitest: PGlite always, the Postgres server too when
 * DATABASE_URL is set), then end to end (Playwright on the production build in a real Chromium).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureOcr } from "./install-ocr";

import { msg } from "../lib/messages";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((c): c is string => Boolean(c && existsSync(c))) ?? null;
}

/** apt-get install (as root, or through sudo -n); false when there is no apt. */
function aptInstall(packages: string[]): boolean {
  const apt = spawnSync("sh", ["-c", "command -v apt-get"], { encoding: "utf8" }).status === 0;
  if (!apt) return false;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = root ? [] : ["sudo", "-n"];
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  const [cmd, ...pre] = sudo.length ? sudo : ["apt-get"];
  const args = sudo.length ? ["apt-get"] : [];
  run(cmd, [...pre, ...args, "update", "-qq"], env);
  run(cmd, [...pre, ...args, "install", "-y", "-qq", "--no-install-recommends", ...packages], env);
  return true;
}

/**
 * LibreOffice turns the 年报体检报告 into PDF, and poppler's pdftoppm rasterizes it in the document
 * tests. Installed like Chromium when missing; without apt those tests are skipped and say why.
 */
function ensureLibreOffice() {
  const have = (p: string) => existsSync(p);
  if (have("/usr/bin/soffice") && have("/usr/bin/pdftoppm")) return;
  console.log(msg.cli.installingLibreOffice);
  if (!aptInstall(["libreoffice-writer-nogui", "poppler-utils", "fonts-noto-cjk"])) console.log(msg.cli.noLibreOffice);
}

/**
 * Chinese fonts: the scanned-grid presentation (lib/presentations/scanned-grid.ts) prints its pages
 * with them before reading them back by OCR; without them every character is a blank box.
 */
function ensureCjkFont() {
  const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).stdout ?? "";
  if (fonts.trim()) return;
  console.log(msg.cli.installingCjkFont);
  if (!aptInstall(["fonts-noto-cjk"])) console.log(msg.cli.noCjkFont);
}

function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  console.log(msg.cli.installingChromium);
  if (aptInstall(["chromium", "fonts-noto-cjk"])) {
    const after = findChromium();
    if (after) return after;
  }
  console.error(msg.cli.noChromium);
  process.exit(1);
}

const counts = { passed: 0, failed: 0, skipped: 0 };

// 0. Lint and format check (Biome): `npm run format` fixes the formatting, `npm run lint` shows the rest.
const lint = run(bin("biome"), ["ci", "."]);
if (lint !== 0) console.error(msg.cli.lintFailed);

// 1. Unit and integration tests.
ensureLibreOffice();
ensureOcr();
ensureCjkFont();
rmSync(path.join(root, "test-results"), { recursive: true, force: true });
const vitestJson = path.join(root, "test-results", "vitest.json");
const vitest = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, "utf8"));
  counts.passed += r.numPassedTests ?? 0;
  counts.failed += r.numFailedTests ?? 0;
  counts.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else if (vitest !== 0) counts.failed++;

// 2. End to end, on the production build.
const chromium = ensureChromium();
let e2e = run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"]);
if (e2e === 0) e2e = run(bin("playwright"), ["test"], { CHROMIUM_PATH: chromium });
const e2eJson = path.join(root, "test-results", "e2e.json");
if (existsSync(e2eJson)) {
  const s = JSON.parse(readFileSync(e2eJson, "utf8")).stats ?? {};
  counts.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  counts.failed += s.unexpected ?? 0;
  counts.skipped += s.skipped ?? 0;
} else if (e2e !== 0) counts.failed++;

console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(lint !== 0 || vitest !== 0 || e2e !== 0 || counts.failed > 0 ? 1 : 0);
