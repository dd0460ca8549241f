import { describe, expect, it } from "vitest";
import { niceStep, valueAxis } from "./axis";

describe("valueAxis", () => {
  it("uses round steps, not 55/110/165", () => {
    const a = valueAxis([0, 23, 70, 220, 156], "件");
    expect(a.ticks).toEqual([0, 100, 200, 300]);
    expect(a.unit).toBe("件");
    expect(valueAxis([4], "件").ticks).toEqual([0, 1, 2, 3, 4]);
  });
  it("shows tens of thousands in 万件 with plain ticks, one unit per axis", () => {
    const a = valueAxis([9000, 12000], "件");
    expect(a.unit).toBe("万件");
    expect(a.ticks.map(a.format)).toEqual(["0", "0.5", "1", "1.5"]);
  });
  it("keeps a 万元 axis in 万元 (never 2.6万) and switches to 亿元 only above 1 亿", () => {
    const a = valueAxis([26000 / 10, 1200], "万元");
    expect(a.unit).toBe("万元");
    expect(a.ticks.map(a.format).some((t) => t.includes("万"))).toBe(false);
    const b = valueAxis([26000], "万元");
    expect(b.unit).toBe("亿元");
    expect(b.ticks.map(b.format)).toEqual(["0", "1", "2", "3"]);
  });
  it("reads rates in percent", () => {
    const a = valueAxis([0.62, 0.19], "%");
    expect(a.unit).toBe("%");
    expect(a.ticks.map(a.format)).toEqual(["0", "20", "40", "60", "80"]);
  });
  it("never draws an empty axis", () => {
    expect(valueAxis([], "件").ticks).toEqual([0, 1]);
    expect(niceStep(0)).toBe(1);
  });
});
