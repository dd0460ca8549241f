/**
 * Rules across years: this year's report against last year's of the same agency (domain.md §5.4).
 */
import { msg } from "../messages";
import { T3_COLUMNS, t2Key, t2RowLabel, t3Key } from "../report/template";
import { describeCell } from "../report/cell-keys";

import type { RuleSpec } from "./rules";
import { has, num, round } from "./rule-helpers";

export const CROSS_YEAR_RULES = [
  // ---- 跨年度 ------------------------------------------------------------------------------------
  {
    id: "y.carry_over",
    severity: "error",
    tolerance: 0,
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
                  t2RowLabel("2021", row),
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
                  t2RowLabel("2019", row),
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
] as const satisfies readonly RuleSpec[];
