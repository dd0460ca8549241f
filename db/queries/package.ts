/**
 * Data packages: every report of a region (or of the whole database) as a ZIP — one JSON per report
 * in the shape of report-cells.md, with what a lossless copy needs beside it (raw text, provenance,
 * region, reviews, corrections) and the report's source text. The import that reads one back is
 * pipeline/package.ts; the package's shape is lib/export/package.ts.
 * This is how a user moves from the embedded database to a Postgres server, or hands data over.
 */
import { asc, eq, inArray, like, or, sql } from "drizzle-orm";
import { safeFileName } from "../../lib/export/table";
import { PACKAGE_TYPE, PACKAGE_VERSION, type PackagedReport } from "../../lib/export/package";
import type { Db } from "../index";
import { agencies, cellHistory, findingReviews, findings, regions, reports } from "../schema";
import { unpackCells } from "../../lib/parse/cell-sources";

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

/**
 * What a package carries beside the report itself: its correction history and finding reviews,
 * written after the report is stored (in the same transaction), replacing what the report had.
 */
export async function restorePackageExtras(
  tx: Db,
  reportId: number,
  p: Pick<PackagedReport["package"], "history" | "reviews">,
): Promise<void> {
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
}
