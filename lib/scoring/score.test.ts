import { describe, expect, it } from "vitest";
import { DEFAULT_RUBRIC } from "./default-rubric";
import { rankAgencies, whyIncomplete } from "./rank";
import { rubricDefinitionSchema, type RubricDefinition } from "./rubric";
import { scoreReport, type Entry, type ReportEvidence } from "./score";
import { rankingTable } from "./export";
import { toCsv } from "../export/table";

const report = (over: Partial<ReportEvidence> = {}): ReportEvidence => ({
  reportId: 7,
  year: 2024,
  agencyKind: "department",
  format: "2021",
  publishedOn: "2025-01-20",
  cells: { "t4.review.corrected": 0, "t4.suit_direct.corrected": null, "t4.suit_after_review.corrected": 0 },
  findings: [],
  previousReportId: 6,
  ...over,
});

const entry = (method: Entry["method"], points: number, reason = ""): Entry => ({
  method,
  points,
  reason,
  by: "张三",
  at: "2026-01-01T00:00:00Z",
});
const item = (s: ReturnType<typeof scoreReport>, id: string) => s.items.find((i) => i.indicatorId === id)!;

describe("scoreReport", () => {
  it("on time uses the D1 deadline of lib/checks: a department by 31 January, a government by 31 March", () => {
    expect(item(scoreReport(DEFAULT_RUBRIC, report()), "on_time").points).toBe(3);
    const late = item(scoreReport(DEFAULT_RUBRIC, report({ publishedOn: "2025-02-01" })), "on_time");
    expect(late.points).toBe(0);
    expect(late.evidence).toEqual([{ kind: "date", reportId: 7, publishedOn: "2025-02-01", deadline: "2025-01-31" }]);
    expect(item(scoreReport(DEFAULT_RUBRIC, report({ publishedOn: "2025-02-01", agencyKind: "government" })), "on_time").points).toBe(3);
  });

  it("a report without a date leaves on-time unknown until the assessor overrides it with a reason", () => {
    const s = scoreReport(DEFAULT_RUBRIC, report({ publishedOn: null }));
    expect(item(s, "on_time")).toMatchObject({ points: null, missing: "no_date" });
    const o = scoreReport(DEFAULT_RUBRIC, report({ publishedOn: null }), { on_time: entry("override", 3, "网站显示 1 月 10 日发布") });
    expect(item(o, "on_time")).toMatchObject({ points: 3, method: "override", autoPoints: null, missing: null });
  });

  it("findings deduct per finding, never below 0, and link each one; dismissed ones do not count", () => {
    const f = (id: number, rule: string, dismissed = false) => ({
      id,
      rule,
      severity: "error" as const,
      cells: ["t3.total_handled.total"],
      message: `m${id}`,
      n: id,
      dismissed,
    });
    const s = scoreReport(
      DEFAULT_RUBRIC,
      report({ findings: [f(1, "t3.balance"), f(2, "t3.results_sum"), f(3, "t3.row_total", true), f(4, "doc.similarity")] }),
    );
    expect(item(s, "consistency")).toMatchObject({ points: 2, count: 2 });
    expect(item(s, "consistency").evidence[0]).toEqual({
      kind: "finding",
      reportId: 7,
      findingId: 1,
      n: 1,
      rule: "t3.balance",
      message: "m1",
      cell: "t3.total_handled.total",
    });
    expect(item(s, "consistency").note).toContain("1 条已被审核排除");
    expect(item(s, "similarity").points).toBe(0);
    const many = scoreReport(DEFAULT_RUBRIC, report({ findings: [1, 2, 3, 4, 5, 6].map((i) => f(i, "t3.balance")) }));
    expect(item(many, "consistency").points).toBe(0);
  });

  it("similarity without last year's report is not deducted; table indicators on a pre-2019 report are unknown", () => {
    expect(item(scoreReport(DEFAULT_RUBRIC, report({ previousReportId: null })), "similarity").points).toBe(1);
    const old = scoreReport(DEFAULT_RUBRIC, report({ year: 2017, format: "pre2019", cells: {}, publishedOn: "2018-03-01" }));
    expect(item(old, "consistency").missing).toBe("no_tables");
    expect(item(old, "corrections").missing).toBe("no_tables");
    expect(item(old, "on_time").points).toBe(3);
  });

  it("corrections count 表四 结果纠正 (blank as 0), −2 each", () => {
    const s = scoreReport(
      DEFAULT_RUBRIC,
      report({ cells: { "t4.review.corrected": 1, "t4.suit_direct.corrected": null, "t4.suit_after_review.corrected": 0 } }),
    );
    expect(item(s, "corrections")).toMatchObject({ points: 2, count: 1 });
    expect(item(s, "corrections").evidence.map((e) => (e.kind === "cell" ? e.key : ""))).toEqual([
      "t4.review.corrected",
      "t4.suit_direct.corrected",
      "t4.suit_after_review.corrected",
    ]);
  });

  it("manual entries complete the score; entries are clamped to the indicator's points", () => {
    const s = scoreReport(DEFAULT_RUBRIC, report(), { column: entry("manual", 5), accessible: entry("manual", 0.5) });
    expect(item(s, "column").points).toBe(2);
    expect(s.complete).toBe(true);
    expect(s.total).toBe(3 + 4 + 2 + 1 + 2 + 1 + 4 + 2 + 0.5);
  });

  it("no report: no total, every indicator missing", () => {
    const s = scoreReport(DEFAULT_RUBRIC, null);
    expect(s.total).toBeNull();
    expect(s.complete).toBe(false);
    expect(whyIncomplete(s)).toBe("未报送年度报告");
  });
});

describe("rankAgencies", () => {
  const full = (points: number) =>
    scoreReport(DEFAULT_RUBRIC, report(), { column: entry("manual", points), accessible: entry("manual", 1) });
  it("ranks complete scores with ties sharing a rank, lists the rest with why", () => {
    const rows = rankAgencies([
      { agencyId: 1, agency: "甲", region: "r", reportId: 1, score: full(1), previous: full(2) },
      { agencyId: 2, agency: "乙", region: "r", reportId: 2, score: full(2), previous: null },
      { agencyId: 3, agency: "丙", region: "r", reportId: 3, score: full(2), previous: null },
      {
        agencyId: 4,
        agency: "丁",
        region: "r",
        reportId: 4,
        score: scoreReport(DEFAULT_RUBRIC, report({ publishedOn: null })),
        previous: null,
      },
      { agencyId: 5, agency: "戊", region: "r", reportId: null, score: scoreReport(DEFAULT_RUBRIC, null), previous: null },
    ]);
    expect(rows.map((r) => [r.agency, r.rank])).toEqual([
      ["丙", 1],
      ["乙", 1],
      ["甲", 3],
      ["丁", null],
      ["戊", null],
    ]);
    expect(rows[2].change).toBe(-1);
    expect(rows[3].unranked).toBe("发布日期未识别（按时发布）；人工指标未评分（门户网站设年度报告专栏、可获取性）");
    expect(rows[4].unranked).toBe("未报送年度报告");
  });

  it("exports the same figures to CSV, with a BOM", () => {
    const rows = rankAgencies([{ agencyId: 1, agency: "甲,局", region: "r", reportId: 1, score: full(2), previous: null }]);
    const t = rankingTable(rows, DEFAULT_RUBRIC.indicators);
    expect(t.columns.slice(0, 6).map((c) => c.header)).toEqual(["排名", "单位", "地区", "总分", "满分", "按时发布（3）"]);
    const csv = toCsv(t);
    expect(csv.startsWith("\uFEFF排名,单位")).toBe(true);
    expect(csv.split("\r\n")[1]).toBe('1,"甲,局",r,20,20,3,4,2,1,2,1,4,2,1,,');
  });
});

describe("rubric schema", () => {
  it("accepts the default rubric and rejects unknown rules, cells and duplicate ids", () => {
    expect(rubricDefinitionSchema.safeParse(DEFAULT_RUBRIC).success).toBe(true);
    const bad = (d: RubricDefinition) => rubricDefinitionSchema.safeParse(d).success;
    const base = DEFAULT_RUBRIC.indicators[1];
    expect(
      bad({
        description: "",
        indicators: [{ ...base, method: { kind: "findings", rules: ["no.such"], deduct: 1, needsTables: false, needsPrevious: false } }],
      }),
    ).toBe(false);
    expect(bad({ description: "", indicators: [{ ...base, method: { kind: "cells", keys: ["t9.x"], deduct: 1 } }] })).toBe(false);
    expect(bad({ description: "", indicators: [base, base] })).toBe(false);
  });
});
