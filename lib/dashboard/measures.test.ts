import { describe, expect, it } from "vitest";
import { FIGURES, FIGURE_BY_ID, allFigures, figureColumn, figureValue } from "./figures";
import { MEASURE_BY_ID, measureTraceKey, measureValue } from "./measures";

describe("figures", () => {
  it("sum the printed cells; none printed or all blank is a gap", () => {
    const other = FIGURE_BY_ID.get("otherHandled")!;
    expect(figureValue(other, { "t3.other.total": 4 })).toBe(4); // format 2019: one row
    expect(figureValue(other, { "t3.other_no_correction.total": 1, "t3.other_misc.total": 2, "t3.other_unpaid_fee.total": null })).toBe(3);
    expect(figureValue(other, {})).toBeNull();
    expect(figureValue(other, { "t3.other_misc.total": null })).toBeNull();
  });

  it("have distinct rollup columns", () => {
    const cols = FIGURES.map((f) => figureColumn(f.id));
    expect(new Set(cols).size).toBe(cols.length);
    expect(figureColumn("review_corrected")).toBe("review_corrected");
    expect(figureColumn("partiallyDisclosed")).toBe("partially_disclosed");
  });

  it("keep format-specific measures apart (现行有效 ≠ 对外公开总数量)", () => {
    const f = allFigures({ "t2.normative_docs.total_public": 166 });
    expect(f.docsTotalPublic).toBe(166);
    expect(f.docsInForce).toBeNull();
  });
});

describe("measures", () => {
  it("disclosure rate = (予以公开 + 部分公开) / 办理结果总计", () => {
    const m = MEASURE_BY_ID.get("disclosureRate")!;
    expect(measureValue(m, { disclosed: 40, partiallyDisclosed: 10, totalHandled: 100 })).toEqual({ value: 0.5, base: 100, hidden: null });
    expect(measureValue(m, { disclosed: 4, partiallyDisclosed: 1, totalHandled: 8 }).hidden).toBe("small-base");
  });

  it("correction rate sums 行政复议 and 行政诉讼", () => {
    const m = MEASURE_BY_ID.get("correctionRate")!;
    const r = measureValue(m, { review_corrected: 1, suit_corrected: 1, review_total: 6, suit_total: 4 });
    expect(r.value).toBeCloseTo(0.2);
    expect(measureTraceKey(m)).toBe("t4.review.corrected");
  });

  it("a count with no data is a gap", () => {
    expect(measureValue(MEASURE_BY_ID.get("received")!, {})).toEqual({ value: null, base: null, hidden: "no-data" });
  });
});
