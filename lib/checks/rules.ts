/**
 * Consistency rules (勾稽关系) of shared/spec/domain.md §5, declared as data: each rule has a
 * stable id, a severity, a tolerance, the cells it reads and a check that says, in Chinese, which
 * table, row or column and which figures disagree. Rules are pure: the database gathers the
 * inputs (the report, last year's report of the same agency, the agency's kind).
 *
 * The rules themselves, by what they read: table-rules.ts (within the tables), year-rules.ts
 * (against last year's report), document-rules.ts (prose, dates, format). Shared lookups and key
 * lists: rule-helpers.ts.
 */
import type { ReportFormat } from "../report/template";
import { msg } from "../messages";
import { CROSS_YEAR_RULES } from "./year-rules";
import { DOCUMENT_RULES } from "./document-rules";
import { TABLE_RULES } from "./table-rules";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Cells = Readonly<Record<string, number | null>>;

export interface YearReport {
  year: number;
  format: ReportFormat;
  mixed?: boolean;
  cells: Cells;
  narrative?: string;
}

export interface CheckInput {
  format: ReportFormat;
  cells: Cells;
  /** A mixed report: 2021 表二 with a single （六）其他处理 row. */
  mixed?: boolean;
  year?: number | null;
  publishedOn?: string | null;
  agencyKind?: "government" | "department" | "township";
  narrative?: string;
  /** Keys the format defines that the document does not print. */
  missing?: readonly string[];
  /** The same agency's report for the year before, when there is one. */
  prev?: YearReport | null;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The cells the finding is about; the first is the one to look at first. */
  cells: string[];
  message: string;
}

/** A rule as its group declares it; its wording is in the catalogue, keyed by id. */
export interface RuleSpec {
  id: string;
  severity: Severity;
  tolerance: number;
  /** Where domain.md states it. */
  ref: string;
  check: (input: CheckInput, rule: RuleSpec) => Omit<Finding, "rule" | "severity">[];
}

export interface Rule extends RuleSpec {
  /** What the rule compares, for the rule list on screen (msg.rules). */
  title: string;
  /** Which cells or parts of the report it reads (msg.rules). */
  reads: string;
}

/** Every rule, in the order findings are listed. Each group is declared in its own file. */
const RULE_LIST = [...TABLE_RULES, ...CROSS_YEAR_RULES, ...DOCUMENT_RULES] as const satisfies readonly RuleSpec[];

export type RuleId = (typeof RULE_LIST)[number]["id"];
// Typed by rule id: a rule without its wording in the catalogue does not compile.
const RULE_TEXTS: Record<RuleId, { title: string; reads: string }> = msg.rules;
export const RULES: readonly Rule[] = RULE_LIST.map((r) => ({ ...r, ...RULE_TEXTS[r.id] }));
export const RULE_IDS = RULE_LIST.map((r) => r.id) as RuleId[];
export const ruleById = (id: string) => RULES.find((r) => r.id === id);

export function runChecks(input: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) {
    for (const f of rule.check(input, rule)) out.push({ rule: rule.id as RuleId, severity: rule.severity, ...f });
  }
  return out;
}

/**
 * Within-report rules only, for a report read but not stored (`parse --json`): cross-year rules and
 * the deadline need the stored neighbours and the agency's kind (db/queries/checks.ts).
 */
export function reportFindings(r: Pick<CheckInput, "format" | "cells" | "mixed" | "year" | "missing" | "narrative">): Finding[] {
  const { format, cells, mixed, year, missing, narrative } = r;
  return runChecks({ format, cells, mixed, year, missing, narrative }).filter((f) => f.rule !== "doc.deadline");
}

/** Stable identity of a finding: the same rule, cells and figures after a re-import or re-check. */
export function findingFingerprint(f: Pick<Finding, "rule" | "cells" | "message">): string {
  let h = 2166136261;
  const s = `${f.rule}|${[...f.cells].sort().join(",")}|${f.message}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return `${f.rule}:${(h >>> 0).toString(36)}`;
}
