/** Demo data: the real reports shipped in data/samples, loaded into an empty database. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../db/index";
import { newBatchId } from "../db/queries/imports";
import { countReports } from "../db/queries/reports";
import { AGENCY_KINDS, REGION_LEVELS } from "../lib/report/agency";
import { importFile, type ImportResult } from "./import";

const chainSchema = z.array(z.object({ name: z.string().min(1), level: z.enum(REGION_LEVELS) })).min(1);
const manifestSchema = z.object({
  reports: z.array(
    z.object({ file: z.string(), kind: z.enum(AGENCY_KINDS), region: z.union([z.string(), chainSchema]), agency: z.string().optional() }),
  ),
  regions: z.record(z.string(), chainSchema),
});

export const SAMPLES_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "samples");

export type SeedProgress = (done: number, total: number, file: string) => void;

export async function seedDemo(db: Db, dir = SAMPLES_DIR, onProgress?: SeedProgress): Promise<{ file: string; result: ImportResult }[]> {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ dir, "manifest.json"), "utf8")));
  const out: { file: string; result: ImportResult }[] = [];
  const batchId = newBatchId("demo");
  for (const entry of manifest.reports) {
    const chain = typeof entry.region === "string" ? manifest.regions[entry.region] : entry.region;
    if (!chain) throw new Error(`manifest: unknown region ${String(entry.region)}`);
    const bytes = readFileSync(path.join(/*turbopackIgnore: true*/ dir, entry.file));
    out.push({
      file: entry.file,
      result: await importFile(db, { name: entry.file, bytes }, { regionChain: chain, kind: entry.kind, agency: entry.agency, batchId }),
    });
    onProgress?.(out.length, manifest.reports.length, entry.file);
  }
  return out;
}

/** On first start only: a database that already holds reports is left as it is. */
export async function seedDemoIfEmpty(db: Db, onStart?: () => void, onProgress?: SeedProgress): Promise<number> {
  if (process.env.DEMO_DATA === "0" || (await countReports(db)) > 0) return 0;
  onStart?.();
  return (await seedDemo(db, SAMPLES_DIR, onProgress)).filter((r) => r.result.ok).length;
}
