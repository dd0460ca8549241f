/**
 * Rules on the document: prose against tables, deadlines, format, missing parts, repeated text (domain.md §5.5–5.6).
 */
import { msg } from "../messages";
import { t3Key, t4Key, tableCaption } from "../report/template";
import { ACCOUNTABILITY_WORDS, missingSections, repeatedShare } from "./narrative";
import { daysLate, deadlineFor } from "../report/deadline";

import type { Finding, RuleSpec } from "./rules";
import { anyIn, narrativeRule } from "./rule-helpers";

export const DOCUMENT_RULES = [
  // ---- 正文与表格 ----------------------------------------------------------------------------------
  narrativeRule("n.received", "N1", "received", () => [
    [t3Key("received", "total")],
    [t3Key("received", "total"), t3Key("carried_over", "total")],
  ]),
  narrativeRule("n.handled", "N2", "handled", () => [[t3Key("total_handled", "total")]]),
  narrativeRule("n.carried_forward", "N2", "carried_forward", () => [[t3Key("carried_forward", "total")]]),
  narrativeRule("n.review", "N3", "review", () => [[t4Key("review", "total")]]),
  narrativeRule("n.suits", "N3", "suits", () => [[t4Key("suit_direct", "total"), t4Key("suit_after_review", "total")]]),
  narrativeRule("n.in_force", "N5", "in_force", () => [["t2.normative_docs.in_force"]]),
  // ---- 文档 ----------------------------------------------------------------------------------------
  {
    id: "doc.deadline",
    severity: "warning",
    tolerance: 0,
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
    ref: "§4",
    check: ({ mixed }) => (mixed ? [{ cells: [t3Key("other", "total")], message: msg.findings.mixedFormat }] : []),
  },
  {
    id: "doc.sections",
    severity: "warning",
    tolerance: 0,
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
    ref: "D3",
    check: ({ cells, format, missing }) => {
      if (format === "pre2019") return [];
      const out: Omit<Finding, "rule" | "severity">[] = [];
      const present = new Set<string>();
      for (const table of ["t2", "t3", "t4"] as const) {
        if (anyIn(cells, table)) present.add(table);
        else out.push({ cells: [], message: msg.findings.missingTable(tableCaption(table)) });
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
    ref: "D5",
    check: ({ narrative, agencyKind, format }) => {
      if (agencyKind !== "government" || format === "pre2019" || !narrative) return [];
      const missing = ACCOUNTABILITY_WORDS.filter((w) => !narrative.includes(w));
      return missing.length ? [{ cells: [], message: msg.findings.accountability(missing) }] : [];
    },
  },
] as const satisfies readonly RuleSpec[];
