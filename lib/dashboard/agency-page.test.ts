import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "../../test/fixtures";
import { parseReport } from "../parse/index";
import { FAMILIES, familyRows, formatBreak } from "./families";
import { HEADLINE_SERIES, headlineRows } from "./headline-trend";
import { buildAgencyYears, type ReportInput } from "./agency-years";
import { buildKpis, fromFirstTables } from "./kpis";

const r2019 = {
  id: 1,
  year: 2020,
  format: "2019" as const,
  prose: "",
  cells: {
    "t3.received.total": 10,
    "t2.normative_docs.total_public": 166,
    "t3.total_handled.total": 20,
    "t3.disclosed.total": 12,
    "t3.partially_disclosed.total": 2,
  },
};
const r2021 = {
  id: 2,
  year: 2021,
  format: "2021" as const,
  prose: "通过政府网站发布信息120条。",
  cells: {
    "t3.received.total": 15,
    "t2.normative_docs.in_force": 665,
    "t3.total_handled.total": 30,
    "t3.disclosed.total": 24,
    "t3.partially_disclosed.total": 3,
    "t4.review.total": 2,
    "t4.review.corrected": 1,
  },
};
const r2023 = {
  id: 3,
  year: 2023,
  format: "2021" as const,
  prose: "通过政府网站发布信息90条。",
  cells: { "t3.received.total": 9, "t3.total_handled.total": 8, "t3.disclosed.total": 8 },
};

describe("agency view", () => {
  const years = buildAgencyYears([r2019, r2021, r2023]);

  it("has a row for the missing year, with no figures (a gap, not 0)", () => {
    expect(years.map((y) => [y.year, y.reportId])).toEqual([
      [2020, 1],
      [2021, 2],
      [2022, null],
      [2023, 3],
    ]);
    expect(familyRows(FAMILIES.find((f) => f.id === "carry")!, years)[2].values.carriedOver).toBeNull();
  });

  it("keeps 对外公开总数量 and 现行有效 as separate series and marks the 2021 break", () => {
    const docs = familyRows(FAMILIES.find((f) => f.id === "docs")!, years);
    expect(docs[0].values).toMatchObject({ docsTotalPublic: 166, docsInForce: null });
    expect(docs[1].values).toMatchObject({ docsTotalPublic: null, docsInForce: 665 });
    expect(formatBreak(docs)).toBe(2021);
    expect(fromFirstTables([{ format: "pre2019" }, { format: "2019" }])).toEqual([{ format: "2019" }]);
  });

  it("computes shares and the disclosure rate with the min-base rule", () => {
    const shares = familyRows(FAMILIES.find((f) => f.id === "outcomeShares")!, years);
    expect(shares[1].values.disclosed).toBeCloseTo(0.8);
    const rate = familyRows(FAMILIES.find((f) => f.id === "disclosureRate")!, years);
    expect(rate[1].values.disclosureRate).toBeCloseTo(0.9);
    expect(rate[3]).toMatchObject({ values: { disclosureRate: null }, hidden: { disclosureRate: "small-base" } });
  });

  it("KPI cards: no 同比 when last year is missing; posts read from section 一", () => {
    const kpis = buildKpis(years);
    const received = kpis.find((k) => k.id === "received")!;
    expect(received).toMatchObject({ year: 2023, prevMissing: true });
    expect(received.change.delta).toBeNull();
    expect(received.spark).toEqual([10, 15, null, 9]);
    expect(kpis.find((k) => k.id === "posts")).toMatchObject({ label: "政府网站发布", change: { value: 90 } });
  });

  it("a user's correction overrides the extracted posts figure", () => {
    const y = buildAgencyYears([r2021], [{ reportId: 2, channel: "website", value: 125 }]);
    expect(y[0].posts.website).toMatchObject({ value: 125, extracted: 120, corrected: true });
  });
});

describe("headline trend", () => {
  // 2016 has no tables but states its figures; 2017 is missing; 2019 has tables (and prose too).
  const r2016: ReportInput = {
    id: 10,
    year: 2016,
    format: "pre2019",
    prose: "",
    cells: {},
    headline: [
      { key: "proactive", value: 3460 },
      { key: "requests_received", value: 12 },
      { key: "requests_answered", value: 11 },
      { key: "reviews", value: 0 },
    ],
  };
  const r2019: ReportInput = {
    id: 11,
    year: 2019,
    format: "2019",
    prose: "",
    cells: {
      "t3.received.total": 23,
      "t2.licensing.decisions": 181,
      "t4.review.total": 1,
      "t4.suit_direct.total": 2,
      "t4.suit_after_review.total": 3,
    },
    headline: [
      { key: "requests_received", value: 99 },
      { key: "suits", value: 99 },
    ],
  };
  const rows = headlineRows(buildAgencyYears([r2016, r2019]));

  it("has a row per year from the first to the last filed year, a missing year null in every series", () => {
    expect(rows.map((r) => [r.year, r.filed])).toEqual([
      [2016, true],
      [2017, false],
      [2018, false],
      [2019, true],
    ]);
    expect(Object.values(rows[1].values)).toEqual([null, null, null, null, null]);
    expect(rows[1].stated).toEqual([]);
  });

  it("draws a pre-2019 year's stated figures only where they mean the same as the measure", () => {
    expect(rows[0].values).toEqual({ received: 12, licensing: null, penalty: null, reviewTotal: 0, suitTotal: null });
    expect(rows[0].stated).toEqual(["received", "reviewTotal"]);
    // 主动公开 and 答复 are no series of the chart.
    expect(Object.values(rows[0].values)).not.toContain(3460);
    expect(Object.values(rows[0].values)).not.toContain(11);
  });

  it("reads tables, never the prose, once a report has them; counts as the KPI cards do", () => {
    expect(rows[3].values).toEqual({ received: 23, licensing: 181, penalty: null, reviewTotal: 1, suitTotal: 5 });
    expect(rows[3].stated).toEqual([]);
    const kpis = buildKpis(buildAgencyYears([r2016, r2019]));
    for (const s of HEADLINE_SERIES) expect(kpis.find((k) => k.id === s.id)?.change.value ?? null).toBe(rows[3].values[s.id]);
  });

  it("ignores keys that are not headline keys", () => {
    const y = buildAgencyYears([{ ...r2016, headline: [{ key: "bogus", value: 5 }] }]);
    expect(y[0].stated).toEqual({});
    expect(headlineRows(y)[0].values.received).toBeNull();
  });
});

describe("headline trend of 平潭综合实验区 2016–2025 (data/samples)", () => {
  const reports: ReportInput[] = Array.from({ length: 10 }, (_, i) => 2016 + i).map((year, i) => {
    const out = parseReport({ name: `pingtan-${year}.html`, bytes: readFileSync(path.join(SAMPLES, `pingtan-${year}.html`)) });
    if (!out.ok) throw new Error(out.error);
    return {
      id: i + 1,
      year,
      format: out.report.format as ReportInput["format"],
      cells: out.report.cells,
      prose: out.report.narrative,
      headline: out.report.headline,
    };
  });
  const rows = headlineRows(buildAgencyYears(reports));
  const table = rows.map((r) => [r.year, ...HEADLINE_SERIES.map((s) => r.values[s.id])]);

  it("joins the stated 2016–2018 figures to the table years", () => {
    // year, 本年新收申请, 行政许可, 行政处罚, 行政复议, 行政诉讼 (data/expected/pingtan-*.json).
    expect(table).toEqual([
      [2016, 0, null, null, 0, 0],
      [2017, 0, null, null, 0, 0],
      [2018, 0, null, null, 0, 0],
      [2019, 23, 181, 430, 0, 0],
      [2020, 21, 278, 538, 0, 0],
      [2021, 70, 2293, 1282, 3, 12],
      [2022, 74, 10690, 2113, 2, 1],
      [2023, 81, 2629, 1330, 2, 7],
      [2024, 218, 4529, 1100, 7, 19],
      [2025, 154, 2418, 644, 36, 9],
    ]);
  });

  it("marks exactly the pre-2019 text figures as stated", () => {
    expect(rows.filter((r) => r.stated.length > 0).map((r) => [r.year, r.stated])).toEqual(
      [2016, 2017, 2018].map((y) => [y, ["received", "reviewTotal", "suitTotal"]]),
    );
  });

  it("the 2025 point is the KPI card's figure", () => {
    const received = buildKpis(buildAgencyYears(reports)).find((k) => k.id === "received")!;
    expect([received.year, received.change.value]).toEqual([2025, rows[rows.length - 1].values.received]);
  });
});
