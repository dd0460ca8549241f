import { describe, expect, it } from "vitest";
import { coverageByYear, expectedByYear } from "./coverage";

describe("coverage", () => {
  const spans = [
    { from: 2020, to: null, n: 10 },
    { from: 2022, to: null, n: 2 }, // created in 2022
    { from: 2020, to: 2021, n: 1 }, // abolished after 2021
    { from: null, to: null, n: 5 }, // never filed, no active_from: not expected
  ];
  it("counts agencies expected each year", () => {
    expect([...expectedByYear(spans, [2020, 2021, 2022]).entries()]).toEqual([
      [2020, 11],
      [2021, 11],
      [2022, 12],
    ]);
  });
  it("gives filed / expected per year, a year without reports at 0 filed", () => {
    const c = coverageByYear(spans, [
      { year: 2020, filed: 11, late: 1 },
      { year: 2022, filed: 6, late: 0 },
    ]);
    expect(c.map((x) => [x.year, x.filed, x.expected])).toEqual([
      [2020, 11, 11],
      [2021, 0, 11],
      [2022, 6, 12],
    ]);
    expect(c[2].rate).toBe(0.5);
  });
});
