/**
 * Test helpers: the real reports shipped in data/samples with their hand-checked cells in
 * data/expected, and (when present beside the repo) the shared fixtures.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../", import.meta.url));
export const SAMPLES = path.join(REPO, "data", "samples");
export const EXPECTED = path.join(REPO, "data", "expected");
export const SHARED_FIXTURES = path.join(REPO, "..", "shared", "fixtures");

export interface Expected {
  agency: string;
  year: number;
  format: string;
  published_on: string | null;
  cells: Record<string, number | null>;
}

/** Pairs of (report file, expected cells) found in a reports folder and an expected folder. */
export function fixturePairs(reportsDir = SAMPLES, expectedDir = EXPECTED): { name: string; file: string; expected: Expected }[] {
  if (!existsSync(reportsDir) || !existsSync(expectedDir)) return [];
  const reports = readdirSync(reportsDir);
  return readdirSync(expectedDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => {
      const name = f.replace(/\.json$/, "");
      const report = reports.find((r) => r.replace(/\.[^.]+$/, "") === name);
      return report
        ? [{ name, file: path.join(reportsDir, report), expected: JSON.parse(readFileSync(path.join(expectedDir, f), "utf8")) as Expected }]
        : [];
    });
}
