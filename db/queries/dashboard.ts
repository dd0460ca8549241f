/** The overview and agency pages' reads. */
import { sql } from "drizzle-orm";
import type { Db } from "../index";
import { cellsFromVectorText } from "../../lib/report/cell-vector";
import type { ReportFormat } from "../../lib/report/template";
import type { AgencyKind } from "../../lib/report/agency";
import { deadlineSql } from "./deadline-sql";
import { ensureReportFigures } from "./figures";
import { rowsOf } from "./rows";
import { regionPage } from "./region-page";

export { deadlineSql };

export interface OverviewCounts {
  agencies: number;
  reports: number;
  regions: number;
  findingsOpen: number;
}

export async function getOverviewCounts(db: Db): Promise<OverviewCounts> {
  await ensureReportFigures(db);
  const [r] = rowsOf<OverviewCounts>(
    await db.execute(sql`
      select (select coalesce(sum(n), 0)::int from coverage_counts) as agencies,
             (select coalesce(sum(filed), 0)::int from report_year_stats) as reports,
             (select count(*)::int from regions) as regions,
             -- Errors from the per-region rollup, less the few a reviewer dismissed.
             ((select coalesce(sum(n), 0) from finding_stats where severity = 'error')
              - (select count(*) from finding_reviews v join findings f on f.report_id = v.report_id and f.fingerprint = v.fingerprint
                 where v.status = 'dismissed' and f.severity = 'error'))::int as "findingsOpen"`),
  );
  return r;
}

/**
 * Agencies grouped by the span of years they are expected to report (an agency without
 * active_from from its first report on; never, without either). A handful of groups, summed from
 * the per-region coverage_counts rollup: lib/dashboard/coverage.ts turns them into counts per year.
 */
export async function listExpectedSpans(db: Db): Promise<{ from: number | null; to: number | null; n: number }[]> {
  return rowsOf(
    await db.execute(sql`
      select from_year as "from", to_year as "to", sum(n)::int as n
      from coverage_counts where from_year is not null group by from_year, to_year having sum(n) > 0`),
  );
}

/**
 * Reports per year and how many were published after the deadline. The deadline is D1 of
 * domain.md, as lib/report/deadline.ts: 31 March for governments and for years ≤ 2018, else 31 January.
 * Read from the report_year_stats rollup, kept by a trigger on report_figures.
 */
export async function listFiledByYear(db: Db): Promise<{ year: number; filed: number; late: number; undated: number }[]> {
  await ensureReportFigures(db);
  return rowsOf(await db.execute(sql`select year, filed, late, undated from report_year_stats where filed > 0 order by year`));
}

export interface OpenFinding {
  id: number;
  reportId: number;
  rule: string;
  severity: "error" | "warning" | "info";
  message: string;
  cells: string[];
  year: number;
  agencyId: number;
  agency: string;
}

/** The most serious findings nobody has dismissed: errors of the latest years first. */
export async function listOpenFindings(db: Db, limit = 8): Promise<OpenFinding[]> {
  // The newest errors first, walked backwards down findings_errors_latest_idx until `limit` are
  // open; only those are joined to their report and agency.
  return rowsOf<OpenFinding>(
    await db.execute(sql`
      with top as (
        select f.id from findings f
        where f.severity = 'error'
          and not exists (select 1 from finding_reviews v where v.report_id = f.report_id and v.fingerprint = f.fingerprint and v.status = 'dismissed')
        order by f.year desc, f.id desc
        limit ${limit}
      )
      select f.id, f.report_id as "reportId", f.rule, f.severity, f.message, f.cells, f.year, a.id as "agencyId", a.name as agency
      from top join findings f on f.id = top.id
      join reports r on r.id = f.report_id
      join agencies a on a.id = r.agency_id
      order by f.year desc, f.id desc`),
  ).map((f) => ({ ...f, cells: typeof f.cells === "string" ? JSON.parse(f.cells) : f.cells }));
}

export interface ImportLogItem {
  id: number;
  sourceName: string;
  status: "created" | "updated" | "failed";
  message: string;
  agencyId: number | null;
  agency: string | null;
  year: number | null;
  reportId: number | null;
  at: string;
}

export async function listLatestImports(db: Db, limit = 8): Promise<ImportLogItem[]> {
  return rowsOf<ImportLogItem>(
    await db.execute(sql`
      select l.id, l.source_name as "sourceName", l.status, l.message, l.agency_id as "agencyId", a.name as agency, l.year,
             l.report_id as "reportId", l.at
      from import_log l left join agencies a on a.id = l.agency_id
      order by l.at desc, l.id desc
      limit ${limit}`),
  );
}

export interface AgencyListRow {
  id: number;
  name: string;
  kind: AgencyKind;
  regionLevel: string;
  regionTrail: string;
  years: { year: number; reportId: number }[];
}

/** One page of the agency list (region order, governments first), with trail and filed years. */
export async function listAgencyPage(db: Db, page: number, perPage = 50): Promise<{ rows: AgencyListRow[]; total: number }> {
  const off = (page - 1) * perPage;
  const [count, rows] = await Promise.all([
    db.execute(sql`select coalesce(sum(n), 0)::int as total from coverage_counts`).then((r) => rowsOf<{ total: number }>(r)[0]),
    db
      .execute(sql`
        select p.id, p.name, p.kind, p."regionLevel",
               coalesce((select string_agg(x.name, ' / ' order by length(x.path)) from regions x
                         where p.path like x.path || x.id || '/%') || ' / ', '') || p."regionName" as "regionTrail",
               coalesce((select json_agg(json_build_object('year', r.year, 'reportId', r.id) order by r.year)
                         from reports r where r.agency_id = p.id), '[]'::json) as years
        from (${regionPage(
          sql`select region_id, sum(n)::int as n from coverage_counts group by region_id`,
          sql`true`,
          sql`case a.kind when 'government' then 0 when 'township' then 2 else 1 end, a.name, a.id`,
          off,
          perPage,
        )}) p
        order by p.pos`)
      .then((r) => rowsOf<AgencyListRow>(r)),
  ]);
  return {
    total: count.total,
    rows: rows.map((r) => ({ ...r, years: typeof r.years === "string" ? JSON.parse(r.years) : r.years })),
  };
}

export interface AgencyReportCells {
  id: number;
  year: number;
  format: ReportFormat;
  mixedFormat: boolean;
  publishedOn: string | null;
  cells: Record<string, number | null>;
  /** The prose the "posts published" figures are read from (section 一 is at the start). */
  prose: string;
  /** The figures the prose states (reports.headline): all a pre-2019 report has for the headline trend. */
  headline: { key: string; value: number }[];
}

/**
 * An agency's reports with every cell, from the compact cell_vector (written with the report's
 * cells in one transaction, so a report is charted as soon as it is saved).
 */
export async function listAgencyReportCells(db: Db, agencyId: number): Promise<AgencyReportCells[]> {
  const rows = rowsOf<
    Omit<AgencyReportCells, "cells" | "headline"> & { cells: string | null; headline: AgencyReportCells["headline"] | string }
  >(
    await db.execute(sql`
      select r.id, r.year, r.format, r.mixed_format as "mixedFormat", r.published_on::text as "publishedOn",
             r.cell_vector::text as cells,
             left(case when r.narrative <> '' then r.narrative else r.source_text end, 6000) as prose,
             r.headline
      from reports r where r.agency_id = ${agencyId}
      order by r.year`),
  );
  return rows.map((r) => ({
    ...r,
    cells: cellsFromVectorText(r.cells),
    headline: typeof r.headline === "string" ? JSON.parse(r.headline) : r.headline,
  }));
}

/** Every report of a region's agencies (subtree) in a year range, for the region chart export. */
export async function listRegionReportCells(db: Db, regionId: number, from: number, to: number, limit = 500) {
  const rows = rowsOf<Omit<AgencyReportCells, "cells" | "headline"> & { cells: string | null; agencyId: number; agencyName: string }>(
    await db.execute(sql`
      select r.id, r.year, r.format, r.mixed_format as "mixedFormat", r.published_on::text as "publishedOn", r.cell_vector::text as cells,
             left(case when r.narrative <> '' then r.narrative else r.source_text end, 6000) as prose,
             a.id as "agencyId", a.name as "agencyName"
      from agencies a
      join regions g on g.id = a.region_id
      join reports r on r.agency_id = a.id and r.year between ${from} and ${to}
      where a.id in (
        select a2.id from agencies a2 join regions g2 on g2.id = a2.region_id
        where g2.id = ${regionId} or g2.path like (select path || id || '/%' from regions where id = ${regionId})
        order by a2.name limit ${limit})
      order by a.name, r.year`),
  );
  return rows.map((r) => ({ ...r, cells: cellsFromVectorText(r.cells) }));
}
