/**
 * Consistency rules (勾稽关系) of shared/spec/domain.md §5, declared as data: each rule has a
 * stable id, a severity, a tolerance and the cells it reads. This is the first slice (W1, W2 and
 * the blank-as-zero notice); the full rule set extends this table.
 */
import { msg } from "../messages";
import { T3_COLUMNS, T3_ROWS, T4_GROUPS, T4_RESULTS, t3Key, t4Key, type ReportFormat } from "../report/template";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_IDS = ["t3.results_sum", "t3.balance", "t3.blank_as_zero", "t4.blank_as_zero", "doc.mixed_format"] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The cells the finding is about; the first is the one to fix or look at first. */
  cells: string[];
  message: string;
}

export type Cells = Readonly<Record<string, number | null>>;

export interface CheckInput {
  format: ReportFormat;
  cells: Cells;
  /** A mixed report: 2021 表二 with a single （六）其他处理 row. */
  mixed?: boolean;
}

interface Rule {
  id: RuleId;
  severity: Severity;
  tolerance: number;
  /** What the rule compares, for the rule list on screen. */
  description: string;
  check: (input: CheckInput, rule: Rule) => Finding[];
}

const present = (cells: Cells, key: string) => key in cells;
const num = (cells: Cells, key: string) => cells[key] ?? 0;

export const RULES: readonly Rule[] = [
  {
    id: "t3.results_sum",
    severity: "error",
    tolerance: 0,
    description: "表三 每列：办理结果各项之和 = （七）总计",
    check: ({ cells }, rule) =>
      T3_COLUMNS.flatMap((col) => {
        const totalKey = t3Key("total_handled", col.key);
        const parts = T3_ROWS.filter((r) => r.result).map((r) => t3Key(r.key, col.key)).filter((k) => present(cells, k));
        if (!present(cells, totalKey) || parts.length === 0) return [];
        const sum = parts.reduce((s, k) => s + num(cells, k), 0);
        const total = cells[totalKey] ?? null;
        const diff = Math.abs(sum - (total ?? 0));
        if (diff <= rule.tolerance) return [];
        return [{
          rule: rule.id,
          severity: rule.severity,
          cells: [totalKey, ...parts.filter((k) => num(cells, k) !== 0)],
          message: msg.findings.resultsSum(col.label, sum, total, diff),
        }];
      }),
  },
  {
    id: "t3.balance",
    severity: "error",
    tolerance: 0,
    description: "表三 每列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度",
    check: ({ cells }, rule) =>
      T3_COLUMNS.flatMap((col) => {
        const keys = ["received", "carried_over", "total_handled", "carried_forward"].map((r) => t3Key(r, col.key));
        if (!keys.every((k) => present(cells, k))) return [];
        const [r, c, h, f] = keys;
        const diff = Math.abs(num(cells, r) + num(cells, c) - num(cells, h) - num(cells, f));
        if (diff <= rule.tolerance) return [];
        return [{
          rule: rule.id,
          severity: rule.severity,
          cells: keys,
          message: msg.findings.balance(col.label, cells[r], cells[c], cells[h], cells[f], diff),
        }];
      }),
  },
  {
    id: "t3.blank_as_zero",
    severity: "warning",
    tolerance: 0,
    description: "表三 空白单元格在核对时按 0 计",
    check: ({ cells }, rule) =>
      T3_ROWS.flatMap((row) => {
        const blanks = T3_COLUMNS.map((c) => t3Key(row.key, c.key)).filter((k) => present(cells, k) && cells[k] === null);
        return blanks.length
          ? [{ rule: rule.id, severity: rule.severity, cells: blanks, message: msg.findings.blankAsZero(row.short ?? row.label, blanks.length) }]
          : [];
      }),
  },
  {
    id: "t4.blank_as_zero",
    severity: "warning",
    tolerance: 0,
    description: "表四 空白单元格在核对时按 0 计",
    check: ({ cells }, rule) => {
      const blanks = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => t4Key(g.key, r.key))).filter((k) => present(cells, k) && cells[k] === null);
      return blanks.length ? [{ rule: rule.id, severity: rule.severity, cells: blanks, message: msg.findings.t4BlankAsZero(blanks.length) }] : [];
    },
  },
  {
    id: "doc.mixed_format",
    severity: "warning",
    tolerance: 0,
    description: "表格格式混用（2021 年版表二，2019 年版表三）",
    check: ({ mixed }, rule) =>
      mixed ? [{ rule: rule.id, severity: rule.severity, cells: [t3Key("other", "total")], message: msg.findings.mixedFormat }] : [],
  },
];

export function runChecks(input: CheckInput): Finding[] {
  if (input.format === "pre2019") return [];
  return RULES.flatMap((rule) => rule.check(input, rule));
}
