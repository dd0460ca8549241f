/**
 * The report_scores rollup: each report's automatic points under every rubric version, computed
 * in SQL — the twin of lib/scoring/score.ts `automatic` (scoring-rank.test.ts holds them equal).
 * Refreshed where its inputs change, in the same transaction: recheckReports (every import,
 * correction and re-check goes through it: findings, publication date, cells, last year's
 * report), reviewFinding (a dismissed finding stops counting) and a new rubric version.
 */
import { sql, type SQL } from "drizzle-orm";
import { CELL_VECTOR_KEYS } from "../../lib/report/cell-vector";
import { rubricDefinitionSchema, type Indicator, type RubricDefinition } from "../../lib/scoring/rubric";
import type { Db } from "../index";
import { deadlineSql } from "./deadline-sql";
import { rowsOf } from "./rows";

export const lit = (v: number) => sql.raw(String(Number(v)));
export const textArray = (xs: readonly string[]) =>
  sql.raw(`array[${xs.map((x) => `'${x.replace(/[^A-Za-z0-9_.]/g, "")}'`).join(",") || "''"}]::text[]`);
/** round2 of max − deduct × count, never below 0 (score.ts `deducted`). */
const deducted = (x: Indicator, per: number, count: SQL) => sql`round(greatest(0, ${lit(x.max)} - ${lit(per)} * (${count}))::numeric, 2)`;

const rulesOf = (d: RubricDefinition) => [...new Set(d.indicators.flatMap((x) => (x.method.kind === "findings" ? x.method.rules : [])))];
const cellKeysOf = (d: RubricDefinition) => [...new Set(d.indicators.flatMap((x) => (x.method.kind === "cells" ? x.method.keys : [])))];

/** What the automatic method gives for indicator i over `r` (report, with cv and hp), `a` (agency), `c` (counts). */
function autoSql(x: Indicator, i: number, lo: number): SQL {
  const m = x.method;
  switch (m.kind) {
    case "deadline":
      return sql`case when r.published_on is null then null when r.published_on > ${deadlineSql} then ${deducted(x, m.deduct, sql`1`)} else ${deducted(x, m.deduct, sql`0`)} end`;
    case "findings":
      return sql`case when ${sql.raw(m.needsTables ? "r.format = 'pre2019'" : "false")} then null
        when ${sql.raw(m.needsPrevious ? "not r.hp" : "false")} then ${deducted(x, m.deduct, sql`0`)}
        else ${deducted(x, m.deduct, sql.raw(`coalesce(c.n${i}, 0)`))} end`;
    case "cells": {
      // r.cv is the slice of cell_vector from slot `lo` (1-based) holding every key the rubric reads.
      const slots = m.keys.map((k) => `r.cv[${CELL_VECTOR_KEYS.indexOf(k) + 2 - lo}]`);
      // Absent (NULL) slots are left out; a blank one (−Infinity) counts 0, as score.ts reads it.
      const present = slots.map((s) => `(${s} is not null)`).join(" or ");
      const sum = slots.map((s) => `greatest(0, coalesce(${s}, 0))`).join(" + ");
      return sql`case when ${sql.raw(present)} then ${deducted(x, m.deduct, sql.raw(`round((${sum})::numeric, 2)`))} end`;
    }
    case "manual":
      return sql`null`;
  }
}

/** Rewrites the rollup rows of one rubric version for the reports `where` selects (alias r). */
async function refreshVersion(db: Db, id: number, version: number, d: RubricDefinition, where: SQL) {
  const rules = rulesOf(d);
  const slots = cellKeysOf(d).map((k) => CELL_VECTOR_KEYS.indexOf(k) + 1);
  const lo = slots.length ? Math.min(...slots) : 1;
  // One slice of the vector per report: each subscript of the stored (compressed) array would
  // decompress it again.
  const cv = slots.length ? sql.raw(`r.cell_vector[${lo}:${Math.max(...slots)}]`) : sql`null::float8[]`;
  const counted = d.indicators
    .map((x, i) => [x, i] as const)
    .filter(([x]) => x.method.kind === "findings")
    .map(
      ([x, i]) =>
        sql`count(*) filter (where f.rule = any(${textArray(x.method.kind === "findings" ? x.method.rules : [])}) and v.report_id is null)::int as ${sql.raw(`n${i}`)}`,
    );
  const items = sql.join(
    d.indicators.map((x, i) => autoSql(x, i, lo)),
    sql`, `,
  );
  const autos = d.indicators.map((x, i) => [x, i] as const).filter(([x]) => x.method.kind !== "manual");
  // The sums a ranking reads when no assessor's entry applies (rank.ts autoPoints, score.ts total).
  const sumOf = (known: boolean) =>
    autos.length ? autos.map(([, i]) => (known ? `coalesce(x.items[${i + 1}], 0)` : `x.items[${i + 1}]`)).join(" + ") : "0";
  await db.execute(sql`
    with r as materialized (
      select r.id, r.agency_id, r.year, r.format, r.published_on, ${cv} as cv,
             exists (select 1 from reports q where q.agency_id = r.agency_id and q.year = r.year - 1) as hp
      from reports r where ${where}
    ), c as (
      select f.report_id, ${counted.length ? sql.join(counted, sql`, `) : sql`0 as n_none`}
      from findings f
      left join finding_reviews v on v.report_id = f.report_id and v.fingerprint = f.fingerprint and v.status = 'dismissed'
      where f.report_id in (select id from r) and f.rule = any(${textArray(rules)})
      group by f.report_id
    )
    insert into report_scores (rubric_id, rubric_version, report_id, agency_id, year, items, auto, known)
    select ${lit(id)}, ${lit(version)}, x.id, x.agency_id, x.year, x.items,
           round((${sql.raw(sumOf(false))})::numeric, 2), round((${sql.raw(sumOf(true))})::numeric, 2)
    from (
      select r.id, r.agency_id, r.year, array[${items}]::float8[] as items
      from r join agencies a on a.id = r.agency_id left join c on c.report_id = r.id
    ) x
    on conflict (rubric_id, rubric_version, report_id)
      do update set agency_id = excluded.agency_id, year = excluded.year, items = excluded.items, auto = excluded.auto, known = excluded.known`);
}

/**
 * Recomputes the automatic points of the given reports (every report when omitted) under every
 * rubric version, or only under `only`. Idempotent.
 */
export async function refreshReportScores(db: Db, reportIds?: readonly number[], only?: { id: number; version: number }): Promise<void> {
  if (reportIds && reportIds.length === 0) return;
  const versions = rowsOf<{ id: number; version: number; definition: unknown }>(
    await db.execute(
      only
        ? sql`select id, version, definition from rubrics where id = ${only.id} and version = ${only.version}`
        : sql`select id, version, definition from rubrics order by id, version`,
    ),
  );
  const where = reportIds ? sql`r.id = any(${sql.raw(`array[${reportIds.map((n) => Math.trunc(n)).join(",")}]::int[]`)})` : sql`true`;
  for (const v of versions) {
    const def = typeof v.definition === "string" ? JSON.parse(v.definition) : v.definition;
    const parsed = rubricDefinitionSchema.safeParse(def);
    // A stored definition that no longer parses (a rule since retired) cannot be scored: getRubric refuses it too.
    if (parsed.success) await refreshVersion(db, Number(v.id), Number(v.version), parsed.data, where);
  }
  // A whole version rewritten (a new rubric version, a bulk load): the planner's row counts are
  // refreshed at once, or the ranking is planned for an empty table until autovacuum comes by.
  if (!reportIds) await db.execute(sql`analyze report_scores`);
}
