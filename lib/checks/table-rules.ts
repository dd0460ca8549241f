/**
 * Rules within one report's tables: 表三 and 表四 identities, 表二 bounds (domain.md §5.1–5.3).
 */
import { msg } from "../messages";
import { T3_COLUMNS, T3_ROWS, T4_GROUPS, t2Key } from "../report/template";
import { describeCell } from "../report/cell-keys";

import type { Rule } from "./rules";
import { has, num, cellsWhere, round, T4_KEYS, RESULT_KEYS, BALANCE_KEYS, ROW_KEYS, T4_GROUP_KEYS } from "./rule-helpers";

export const TABLE_RULES = [
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
        return diff > rule.tolerance
          ? [{ cells: keys, message: msg.findings.balance(col.label, cells[r], cells[c], cells[h], cells[f], diff) }]
          : [];
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
          ? [
              {
                cells: [totalKey, ...parts.filter((k) => num(cells, k) !== 0)],
                message: msg.findings.resultsSum(col.label, sum, total, diff),
              },
            ]
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
          ? [
              {
                cells: [totalKey, ...parts.filter((k) => num(cells, k) !== 0)],
                message: msg.findings.rowTotal(row.short ?? row.label, sum, cells[totalKey] ?? null, diff),
              },
            ]
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
      cellsWhere(cells, (v) => v < 0 || !Number.isInteger(v), "t3", "t4").map(([k, v]) => ({
        cells: [k],
        message: msg.findings.notCount(describeCell(k), v),
      })),
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
          ? [
              {
                cells: [totalKey, ...parts.filter((k) => num(cells, k) !== 0)],
                message: msg.findings.t4Total(name, sum, cells[totalKey] ?? null, diff),
              },
            ]
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
      cellsWhere(cells, (v, k) => v < 0 && !k.endsWith(".change"), "t2").map(([k, v]) => ({
        cells: [k],
        message: msg.findings.negative(describeCell(k), v),
      })),
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
          ? [
              {
                cells: [rep, iss],
                message: msg.findings.repealedTooMany(
                  row === "rules" ? "规章" : "行政规范性文件",
                  num(cells, rep),
                  num(prev.cells, was),
                  num(cells, iss),
                ),
              },
            ]
          : [];
      });
    },
  },
] as const satisfies readonly Rule[];
