/**
 * Consistency rules (勾稽关系) of shared/spec/domain.md §5, declared as data: each rule has a
 * stable id, a severity, a tolerance, the cells it reads and a check that says, in Chinese, which
 * table, row or column and which figures disagree. Rules are pure: the database gathers the
 * inputs (the report, last year's report of the same agency, the agency's kind).
 */
import { msg } from "../messages";
import {
  T3_COLUMNS,
  T3_PART_COLUMNS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  ALL_CELL_KEYS,
  describeCell,
  t2Key,
  t3Key,
  t4Key,
  type ReportFormat,
} from "../report/template";
import { missingSections, repeatedShare, statedFigure, type NarrativeFigure } from "./narrative";
import { daysLate, deadlineFor } from "../report/deadline";

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

export interface Rule {
  id: string;
  severity: Severity;
  tolerance: number;
  /** What the rule compares, for the rule list on screen. */
  title: string;
  /** Which cells or parts of the report it reads. */
  reads: string;
  /** Where domain.md states it. */
  ref: string;
  check: (input: CheckInput, rule: Rule) => Omit<Finding, "rule" | "severity">[];
}

const has = (cells: Cells, key: string) => key in cells;
const num = (cells: Cells, key: string) => cells[key] ?? 0;
// The keys of each table in reading order. Rules look cells up by these lists rather than walking
// the object: a 200-key object is a hash table to V8, and walking one costs a sort each time
// (bench:checks runs the rules on 8,000 reports at a time).
const TABLE_KEYS = { t2: [] as string[], t3: [] as string[], t4: [] as string[] };
for (const k of ALL_CELL_KEYS) TABLE_KEYS[k.slice(0, 2) as keyof typeof TABLE_KEYS].push(k);
type TableId = keyof typeof TABLE_KEYS;
const anyIn = (cells: Cells, table: TableId) => TABLE_KEYS[table].some((k) => k in cells);
/** Cells of the given tables whose value fails `bad`, in reading order. */
function cellsWhere(cells: Cells, bad: (v: number, k: string) => boolean, ...tables: TableId[]): [string, number][] {
  const out: [string, number][] = [];
  for (const t of tables) {
    for (const k of TABLE_KEYS[t]) {
      const v = cells[k];
      if (v !== null && v !== undefined && bad(v, k)) out.push([k, v]);
    }
  }
  return out;
}
const round = (v: number) => Math.round(v * 1e6) / 1e6;
const T4_KEYS = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => t4Key(g.key, r.key)));
// Key lists built once: checks run on thousands of reports at a time (bench:checks).
const RESULT_KEYS = new Map(T3_COLUMNS.map((c) => [c.key, { total: t3Key("total_handled", c.key), parts: T3_ROWS.filter((r) => r.result).map((r) => t3Key(r.key, c.key)) }]));
const BALANCE_KEYS = new Map(T3_COLUMNS.map((c) => [c.key, ["received", "carried_over", "total_handled", "carried_forward"].map((r) => t3Key(r, c.key))]));
const ROW_KEYS = new Map(T3_ROWS.map((r) => [r.key, { total: t3Key(r.key, "total"), parts: T3_PART_COLUMNS.map((c) => t3Key(r.key, c.key)), all: T3_COLUMNS.map((c) => t3Key(r.key, c.key)) }]));
const T4_GROUP_KEYS = new Map(T4_GROUPS.map((g) => [g.key, { total: t4Key(g.key, "total"), parts: T4_RESULTS.filter((r) => r.key !== "total").map((r) => t4Key(g.key, r.key)) }]));

const RULE_LIST = [
  // ---- 表三 ------------------------------------------------------------------------------------
  {
    id: "t3.balance",
    severity: "error",
    tolerance: 0,
    title: "表三 每列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度",
    reads: "表三 一、二、（七）总计、四 各列",
    ref: "W1",
    check: ({ cells }, rule) =>
      T3_COLUMNS.flatMap((col) => {
        const keys = BALANCE_KEYS.get(col.key)!;
        if (!keys.every((k) => has(cells, k))) return [];
        const [r, c, h, f] = keys;
        const diff = round(Math.abs(num(cells, r) + num(cells, c) - num(cells, h) - num(cells, f)));
        return diff > rule.tolerance ? [{ cells: keys, message: msg.findings.balance(col.label, cells[r], cells[c], cells[h], cells[f], diff) }] : [];
      }),
  },
  {
    id: "t3.results_sum",
    severity: "error",
    tolerance: 0,
    title: "表三 每列：办理结果各项之和 = （七）总计",
    reads: "表三 （一）至（六）各行与（七）总计",
    ref: "W2",
    check: ({ cells }, rule) =>
      T3_COLUMNS.flatMap((col) => {
        const { total: totalKey, parts } = RESULT_KEYS.get(col.key)!;
        const total = cells[totalKey];
        if (total === undefined) return [];
        let sum = 0;
        let printed = 0;
        for (const k of parts) {
          const v = cells[k];
          if (v === undefined) continue;
          printed++;
          sum += v ?? 0;
        }
        if (printed === 0) return [];
        sum = round(sum);
        const diff = round(Math.abs(sum - (total ?? 0)));
        return diff > rule.tolerance
          ? [{ cells: [totalKey, ...parts.filter((k) => num(cells, k) !== 0)], message: msg.findings.resultsSum(col.label, sum, total, diff) }]
          : [];
      }),
  },
  {
    id: "t3.row_total",
    severity: "error",
    tolerance: 0,
    title: "表三 每行：六类申请人之和 = 总计",
    reads: "表三 每行的六类申请人列与总计列",
    ref: "W3",
    check: ({ cells }, rule) =>
      T3_ROWS.flatMap((row) => {
        const { total: totalKey, parts } = ROW_KEYS.get(row.key)!;
        if (!has(cells, totalKey) || !parts.every((k) => has(cells, k))) return [];
        const sum = round(parts.reduce((s, k) => s + num(cells, k), 0));
        const diff = round(Math.abs(sum - num(cells, totalKey)));
        return diff > rule.tolerance
          ? [{ cells: [totalKey, ...parts.filter((k) => num(cells, k) !== 0)], message: msg.findings.rowTotal(row.short ?? row.label, sum, cells[totalKey] ?? null, diff) }]
          : [];
      }),
  },
  {
    id: "t34.non_negative_integer",
    severity: "error",
    tolerance: 0,
    title: "表三、表四 的数值都是非负整数",
    reads: "表三、表四 全部单元格",
    ref: "W4",
    check: ({ cells }) =>
      cellsWhere(cells, (v) => v < 0 || !Number.isInteger(v), "t3", "t4").map(([k, v]) => ({ cells: [k], message: msg.findings.notCount(describeCell(k), v) })),
  },
  {
    id: "t3.blank_as_zero",
    severity: "warning",
    tolerance: 0,
    title: "表三 空白单元格在核对时按 0 计",
    reads: "表三 全部单元格",
    ref: "§5 注",
    check: ({ cells }) =>
      T3_ROWS.flatMap((row) => {
        const blanks = ROW_KEYS.get(row.key)!.all.filter((k) => has(cells, k) && cells[k] === null);
        return blanks.length ? [{ cells: blanks, message: msg.findings.blankAsZero(row.short ?? row.label, blanks.length) }] : [];
      }),
  },
  // ---- 表四 ------------------------------------------------------------------------------------
  {
    id: "t4.group_total",
    severity: "error",
    tolerance: 0,
    title: "表四 每组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计",
    reads: "表四 行政复议、未经复议直接起诉、复议后起诉 三组",
    ref: "W5",
    check: ({ cells }, rule) =>
      T4_GROUPS.flatMap((g) => {
        const { total: totalKey, parts } = T4_GROUP_KEYS.get(g.key)!;
        if (!has(cells, totalKey) || !parts.every((k) => has(cells, k))) return [];
        const sum = round(parts.reduce((s, k) => s + num(cells, k), 0));
        const diff = round(Math.abs(sum - num(cells, totalKey)));
        const name = "parent" in g ? `${g.parent}（${g.label}）` : g.label;
        return diff > rule.tolerance
          ? [{ cells: [totalKey, ...parts.filter((k) => num(cells, k) !== 0)], message: msg.findings.t4Total(name, sum, cells[totalKey] ?? null, diff) }]
          : [];
      }),
  },
  {
    id: "t4.blank_as_zero",
    severity: "warning",
    tolerance: 0,
    title: "表四 空白单元格在核对时按 0 计",
    reads: "表四 全部单元格",
    ref: "§5 注",
    check: ({ cells }) => {
      const blanks = T4_KEYS.filter((k) => has(cells, k) && cells[k] === null);
      return blanks.length ? [{ cells: blanks, message: msg.findings.t4BlankAsZero(blanks.length) }] : [];
    },
  },
  // ---- 表二 ------------------------------------------------------------------------------------
  {
    id: "t2.non_negative",
    severity: "error",
    tolerance: 0,
    title: "表二 数值非负（2019 年版“本年增/减”除外）",
    reads: "表二 全部单元格",
    ref: "§5.3",
    check: ({ cells }) =>
      cellsWhere(cells, (v, k) => v < 0 && !k.endsWith(".change"), "t2").map(([k, v]) => ({ cells: [k], message: msg.findings.negative(describeCell(k), v) })),
  },
  {
    id: "t2.repealed_available",
    severity: "warning",
    tolerance: 0,
    title: "表二 本年废止件数 ≤ 上年现行有效件数 + 本年制发件数",
    reads: "表二 规章、行政规范性文件（本年与上年，均为 2021 年版）",
    ref: "W6",
    check: ({ cells, format, prev }, rule) => {
      if (format !== "2021" || prev?.format !== "2021" || !prev) return [];
      return (["rules", "normative_docs"] as const).flatMap((row) => {
        const [rep, iss, was] = [t2Key(row, "repealed"), t2Key(row, "issued"), t2Key(row, "in_force")];
        if (!has(cells, rep) || !has(cells, iss) || !has(prev.cells, was)) return [];
        const available = num(prev.cells, was) + num(cells, iss);
        const over = round(num(cells, rep) - available);
        return over > rule.tolerance
          ? [{ cells: [rep, iss], message: msg.findings.repealedTooMany(row === "rules" ? "规章" : "行政规范性文件", num(cells, rep), num(prev.cells, was), num(cells, iss)) }]
          : [];
      });
    },
  },
  // ---- 跨年度 ------------------------------------------------------------------------------------
  {
    id: "y.carry_over",
    severity: "error",
    tolerance: 0,
    title: "本年“上年结转” = 上年“结转下年度”（每列，跨格式也适用）",
    reads: "本年表三 二、上年结转；上年表三 四、结转下年度",
    ref: "Y1",
    check: ({ cells, prev, year }, rule) => {
      if (!prev || (year && prev.year !== year - 1)) return [];
      return T3_COLUMNS.flatMap((col) => {
        const now = t3Key("carried_over", col.key);
        const before = t3Key("carried_forward", col.key);
        if (!has(cells, now) || !has(prev.cells, before)) return [];
        const diff = round(Math.abs(num(cells, now) - num(prev.cells, before)));
        return diff > rule.tolerance
          ? [{ cells: [now], message: msg.findings.carryOver(col.label, prev.year, prev.cells[before] ?? null, cells[now] ?? null, diff) }]
          : [];
      });
    },
  },
  {
    id: "y.in_force_roll",
    severity: "warning",
    tolerance: 0,
    title: "现行有效件数逐年接续：上年现行有效 + 本年制发 − 本年废止 = 本年现行有效",
    reads: "表二 规章、行政规范性文件（本年与上年，均为 2021 年版）",
    ref: "Y2",
    check: ({ cells, format, prev, year }, rule) => {
      if (format !== "2021" || prev?.format !== "2021" || !prev || (year && prev.year !== year - 1)) return [];
      return (["rules", "normative_docs"] as const).flatMap((row) => {
        const [iss, rep, now] = [t2Key(row, "issued"), t2Key(row, "repealed"), t2Key(row, "in_force")];
        if (![iss, rep, now].every((k) => has(cells, k)) || !has(prev.cells, now)) return [];
        const expected = round(num(prev.cells, now) + num(cells, iss) - num(cells, rep));
        const diff = round(num(cells, now) - expected);
        return Math.abs(diff) > rule.tolerance
          ? [{ cells: [now, iss, rep], message: msg.findings.inForceRoll(row === "rules" ? "规章" : "行政规范性文件", num(prev.cells, now), num(cells, iss), num(cells, rep), expected, num(cells, now), diff) }]
          : [];
      });
    },
  },
  {
    id: "y.items_roll",
    severity: "warning",
    tolerance: 0,
    title: "2019 年版事项数接续：本年“上一年项目数量” = 上年“上一年项目数量” + 上年“本年增/减”",
    reads: "表二（2019 年版）行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费",
    ref: "Y3",
    check: ({ cells, format, prev, year }, rule) => {
      if (format !== "2019" || prev?.format !== "2019" || !prev || (year && prev.year !== year - 1)) return [];
      return (["licensing", "other_services", "penalty", "coercion", "fees"] as const).flatMap((row) => {
        const [now, was, change] = [t2Key(row, "prev_items"), t2Key(row, "prev_items"), t2Key(row, "change")];
        if (!has(cells, now) || !has(prev.cells, was) || !has(prev.cells, change)) return [];
        const expected = round(num(prev.cells, was) + num(prev.cells, change));
        const diff = round(num(cells, now) - expected);
        return Math.abs(diff) > rule.tolerance
          ? [{ cells: [now], message: msg.findings.itemsRoll(describeCell(now), num(prev.cells, was), num(prev.cells, change), expected, num(cells, now)) }]
          : [];
      });
    },
  },
  {
    id: "y.total_public_roll",
    severity: "warning",
    tolerance: 0,
    title: "2019 年版对外公开总数量接续：上年总数量 + 本年新公开数量 = 本年总数量",
    reads: "表二（2019 年版）规章、规范性文件",
    ref: "Y3",
    check: ({ cells, format, prev, year }, rule) => {
      if (format !== "2019" || prev?.format !== "2019" || !prev || (year && prev.year !== year - 1)) return [];
      return (["rules", "normative_docs"] as const).flatMap((row) => {
        const [now, pub] = [t2Key(row, "total_public"), t2Key(row, "published")];
        if (!has(cells, now) || !has(cells, pub) || !has(prev.cells, now)) return [];
        const expected = round(num(prev.cells, now) + num(cells, pub));
        const diff = round(num(cells, now) - expected);
        return Math.abs(diff) > rule.tolerance
          ? [{ cells: [now, pub], message: msg.findings.totalPublicRoll(row === "rules" ? "规章" : "规范性文件", num(prev.cells, now), num(cells, pub), expected, num(cells, now)) }]
          : [];
      });
    },
  },
  {
    id: "y.large_swing",
    severity: "info",
    tolerance: 3,
    title: "与上年相比变化超过 3 倍（提示，不是错误）",
    reads: "表三 本年新收总计；表二 各项处理决定数量",
    ref: "Y5",
    check: ({ cells, prev, year }, rule) => {
      if (!prev || (year && prev.year !== year - 1)) return [];
      const keys = [t3Key("received", "total"), "t2.licensing.decisions", "t2.penalty.decisions", "t2.coercion.decisions"];
      return keys.flatMap((k) => {
        const a = prev.cells[k];
        const b = cells[k];
        // Below 10 a swing means nothing: 1 → 4 is not news.
        if (a === null || a === undefined || b === null || b === undefined || Math.max(a, b) < 10) return [];
        const ratio = a === 0 ? Infinity : b / a;
        return ratio > rule.tolerance || ratio < 1 / rule.tolerance ? [{ cells: [k], message: msg.findings.largeSwing(describeCell(k), prev.year, a, b) }] : [];
      });
    },
  },
  // ---- 正文与表格 ----------------------------------------------------------------------------------
  narrativeRule("n.received", "N1", "received", "正文所述收到申请件数 = 表三 本年新收（或 新收 + 上年结转）", "表三 一、二 总计列", () => [
    [t3Key("received", "total")],
    [t3Key("received", "total"), t3Key("carried_over", "total")],
  ]),
  narrativeRule("n.handled", "N2", "handled", "正文所述办结件数 = 表三 （七）总计", "表三 （七）总计 总计列", () => [[t3Key("total_handled", "total")]]),
  narrativeRule("n.carried_forward", "N2", "carried_forward", "正文所述结转下年度件数 = 表三 四、结转下年度", "表三 四 总计列", () => [[t3Key("carried_forward", "total")]]),
  narrativeRule("n.review", "N3", "review", "正文所述行政复议件数 = 表四 行政复议总计", "表四 行政复议 总计", () => [[t4Key("review", "total")]]),
  narrativeRule("n.suits", "N3", "suits", "正文所述行政诉讼件数 = 表四 两类行政诉讼总计之和", "表四 行政诉讼 总计", () => [[t4Key("suit_direct", "total"), t4Key("suit_after_review", "total")]]),
  narrativeRule("n.in_force", "N5", "in_force", "正文所述现行有效规范性文件件数 = 表二 行政规范性文件现行有效件数", "表二 行政规范性文件 现行有效件数", () => [["t2.normative_docs.in_force"]]),
  // ---- 文档 ----------------------------------------------------------------------------------------
  {
    id: "doc.deadline",
    severity: "warning",
    tolerance: 0,
    title: "按时发布：部门 1 月 31 日前，本级政府 3 月 31 日前（2018 年及以前 3 月 31 日前）",
    reads: "发布日期、报告年度、单位类型",
    ref: "D1",
    check: ({ year, publishedOn, agencyKind }) => {
      if (!year) return [];
      if (!publishedOn) return [{ cells: [], message: msg.findings.noDate }];
      const kind = agencyKind ?? "department";
      const late = daysLate(year, kind, publishedOn) ?? 0;
      return late > 0 ? [{ cells: [], message: msg.findings.late(publishedOn, deadlineFor(year, kind), late) }] : [];
    },
  },
  {
    id: "doc.format_year",
    severity: "warning",
    tolerance: 0,
    title: "格式与年度相符：2019、2020 年度用 2019 年版，2021 年度起用 2021 年版",
    reads: "报告年度、表格格式",
    ref: "D2",
    check: ({ year, format }) => {
      if (!year) return [];
      const want = year >= 2021 ? "2021" : year >= 2019 ? "2019" : "pre2019";
      if (want === format || (want === "pre2019" && format !== "pre2019")) return [];
      return [{ cells: [], message: msg.findings.formatYear(year, format, want) }];
    },
  },
  {
    id: "doc.mixed_format",
    severity: "warning",
    tolerance: 0,
    title: "表格格式混用（2021 年版表二，2019 年版表三）",
    reads: "表二表头、表三（六）其他处理",
    ref: "§4",
    check: ({ mixed }) => (mixed ? [{ cells: [t3Key("other", "total")], message: msg.findings.mixedFormat }] : []),
  },
  {
    id: "doc.sections",
    severity: "warning",
    tolerance: 0,
    title: "六个部分齐全",
    reads: "正文各部分标题",
    ref: "D3",
    check: ({ narrative, format }) => {
      if (format === "pre2019" || !narrative) return [];
      const missing = missingSections(narrative);
      return missing.length ? [{ cells: [], message: msg.findings.missingSections(missing) }] : [];
    },
  },
  {
    id: "doc.tables",
    severity: "warning",
    tolerance: 0,
    title: "三张统一表格齐全、完整",
    reads: "表二、表三、表四",
    ref: "D3",
    check: ({ cells, format, missing }) => {
      if (format === "pre2019") return [];
      const out: Omit<Finding, "rule" | "severity">[] = [];
      const present = new Set<string>();
      for (const [table, title] of [["t2", "表二 主动公开政府信息情况"], ["t3", "表三 收到和处理政府信息公开申请情况"], ["t4", "表四 政府信息公开行政复议、行政诉讼情况"]] as const) {
        if (anyIn(cells, table)) present.add(table);
        else out.push({ cells: [], message: msg.findings.missingTable(title) });
      }
      // Cells missing from a table that is there (a table missing whole is said once, above).
      const gaps = (missing ?? []).filter((k) => present.has(k.slice(0, 2)));
      if (gaps.length) out.push({ cells: gaps.slice(0, 50), message: msg.findings.missingCells(gaps.length) });
      return out;
    },
  },
  {
    id: "doc.similarity",
    severity: "warning",
    tolerance: 0.5,
    title: "正文与上年报告重复率不超过 50%",
    reads: "本年与上年报告正文",
    ref: "D4",
    check: ({ narrative, prev, year }, rule) => {
      if (!narrative || !prev?.narrative || (year && prev.year !== year - 1)) return [];
      const share = repeatedShare(narrative, prev.narrative);
      return share > rule.tolerance ? [{ cells: [], message: msg.findings.similar(prev.year, share) }] : [];
    },
  },
  {
    id: "doc.accountability",
    severity: "warning",
    tolerance: 0,
    title: "本级政府年报写明工作考核、社会评议和责任追究结果（条例第五十条）",
    reads: "正文",
    ref: "D5",
    check: ({ narrative, agencyKind, format }) => {
      if (agencyKind !== "government" || format === "pre2019" || !narrative) return [];
      const missing = ["考核", "评议", "追究"].filter((w) => !narrative.includes(w));
      return missing.length ? [{ cells: [], message: msg.findings.accountability(missing) }] : [];
    },
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULE_LIST)[number]["id"];
export const RULES: readonly Rule[] = RULE_LIST;
export const RULE_IDS = RULE_LIST.map((r) => r.id) as RuleId[];
export const ruleById = (id: string) => RULES.find((r) => r.id === id);

function narrativeRule(
  id: string,
  ref: string,
  figure: NarrativeFigure,
  title: string,
  reads: string,
  readings: (cells: Cells) => string[][],
): Rule {
  return {
    id,
    severity: "warning",
    tolerance: 0,
    title,
    reads: `正文；${reads}`,
    ref,
    check: ({ narrative, cells }) => {
      if (!narrative) return [];
      const stated = statedFigure(narrative, figure);
      if (!stated) return [];
      // Any accepted reading that the cells support settles it (受理 means either 新收 or 新收+结转).
      const options = readings(cells).filter((keys) => keys.every((k) => has(cells, k)));
      if (options.length === 0) return [];
      const values = options.map((keys) => round(keys.reduce((s, k) => s + num(cells, k), 0)));
      if (values.includes(stated.value)) return [];
      return [{ cells: options[0], message: msg.findings.narrative(stated.sentence, stated.value, options[0].map(describeCell).join(" + "), values[0]) }];
    },
  };
}

// One definition of the deadline (domain.md §1, D1), shared with the dashboard's coverage pages.
export { deadlineFor };

export function runChecks(input: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) {
    for (const f of rule.check(input, rule)) out.push({ rule: rule.id as RuleId, severity: rule.severity, ...f });
  }
  return out;
}

/** Stable identity of a finding: the same rule, cells and figures after a re-import or re-check. */
export function findingFingerprint(f: Pick<Finding, "rule" | "cells" | "message">): string {
  let h = 2166136261;
  const s = `${f.rule}|${[...f.cells].sort().join(",")}|${f.message}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return `${f.rule}:${(h >>> 0).toString(36)}`;
}

