/**
 * Rules within one report's tables: 表三 and 表四 identities, 表二 bounds (domain.md §5.1–5.3).
 */
import { msg } from "../messages";
import { T3_COLUMNS, T3_ROWS, T4_GROUPS, t2Key, t2RowLabel } from "../report/template";
import { describeCell } from "../report/cell-keys";

import type { RuleSpec } from "./rules";
import { has, num, cellsWhere, round, T4_KEYS, RESULT_KEYS, BALANCE_KEYS, ROW_KEYS, T4_GROUP_KEYS } from "./rule-helpers";

export const TABLE_RULES = [
  // ---- 表三 ------------------------------------------------------------------------------------
  {
    id: "t3.balance",
    severity: "error",
    tolerance: 0,
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
    ref: "§5 note",
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
    ref: "§5 note",
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
                message: msg.findings.repealedTooMany(t2RowLabel("2021", row), num(cells, rep), num(prev.cells, was), num(cells, iss)),
              },
            ]
          : [];
      });
    },
  },
] as const satisfies readonly RuleSpec[];
