/**
 * Rules on the document: prose against tables, deadlines, format, missing parts, repeated text (domain.md §5.5–5.6).
 */
import { msg } from "../messages";
import { t3Key, t4Key } from "../report/template";
import { missingSections, repeatedShare } from "./narrative";
import { daysLate, deadlineFor } from "../report/deadline";

import type { Finding, Rule } from "./rules";
import { anyIn, narrativeRule } from "./rule-helpers";

export const DOCUMENT_RULES = [
  // ---- 正文与表格 ----------------------------------------------------------------------------------
  narrativeRule("n.received", "N1", "received", "正文所述收到申请件数 = 表三 本年新收（或 新收 + 上年结转）", "表三 一、二 总计列", () => [
    [t3Key("received", "total")],
    [t3Key("received", "total"), t3Key("carried_over", "total")],
  ]),
  narrativeRule("n.handled", "N2", "handled", "正文所述办结件数 = 表三 （七）总计", "表三 （七）总计 总计列", () => [
    [t3Key("total_handled", "total")],
  ]),
  narrativeRule("n.carried_forward", "N2", "carried_forward", "正文所述结转下年度件数 = 表三 四、结转下年度", "表三 四 总计列", () => [
    [t3Key("carried_forward", "total")],
  ]),
  narrativeRule("n.review", "N3", "review", "正文所述行政复议件数 = 表四 行政复议总计", "表四 行政复议 总计", () => [
    [t4Key("review", "total")],
  ]),
  narrativeRule("n.suits", "N3", "suits", "正文所述行政诉讼件数 = 表四 两类行政诉讼总计之和", "表四 行政诉讼 总计", () => [
    [t4Key("suit_direct", "total"), t4Key("suit_after_review", "total")],
  ]),
  narrativeRule(
    "n.in_force",
    "N5",
    "in_force",
    "正文所述现行有效规范性文件件数 = 表二 行政规范性文件现行有效件数",
    "表二 行政规范性文件 现行有效件数",
    () => [["t2.normative_docs.in_force"]],
  ),
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
      for (const [table, title] of [
        ["t2", "表二 主动公开政府信息情况"],
        ["t3", "表三 收到和处理政府信息公开申请情况"],
        ["t4", "表四 政府信息公开行政复议、行政诉讼情况"],
      ] as const) {
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
