/**
 * Data packages read back (`npm run import x.zip`, the export page): each report lands whole or not
 * at all, one transaction each, through the same door as any import (pipeline/import.ts), with its
 * cells, raw text and provenance as exported, then its reviews and correction history.
 */
import { ZodError } from "zod";
import type { Db } from "../db/index";
import { logFailure } from "../db/queries/imports";
import { restorePackageExtras } from "../db/queries/package";
import { manifestSchema, packagedReportSchema, packagedToParsed } from "../lib/export/package";
import { msg } from "../lib/messages";
import { issuesMessage } from "../lib/validate";
import { storeReport, type ImportResult } from "./import";

/** Whether a ZIP is one of our packages (its manifest says so). */
export async function isPackage(bytes: Uint8Array): Promise<boolean> {
  try {
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(bytes);
    const m = zip.file("manifest.json");
    return Boolean(m && manifestSchema.safeParse(JSON.parse(await m.async("string"))).success);
  } catch {
    return false;
  }
}

/**
 * Read a package back: each report lands whole or not at all (one transaction each, through the
 * same save as any import), with its cells, raw text and provenance as exported, then its reviews
 * and correction history. Findings are recomputed; unchanged ones find their reviews again.
 */
export async function importPackage(
  db: Db,
  bytes: Uint8Array,
  opts: {
    batchId?: string;
    onFile?: (name: string, r: ImportResult) => void;
    /** Called inside each report's transaction once it is stored (the audit row goes in with it). */
    audit?: (tx: Db, name: string, r: Extract<ImportResult, { ok: true }>) => Promise<void>;
  } = {},
): Promise<{ name: string; result: ImportResult }[]> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const manifest = manifestSchema.parse(JSON.parse(await zip.file("manifest.json")!.async("string")));
  const out: { name: string; result: ImportResult }[] = [];
  for (const name of manifest.reports) {
    let result: ImportResult;
    try {
      const doc = packagedReportSchema.parse(JSON.parse(await zip.file(name)!.async("string")));
      const p = doc.package;
      const parsed = packagedToParsed(doc, (await zip.file(p.source_file)?.async("string")) ?? "");
      // The report, its history and reviews, and its audit row land together or not at all.
      result = await db.transaction(async (tx) => {
        const r = await storeReport(tx, parsed, p.source_name, {
          regionChain: p.region,
          kind: p.kind,
          batchId: opts.batchId,
          unread: p.unread,
        });
        if (!r.ok) return r;
        await restorePackageExtras(tx, r.reportId, p);
        await opts.audit?.(tx, name, r);
        return r;
      });
    } catch (e) {
      // Internal text (zod's English, SQL) stays in the server log; the row says which file, in Chinese.
      console.error(`[package] ${name}`, e);
      const error = e instanceof ZodError ? msg.package.invalidEntry(name, issuesMessage(e.issues)) : msg.package.unreadable(name);
      await logFailure(db, { sourceName: name, error, batchId: opts.batchId });
      result = { ok: false, error };
    }
    out.push({ name, result });
    opts.onFile?.(name, result);
  }
  return out;
}
