import { describe, expect, it } from "vitest";
import { HEADLINE_METRICS, buildTrend, metricValue } from "./metrics";

describe("headline metrics", () => {
  const suit = HEADLINE_METRICS.find((m) => m.id === "suit")!;

  it("adds both kinds of lawsuit", () => {
    expect(metricValue(suit, { "t4.suit_direct.total": 2, "t4.suit_after_review.total": 3 })).toBe(5);
  });

  it("is null when the report prints none of the cells, or only blanks", () => {
    expect(metricValue(suit, {})).toBeNull();
    expect(metricValue(suit, { "t4.suit_direct.total": null, "t4.suit_after_review.total": null })).toBeNull();
  });
});

describe("buildTrend", () => {
  it("leaves a missing year as a gap, never 0", () => {
    const rows = [
      { year: 2021, key: "t3.received.total", value: 70 },
      { year: 2023, key: "t3.received.total", value: 90 },
    ];
    const t = buildTrend(rows, [2021, 2023]);
    expect(t.map((p) => p.year)).toEqual([2021, 2022, 2023]);
    expect(t[1]).toMatchObject({ filed: false, values: { received: null } });
    expect(t[2].values.received).toBe(90);
  });

  it("is empty without reports", () => {
    expect(buildTrend([], [])).toEqual([]);
  });
});
