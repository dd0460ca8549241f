/**
 * Scoring one agency-year under one rubric: pure. The database gathers the evidence (the report's
 * stored findings, cells, publication date, whether last year's report exists) and the assessor's
 * entries; this turns them into points per indicator, each with the references that justify it.
 */
import { deadlineFor } from "../report/deadline";
import type { AgencyKindGuess as AgencyKind } from "../report/agency";
import type { ReportFormat } from "../report/template";
import { scoringMsg as m } from "../messages/scoring";
import { round2, type Indicator, type RubricDefinition } from "./rubric";

export interface EvidenceFinding {
  id: number;
  rule: string;
  severity: "error" | "warning" | "info";
  cells: string[];
  message: string;
  /** Its number on the report page (the #finding-N anchor), when known. */
  n?: number;
  /** A reviewer dismissed it as not a problem: it does not count against the report. */
  dismissed?: boolean;
}

/** What is known about one agency's report for one year. null where there is no report. */
export interface ReportEvidence {
  reportId: number;
  year: number;
  agencyKind: AgencyKind;
  format: ReportFormat;
  publishedOn: string | null;
  cells: Readonly<Record<string, number | null>>;
  findings: readonly EvidenceFinding[];
  /** The same agency's report for year − 1, if stored. */
  previousReportId: number | null;
}

/** What an assessor entered for one indicator: a manual value, or an override of an automatic one. */
export interface Entry {
  method: "manual" | "override";
  points: number;
  reason: string;
  by: string;
  at: Date | string;
}

export type EvidenceRef =
  | { kind: "date"; reportId: number; publishedOn: string | null; deadline: string }
  | { kind: "finding"; reportId: number; findingId: number; n?: number; rule: string; message: string; cell?: string }
  | { kind: "cell"; reportId: number; key: string; value: number | null }
  | { kind: "report"; reportId: number; year: number };

export const MISSING_REASONS = ["no_report", "no_date", "no_tables", "no_cells", "not_entered"] as const;
export type MissingReason = (typeof MISSING_REASONS)[number];

export interface ScoredItem {
  indicatorId: string;
  name: string;
  max: number;
  /** auto: computed; manual: entered; override: entered over a computed value. */
  method: "auto" | "manual" | "override";
  /** null: not known yet (see `missing`). */
  points: number | null;
  /** What the automatic method gives (null for manual indicators, or when evidence is missing). */
  autoPoints: number | null;
  /** Failing items counted by the automatic method. */
  count: number | null;
  evidence: EvidenceRef[];
  /** In Chinese: how the points were found. */
  note: string;
  missing: MissingReason | null;
  entry: Entry | null;
}

export interface ScoreResult {
  items: ScoredItem[];
  /** Sum of the known points; null when there is no report at all. */
  total: number | null;
  max: number;
  /** Every indicator has points: only complete scores are ranked. */
  complete: boolean;
  missing: { indicatorId: string; name: string; reason: MissingReason }[];
}

type Auto = { points: number | null; count: number | null; evidence: EvidenceRef[]; note: string; missing: MissingReason | null };

const deducted = (x: Indicator, per: number, count: number) => round2(Math.max(0, x.max - per * count));

function automatic(x: Indicator, r: ReportEvidence): Auto {
  const method = x.method;
  switch (method.kind) {
    case "deadline": {
      const deadline = deadlineFor(r.year, r.agencyKind);
      const evidence: EvidenceRef[] = [{ kind: "date", reportId: r.reportId, publishedOn: r.publishedOn, deadline }];
      if (!r.publishedOn) return { points: null, count: null, evidence, note: m.note.noDate(deadline), missing: "no_date" };
      const late = r.publishedOn > deadline;
      return {
        points: deducted(x, method.deduct, late ? 1 : 0),
        count: late ? 1 : 0,
        evidence,
        note: late ? m.note.late(r.publishedOn, deadline) : m.note.onTime(r.publishedOn, deadline),
        missing: null,
      };
    }
    case "findings": {
      if (method.needsTables && r.format === "pre2019")
        return { points: null, count: null, evidence: [], note: m.note.noTables, missing: "no_tables" };
      if (method.needsPrevious && r.previousReportId === null)
        return { points: x.max, count: 0, evidence: [], note: m.note.noPrevious(r.year - 1), missing: null };
      const matched = r.findings.filter((f) => method.rules.includes(f.rule));
      const counted = matched.filter((f) => !f.dismissed);
      const evidence: EvidenceRef[] = counted.map((f) => ({
        kind: "finding",
        reportId: r.reportId,
        findingId: f.id,
        n: f.n,
        rule: f.rule,
        message: f.message,
        cell: f.cells[0],
      }));
      if (method.needsPrevious && r.previousReportId !== null)
        evidence.push({ kind: "report", reportId: r.previousReportId, year: r.year - 1 });
      return {
        points: deducted(x, method.deduct, counted.length),
        count: counted.length,
        evidence,
        note: m.note.findings(counted.length, method.deduct, matched.length - counted.length),
        missing: null,
      };
    }
    case "cells": {
      const present = method.keys.filter((k) => k in r.cells);
      if (present.length === 0)
        return {
          points: null,
          count: null,
          evidence: [],
          note: r.format === "pre2019" ? m.note.noTables : m.note.noCells,
          missing: r.format === "pre2019" ? "no_tables" : "no_cells",
        };
      // Blank is read as 0, as the checks do (domain.md §5).
      const count = round2(present.reduce((s, k) => s + Math.max(0, r.cells[k] ?? 0), 0));
      const evidence: EvidenceRef[] = present.map((k) => ({ kind: "cell", reportId: r.reportId, key: k, value: r.cells[k] ?? null }));
      return { points: deducted(x, method.deduct, count), count, evidence, note: m.note.cells(count, method.deduct), missing: null };
    }
    case "manual":
      return { points: null, count: null, evidence: [], note: method.guide, missing: "not_entered" };
  }
}

const clamp = (v: number, max: number) => round2(Math.min(max, Math.max(0, v)));

export function scoreReport(
  rubric: RubricDefinition,
  evidence: ReportEvidence | null,
  entries: Readonly<Record<string, Entry>> = {},
): ScoreResult {
  // Every item is built by item() from plain fields, not `{ ...base, … }`: V8 (Node 20) builds a
  // spread followed by more properties through a slow path, ~5 µs an object, and a province's
  // ranking scores 16,000 reports × every indicator.
  const item = (
    x: Indicator,
    method: ScoredItem["method"],
    points: number | null,
    auto: Auto | null,
    missing: MissingReason | null,
    entry: Entry | null,
    note: string,
  ): ScoredItem => ({
    indicatorId: x.id,
    name: x.name,
    max: x.max,
    method,
    points,
    autoPoints: method === "manual" ? null : (auto?.points ?? null),
    count: method === "manual" ? null : (auto?.count ?? null),
    evidence: method === "manual" ? [] : (auto?.evidence ?? []),
    note,
    missing,
    entry,
  });
  const items: ScoredItem[] = rubric.indicators.map((x) => {
    if (!evidence) return item(x, x.method.kind === "manual" ? "manual" : "auto", null, null, "no_report", null, m.note.noReport);
    const auto = automatic(x, evidence);
    const entry = entries[x.id] ?? null;
    if (x.method.kind === "manual") {
      return entry
        ? item(x, "manual", clamp(entry.points, x.max), null, null, entry, auto.note)
        : item(x, "manual", null, null, "not_entered", null, auto.note);
    }
    if (entry?.method === "override") return item(x, "override", clamp(entry.points, x.max), auto, null, entry, auto.note);
    return item(x, "auto", auto.points, auto, auto.missing, null, auto.note);
  });
  const missing = items
    .filter((i) => i.missing)
    .map((i) => ({ indicatorId: i.indicatorId, name: i.name, reason: i.missing as MissingReason }));
  const max = round2(rubric.indicators.reduce((s, x) => s + x.max, 0));
  const total = evidence ? round2(items.reduce((s, i) => s + (i.points ?? 0), 0)) : null;
  return { items, total, max, complete: evidence !== null && missing.length === 0, missing };
}
