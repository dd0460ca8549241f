/**
 * Rules across years: this year's report against last year's of the same agency (domain.md §5.4).
 */
import { msg } from "../messages";
import { T3_COLUMNS, t2Key, t3Key } from "../report/template";
import { describeCell } from "../report/cell-keys";

import type { Rule } from "./rules";
import { has, num, round } from "./rule-helpers";

export const CROSS_YEAR_RULES = [
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
          ? [
              {
                cells: [now, iss, rep],
                message: msg.findings.inForceRoll(
                  row === "rules" ? "规章" : "行政规范性文件",
                  num(prev.cells, now),
                  num(cells, iss),
                  num(cells, rep),
                  expected,
                  num(cells, now),
                  diff,
                ),
              },
            ]
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
          ? [
              {
                cells: [now],
                message: msg.findings.itemsRoll(
                  describeCell(now),
                  num(prev.cells, was),
                  num(prev.cells, change),
                  expected,
                  num(cells, now),
                ),
              },
            ]
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
          ? [
              {
                cells: [now, pub],
                message: msg.findings.totalPublicRoll(
                  row === "rules" ? "规章" : "规范性文件",
                  num(prev.cells, now),
                  num(cells, pub),
                  expected,
                  num(cells, now),
                ),
              },
            ]
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
        return ratio > rule.tolerance || ratio < 1 / rule.tolerance
          ? [{ cells: [k], message: msg.findings.largeSwing(describeCell(k), prev.year, a, b) }]
          : [];
      });
    },
  },
] as const satisfies readonly Rule[];
