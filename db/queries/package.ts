/**
 * Data packages: every report of a region (or of the whole database) as a ZIP — one JSON per report
 * in the shape of report-cells.md, with what a lossless copy needs beside it (raw text, provenance,
 * region, reviews, corrections) and the report's source text — and the import that reads one back.
 * This is how a user moves from the embedded database to a Postgres server, or hands data over.
 */
import { asc, eq, inArray, like, or, sql } from "drizzle-orm";
import { z, ZodError } from "zod";
import { msg } from "../../lib/messages";
import { issuesMessage } from "../../lib/validate";
import { safeFileName } from "../../lib/export/table";
import type { ParsedReport } from "../../lib/parse/index";
import type { Db } from "../index";
import { agencies, cellHistory, findingReviews, findings, regions, reports } from "../schema";
import { unpackCells } from "../../lib/parse/cell-sources";
import { REGION_LEVELS, AGENCY_KINDS } from "../../lib/report/agency";
import { FORMATS } from "../../lib/report/template";
import { importParsed, logFailure, type ImportResult } from "./imports";

export const PACKAGE_TYPE = "disclosure-dashboard-package";
export const PACKAGE_VERSION = 1;

// Every field of SourceLoc (lib/parse/document.ts): a package keeps the whole provenance.
const locSchema = z.object({
  line: z.number().optional(),
  table: z.number().optional(),
  row: z.number().optional(),
  col: z.number().optional(),
  page: z.number().optional(),
  at: z.number().optional(),
  ocr: z
    .object({ box: z.tuple([z.number(), z.number(), z.number(), z.number()]), conf: z.number(), doubt: z.boolean().optional() })
    .optional(),
});

export const packagedReportSchema = z.object({
  agency: z.string().min(1),
  year: z.number().int(),
  format: z.enum(FORMATS),
  published_on: z.string().nullable(),
  cells: z.record(z.string(), z.number().nullable()),
  findings: z.array(z.object({ rule: z.string(), severity: z.string(), cells: z.array(z.string()), message: z.string() })).default([]),
  package: z.object({
    region: z.array(z.object({ name: z.string(), level: z.enum(REGION_LEVELS) })).min(1),
    kind: z.enum(AGENCY_KINDS),
    mixed: z.boolean(),
    title: z.string().nullable(),
    source_name: z.string(),
    source_kind: z.string(),
    source_file: z.string(),
    parser_version: z.string(),
    imported_at: z.string(),
    missing: z.array(z.string()),
    unread: z.array(z.object({ message: z.string(), where: z.string() })),
    narrative: z.string(),
    headline: z
      .array(z.object({ key: z.string(), value: z.number(), sentence: z.string(), source: z.enum(["text", "table"]) }))
      .default([]),
    details: z.record(z.string(), z.object({ raw: z.string(), note: z.string().nullable(), source: locSchema })),
    reviews: z.array(
      z.object({
        fingerprint: z.string(),
        status: z.enum(["confirmed", "dismissed"]),
        comment: z.string(),
        reviewer: z.string(),
        reviewed_at: z.string(),
      }),
    ),
    history: z.array(
      z.object({
        key: z.string(),
        old_value: z.number().nullable(),
        old_raw: z.string().nullable(),
        new_value: z.number().nullable(),
        reason: z.string(),
        changed_by: z.string(),
        changed_at: z.string(),
      }),
    ),
  }),
});
export type PackagedReport = z.infer<typeof packagedReportSchema>;

const manifestSchema = z.object({ type: z.literal(PACKAGE_TYPE), version: z.literal(PACKAGE_VERSION), reports: z.array(z.string()) });

/** The ids of the reports of a region's subtree, or every report. */
async function reportIdsIn(db: Db, regionId?: number): Promise<number[]> {
  const q = db
    .select({ id: reports.id })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId));
  const rows = regionId
    ? await q
        .where(or(eq(regions.id, regionId), like(regions.path, sql`(select path || id || '/%' from regions where id = ${regionId})`)))
        .orderBy(asc(reports.id))
    : await q.orderBy(asc(reports.id));
  return rows.map((r) => r.id);
}

/** Build the ZIP. Reports are read in chunks, so a national database does not sit in memory twice. */
export async function exportPackage(
  db: Db,
  opts: { regionId?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  const ids = await reportIdsIn(db, opts.regionId);
  const allRegions = await db.select().from(regions);
  const byId = new Map(allRegions.map((r) => [r.id, r]));
  const chainOf = (regionId: number) => {
    const r = byId.get(regionId)!;
    return [...r.path.split("/").filter(Boolean).map(Number), r.id].map((id) => ({ name: byId.get(id)!.name, level: byId.get(id)!.level }));
  };
  const names: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < ids.length; i += 200) {
    const part = ids.slice(i, i + 200);
    const [rs, revs, hist, fs] = await Promise.all([
      db
        .select({ r: reports, a: agencies })
        .from(reports)
        .innerJoin(agencies, eq(agencies.id, reports.agencyId))
        .where(inArray(reports.id, part)),
      db.select().from(findingReviews).where(inArray(findingReviews.reportId, part)),
      db.select().from(cellHistory).where(inArray(cellHistory.reportId, part)).orderBy(asc(cellHistory.id)),
      db.select().from(findings).where(inArray(findings.reportId, part)).orderBy(asc(findings.id)),
    ]);
    for (const { r, a } of rs) {
      let base = safeFileName(`${a.name}-${r.year}`);
      if (used.has(base)) base = `${base}-${r.id}`;
      used.add(base);
      const mine = unpackCells(r.cellValues, r.cellSources);
      const doc: PackagedReport = {
        agency: a.name,
        year: r.year,
        format: r.format,
        published_on: r.publishedOn,
        cells: Object.fromEntries(mine.map((c) => [c.key, c.value])),
        findings: fs
          .filter((f) => f.reportId === r.id)
          .map((f) => ({ rule: f.rule, severity: f.severity, cells: f.cells, message: f.message })),
        package: {
          region: chainOf(a.regionId),
          kind: a.kind,
          mixed: r.mixedFormat,
          title: r.title,
          source_name: r.sourceName,
          source_kind: r.sourceKind,
          source_file: `sources/${base}.txt`,
          parser_version: r.parserVersion,
          imported_at: r.importedAt.toISOString(),
          missing: r.missingCells,
          unread: r.unread,
          narrative: r.narrative,
          headline: r.headline,
          details: Object.fromEntries(mine.map((c) => [c.key, { raw: c.raw, note: c.note, source: c.source }])),
          reviews: revs
            .filter((v) => v.reportId === r.id)
            .map((v) => ({
              fingerprint: v.fingerprint,
              status: v.status,
              comment: v.comment,
              reviewer: v.reviewer,
              reviewed_at: v.reviewedAt.toISOString(),
            })),
          history: hist
            .filter((h) => h.reportId === r.id)
            .map((h) => ({
              key: h.key,
              old_value: h.oldValue,
              old_raw: h.oldRaw,
              new_value: h.newValue,
              reason: h.reason,
              changed_by: h.changedBy,
              changed_at: h.changedAt.toISOString(),
            })),
        },
      };
      zip.file(`reports/${base}.json`, JSON.stringify(doc, null, 1));
      zip.file(`sources/${base}.txt`, r.sourceText);
      names.push(`reports/${base}.json`);
    }
    opts.onProgress?.(Math.min(ids.length, i + 200), ids.length);
  }
  zip.file(
    "manifest.json",
    JSON.stringify({ type: PACKAGE_TYPE, version: PACKAGE_VERSION, exported_at: new Date().toISOString(), reports: names }, null, 1),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

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
      const sourceText = (await zip.file(p.source_file)?.async("string")) ?? "";
      const parsed: ParsedReport = {
        agency: doc.agency,
        year: doc.year,
        format: doc.format,
        publishedOn: doc.published_on,
        title: p.title,
        cells: doc.cells,
        details: Object.fromEntries(
          Object.entries(p.details).map(([k, d]) => [
            k,
            { value: doc.cells[k] ?? null, raw: d.raw, ...(d.note ? { note: d.note } : {}), loc: d.source },
          ]),
        ),
        findings: [],
        issues: [],
        missing: p.missing,
        mixed: p.mixed,
        sourceKind: p.source_kind as ParsedReport["sourceKind"],
        sourceText,
        narrative: p.narrative,
        parserVersion: p.parser_version,
        headline: p.headline as ParsedReport["headline"],
      };
      // The report, its history and reviews, and its audit row land together or not at all.
      result = await db.transaction(async (tx) => {
        const r = await importParsed(tx, parsed, p.source_name, {
          regionChain: p.region,
          kind: p.kind,
          batchId: opts.batchId,
          unread: p.unread,
        });
        if (!r.ok) return r;
        const reportId = r.reportId;
        await tx.delete(cellHistory).where(eq(cellHistory.reportId, reportId));
        if (p.history.length)
          await tx.insert(cellHistory).values(
            p.history.map((h) => ({
              reportId,
              key: h.key,
              oldValue: h.old_value,
              oldRaw: h.old_raw,
              newValue: h.new_value,
              reason: h.reason,
              changedBy: h.changed_by,
              changedAt: new Date(h.changed_at),
            })),
          );
        for (const v of p.reviews) {
          const row = {
            reportId,
            fingerprint: v.fingerprint,
            status: v.status,
            comment: v.comment,
            reviewer: v.reviewer,
            reviewedAt: new Date(v.reviewed_at),
          };
          await tx
            .insert(findingReviews)
            .values(row)
            .onConflictDoUpdate({ target: [findingReviews.reportId, findingReviews.fingerprint], set: row });
        }
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
