/**
 * The evidence a rubric's automatic indicators read, for every agency in a scope: the scope's
 * agencies, their reports in the chosen years, the findings of the rubric's rules, the cells it
 * reads and last year's report ids — a few set-based queries whatever the number of agencies.
 * Split from scoring.ts (entries, rankings, sheets), which reads through it.
 */
import { and, asc, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { RubricDefinition } from "../../lib/scoring/rubric";
import type { EvidenceFinding, ReportEvidence } from "../../lib/scoring/score";
import { CELL_VECTOR_KEYS, cellVectorSlotsSql, cellsFromVectorText } from "../../lib/report/cell-vector";
import type { Db } from "../index";
import { rowsOf } from "./rows";
import { agencies, findingReviews, findings, regions, reportFigures, reports } from "../schema";
import type { RegionLevel } from "../../lib/report/agency";

// ---- evidence and entries --------------------------------------------------------------------

export interface Scope {
  /** A region and its whole subtree; all regions when omitted. */
  regionId?: number;
  /** Only agencies whose own region is at this level. */
  level?: RegionLevel;
  /** Or exactly these agencies. */
  agencyIds?: number[];
}

export function scopeWhere(s: Scope): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (s.regionId)
    conds.push(or(eq(regions.id, s.regionId), like(regions.path, sql`(select path || id || '/%' from regions where id = ${s.regionId})`)));
  if (s.level) conds.push(eq(regions.level, s.level));
  if (s.agencyIds) conds.push(inArray(agencies.id, s.agencyIds.length ? s.agencyIds : [-1]));
  return conds.length ? and(...conds) : undefined;
}

const SEVERITY_ORDER = sql`case ${findings.severity} when 'error' then 0 when 'warning' then 1 else 2 end`;

export interface ScopedAgency {
  agencyId: number;
  agency: string;
  region: string;
  regionId: number;
}

/**
 * The agencies in scope, and the evidence for each of their reports in `years`: four queries
 * whatever the number of agencies.
 */
/** The rules a rubric's automatic indicators count: the only findings scoring reads. */
export const rubricRules = (d: RubricDefinition): string[] => [
  ...new Set(d.indicators.flatMap((x) => (x.method.kind === "findings" ? x.method.rules : []))),
];

/** The cells a rubric's automatic indicators read: the only cells scoring loads. */
export const rubricCellKeys = (d: RubricDefinition): string[] => [
  ...new Set(d.indicators.flatMap((x) => (x.method.kind === "cells" ? x.method.keys : []))),
];

export async function gatherEvidence(
  db: Db,
  scope: Scope,
  years: number[],
  rules: readonly string[],
  cellKeys: readonly string[] = CELL_VECTOR_KEYS,
  numbered = true,
) {
  const yearList = sql.raw(`array[${years.map((y) => Math.trunc(y)).join(",")}]::int[]`);
  const ruleList = sql.raw(`array[${rules.map((r) => `'${r.replace(/[^a-z0-9_.]/g, "")}'`).join(",") || "''"}]::text[]`);
  // A page of a ranking names its agencies: their reports' findings are read through the report
  // index, not by walking every finding of the rubric's rules.
  const byReports = scope.agencyIds
    ? sql`and ${findings.reportId} in (select q.id from reports q where q.agency_id = any(${sql.raw(
        `array[${scope.agencyIds.map((n) => Math.trunc(n)).join(",") || "-1"}]::int[]`,
      )}) and q.year = any(${yearList}))`
    : sql``;
  const [rows, prevRows, found] = await Promise.all([
    db
      .select({
        agencyId: agencies.id,
        agency: agencies.name,
        kind: agencies.kind,
        region: regions.name,
        regionId: regions.id,
        reportId: reports.id,
        year: reports.year,
        format: reports.format,
        publishedOn: reports.publishedOn,
        // Only the vector's slots the rubric reads, not the jsonb nor all ~300 cells: a province's
        // ranking reads tens of thousands of reports, and parsing every cell was most of its time.
        cells: sql<string | null>`${sql.raw(cellVectorSlotsSql(`"reports"."cell_vector"`, cellKeys))}`,
      })
      .from(agencies)
      .innerJoin(regions, eq(regions.id, agencies.regionId))
      .leftJoin(reports, and(eq(reports.agencyId, agencies.id), inArray(reports.year, years)))
      .where(scopeWhere(scope))
      .orderBy(asc(agencies.name), asc(agencies.id)),
    db
      .select({ agencyId: reports.agencyId, year: reports.year, id: reports.id })
      .from(reports)
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .innerJoin(regions, eq(regions.id, agencies.regionId))
      .where(
        and(
          scopeWhere(scope),
          inArray(
            reports.year,
            years.map((y) => y - 1),
          ),
        ),
      ),
    // Only the rules the rubric counts come back, each with its number on the report page
    // (`n`, the #finding-N anchor) counted over all the report's findings in the page's order.
    // A ranking shows no anchors: it skips the numbering, which reads every finding in scope,
    // and reads the rubric's rules alone through findings_rule_idx.
    rowsOf<{
      id: number;
      reportId: number;
      rule: string;
      severity: EvidenceFinding["severity"];
      cells: string[] | string;
      message: string;
      status: string | null;
      n: number | null;
    }>(
      await db.execute(
        numbered
          ? sql`
        select * from (
          select ${findings.id} as id, ${findings.reportId} as "reportId", ${findings.rule} as rule, ${findings.severity} as severity,
                 ${findings.cells} as cells, ${findings.message} as message, v.status,
                 row_number() over (partition by ${findings.reportId} order by ${SEVERITY_ORDER}, ${findings.id})::int as n
          from ${findings}
          join ${reportFigures} rf on rf.report_id = ${findings.reportId}
          join ${agencies} on ${agencies.id} = rf.agency_id
          join ${regions} on ${regions.id} = ${agencies.regionId}
          left join ${findingReviews} v on v.report_id = ${findings.reportId} and v.fingerprint = ${findings.fingerprint}
          where ${scopeWhere(scope) ?? sql`true`} and ${findings.year} = any(${yearList}) and rf.year = any(${yearList})
        ) x
        where x.rule = any(${ruleList})
        order by x."reportId", x.n`
          : sql`
        select ${findings.id} as id, ${findings.reportId} as "reportId", ${findings.rule} as rule, ${findings.severity} as severity,
               ${findings.cells} as cells, ${findings.message} as message, v.status, null::int as n
        from ${findings}
        join ${reportFigures} rf on rf.report_id = ${findings.reportId}
        join ${agencies} on ${agencies.id} = rf.agency_id
        join ${regions} on ${regions.id} = ${agencies.regionId}
        left join ${findingReviews} v on v.report_id = ${findings.reportId} and v.fingerprint = ${findings.fingerprint}
        where ${scopeWhere(scope) ?? sql`true`} and ${findings.year} = any(${yearList}) and rf.year = any(${yearList}) and ${findings.rule} = any(${ruleList})
          ${byReports}
        order by ${findings.reportId}, ${SEVERITY_ORDER}, ${findings.id}`,
      ),
    ),
  ]);
  const byReport = new Map<number, EvidenceFinding[]>();
  for (const f of found) {
    const list = byReport.get(f.reportId) ?? [];
    list.push({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      cells: typeof f.cells === "string" ? JSON.parse(f.cells) : f.cells,
      message: f.message,
      n: f.n ?? undefined,
      dismissed: f.status === "dismissed",
    });
    byReport.set(f.reportId, list);
  }
  const prevId = new Map(prevRows.map((p) => [`${p.agencyId}:${p.year}`, p.id]));
  const agencyList = new Map<number, ScopedAgency>();
  const evidence = new Map<string, ReportEvidence>();
  for (const r of rows) {
    agencyList.set(r.agencyId, { agencyId: r.agencyId, agency: r.agency, region: r.region, regionId: r.regionId });
    if (r.reportId === null || r.year === null || r.format === null) continue;
    evidence.set(`${r.agencyId}:${r.year}`, {
      reportId: r.reportId,
      year: r.year,
      agencyKind: r.kind,
      format: r.format,
      publishedOn: r.publishedOn,
      cells: cellsFromVectorText(r.cells, cellKeys),
      findings: byReport.get(r.reportId) ?? [],
      previousReportId: prevId.get(`${r.agencyId}:${r.year - 1}`) ?? null,
    });
  }
  return { agencies: [...agencyList.values()], evidence };
}
