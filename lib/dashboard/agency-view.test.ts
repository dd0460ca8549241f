import { describe, expect, it } from "vitest";
import { FAMILIES, buildAgencyYears, buildKpis, familyRows, formatBreak, fromFirstTables } from "./agency-view";

const r2019 = { id: 1, year: 2020, format: "2019" as const, prose: "", cells: { "t3.received.total": 10, "t2.normative_docs.total_public": 166, "t3.total_handled.total": 20, "t3.disclosed.total": 12, "t3.partially_disclosed.total": 2 } };
const r2021 = { id: 2, year: 2021, format: "2021" as const, prose: "通过政府网站发布信息120条。", cells: { "t3.received.total": 15, "t2.normative_docs.in_force": 665, "t3.total_handled.total": 30, "t3.disclosed.total": 24, "t3.partially_disclosed.total": 3, "t4.review.total": 2, "t4.review.corrected": 1 } };
const r2023 = { id: 3, year: 2023, format: "2021" as const, prose: "通过政府网站发布信息90条。", cells: { "t3.received.total": 9, "t3.total_handled.total": 8, "t3.disclosed.total": 8 } };

describe("agency view", () => {
  const years = buildAgencyYears([r2019, r2021, r2023]);

  it("has a row for the missing year, with no figures (a gap, not 0)", () => {
    expect(years.map((y) => [y.year, y.reportId])).toEqual([[2020, 1], [2021, 2], [2022, null], [2023, 3]]);
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
