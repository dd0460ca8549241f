import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { ParsedReport } from "../../lib/parse/index";
import { describeLoc } from "../../lib/parse/document";
import type { Db } from "../index";
import { agencies, findings, regions, reports } from "../schema";
import { packCellSources, unpackCells, unpackOne } from "../../lib/parse/cell-sources";
import type { AgencyKind, RegionLevel } from "../../lib/report/agency";
import { recheckAround } from "./checks";
import { refreshFiguresForReports } from "./figures";
import { upsertRegionPath } from "./regions";
import { nameInitials } from "../../lib/dashboard/initials";

export interface SaveReportInput {
  report: ParsedReport;
  agencyName: string;
  year: number;
  publishedOn: string | null;
  sourceName: string;
  /** Where a new agency goes; an existing agency of this name keeps its region. */
  region: { regionId: number } | { chain: { name: string; level: RegionLevel; code?: string }[] };
  kind: AgencyKind;
  /** What the parser could not place, when it comes already written (a data package). */
  unread?: { message: string; where: string }[];
}

export interface SaveReportResult {
  reportId: number;
  agencyId: number;
  replaced: boolean;
}

/**
 * Stores one report in one transaction. A second import of the same agency and year replaces the
 * first whole: the unique (agency, year) index serialises concurrent imports on the report row,
 * and cells and findings are rewritten inside the same transaction, so readers see the old report
 * or the new one, never a mix.
 */
export async function saveReport(db: Db, input: SaveReportInput): Promise<SaveReportResult> {
  const { report } = input;
  return db.transaction(async (tx) => {
    // An agency is known by its name. Two first imports of one new name at once (say with two
    // regions) would each find none and create two; the lock makes the second find the first's.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`agency:${input.agencyName}`}))`);
    const existing = await tx.select().from(agencies).where(eq(agencies.name, input.agencyName)).orderBy(asc(agencies.id)).limit(1);
    let agencyId = existing[0]?.id;
    if (agencyId === undefined) {
      // The region matters only to a new agency: no empty regions for one already placed.
      const regionId = "regionId" in input.region ? input.region.regionId : (await upsertRegionPath(tx, input.region.chain)).id;
      await tx
        .insert(agencies)
        .values({ name: input.agencyName, regionId, kind: input.kind, initials: nameInitials(input.agencyName) })
        .onConflictDoNothing();
      const [a] = await tx
        .select()
        .from(agencies)
        .where(and(eq(agencies.name, input.agencyName), eq(agencies.regionId, regionId)));
      agencyId = a.id;
    }

    const values = {
      agencyId,
      year: input.year,
      format: report.format,
      mixedFormat: report.mixed,
      publishedOn: input.publishedOn,
      title: report.title,
      sourceName: input.sourceName,
      sourceKind: report.sourceKind,
      sourceText: report.sourceText,
      narrative: report.narrative,
      headline: report.headline,
      cellValues: report.cells,
      cellSources: packCellSources(report.cells, report.details),
      parserVersion: report.parserVersion,
      missingCells: report.missing,
      unread: input.unread ?? report.issues.map((i) => ({ message: i.message, where: describeLoc(i.loc) })),
      importedAt: new Date(),
    };
    const [saved] = await tx
      .insert(reports)
      .values(values)
      .onConflictDoUpdate({ target: [reports.agencyId, reports.year], set: values })
      // xmax is 0 for a row this statement inserted, the locking transaction's id for an update.
      .returning({ id: reports.id, inserted: sql<boolean>`(xmax = 0)` });

    // Findings come from the stored state, so cross-year rules see last year's report, and next
    // year's report is re-checked against this one.
    await recheckAround(tx, agencyId, input.year);
    // The figures rollup the compare and region pages read, in the same transaction.
    await refreshFiguresForReports(tx, [saved.id]);
    return { reportId: saved.id, agencyId, replaced: !saved.inserted };
  });
}

export async function getReport(db: Db, id: number) {
  const [row] = await db
    .select({ report: reports, agency: agencies, region: regions })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .innerJoin(regions, eq(regions.id, agencies.regionId))
    .where(eq(reports.id, id));
  if (!row) return null;
  const found = await db.select().from(findings).where(eq(findings.reportId, id)).orderBy(asc(findings.id));
  const cells = unpackCells(row.report.cellValues, row.report.cellSources).map((c) => ({ reportId: id, ...c }));
  return { ...row, cells, findings: found };
}

/** One stored cell with where it was read from (null when the report or the cell is not stored). */
export async function getCell(db: Db, reportId: number, key: string) {
  const [row] = await db.select({ values: reports.cellValues, sources: reports.cellSources }).from(reports).where(eq(reports.id, reportId));
  return row ? unpackOne(row.values, row.sources, key) : null;
}

export async function getReportSource(db: Db, id: number) {
  const [row] = await db
    .select({ text: reports.sourceText, name: reports.sourceName, year: reports.year, agency: agencies.name })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(eq(reports.id, id));
  return row ?? null;
}

/** An agency's reports, newest first, with their finding counts. */
export async function listAgencyReports(db: Db, agencyId: number) {
  return db
    .select({
      id: reports.id,
      year: reports.year,
      format: reports.format,
      publishedOn: reports.publishedOn,
      sourceName: reports.sourceName,
      importedAt: reports.importedAt,
      // Qualified by hand: in a single-table select Drizzle prints ${reports.id} as a bare "id",
      // which inside the subquery would mean f.id.
      errors: sql<number>`(select count(*)::int from ${findings} f where f.report_id = "reports"."id" and f.severity = 'error')`,
      warnings: sql<number>`(select count(*)::int from ${findings} f where f.report_id = "reports"."id" and f.severity = 'warning')`,
    })
    .from(reports)
    .where(eq(reports.agencyId, agencyId))
    .orderBy(desc(reports.year));
}

export async function countReports(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(reports);
  return r.n;
}

/** The stored report of an agency (by name) for a year, if any. */
export async function findReportId(db: Db, agencyName: string, year: number): Promise<number | null> {
  const [row] = await db
    .select({ id: reports.id })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(and(eq(agencies.name, agencyName), eq(reports.year, year)))
    .limit(1);
  return row?.id ?? null;
}

export async function getReportAgencyId(db: Db, reportId: number): Promise<number | null> {
  const [r] = await db.select({ agencyId: reports.agencyId }).from(reports).where(eq(reports.id, reportId));
  return r?.agencyId ?? null;
}
