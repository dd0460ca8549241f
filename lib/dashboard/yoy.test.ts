import { describe, expect, it } from "vitest";
import { ratio, share, yearOverYear } from "./yoy";

describe("同比 (yearOverYear)", () => {
  it("gives change, percentage and direction", () => {
    expect(yearOverYear(120, 100, "neutral")).toMatchObject({ delta: 20, pct: 0.2, direction: "up", tone: "neutral" });
    expect(yearOverYear(80, 100, "neutral")).toMatchObject({ delta: -20, pct: -0.2, direction: "down" });
    expect(yearOverYear(5, 5, "up-bad")).toMatchObject({ delta: 0, direction: "flat", tone: "neutral" });
  });

  it("colours by what the metric means", () => {
    expect(yearOverYear(12, 10, "up-bad").tone).toBe("bad");
    expect(yearOverYear(8, 10, "up-bad").tone).toBe("good");
    expect(yearOverYear(12, 10, "up-good").tone).toBe("good");
    expect(yearOverYear(8, 10, "up-good").tone).toBe("bad");
  });

  it("computes nothing across a missing year (null is not 0)", () => {
    expect(yearOverYear(10, null, "up-good")).toMatchObject({ delta: null, pct: null, direction: null });
    expect(yearOverYear(null, 10, "up-good")).toMatchObject({ delta: null, pct: null, direction: null });
  });

  it("has no percentage on a base of 0, and rates change in points", () => {
    expect(yearOverYear(3, 0, "neutral")).toMatchObject({ delta: 3, pct: null, direction: "up" });
    const r = yearOverYear(0.85, 0.8, "up-good", { rate: true });
    expect(r.delta).toBeCloseTo(5);
    expect(r.pct).toBeNull();
  });
});

describe("shares and rates", () => {
  it("share is null without a whole", () => {
    expect(share(3, 12)).toBe(0.25);
    expect(share(3, 0)).toBeNull();
    expect(share(null, 10)).toBeNull();
  });

  it("min-base rule hides a rate over too few cases, saying why", () => {
    expect(ratio(9, 10, 10)).toEqual({ value: 0.9, base: 10, hidden: null });
    expect(ratio(1, 2, 5)).toEqual({ value: null, base: 2, hidden: "small-base" });
    expect(ratio(0, 0, 5)).toEqual({ value: null, base: 0, hidden: "no-base" });
    expect(ratio(null, 10, 5)).toMatchObject({ value: null, hidden: "no-data" });
  });
});
