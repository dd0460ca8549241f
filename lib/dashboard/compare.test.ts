import { describe, expect, it } from "vitest";
import { compareRows, rankCell, shownValue } from "./compare";
import { MEASURE_BY_ID } from "./measures";

const rate = MEASURE_BY_ID.get("disclosureRate")!;
const count = MEASURE_BY_ID.get("reviewTotal")!;

describe("compare", () => {
  it("hides a rate whose base is too small, with the reason", () => {
    expect(shownValue(rate, 3, 4)).toEqual({ value: null, hidden: "small-base", base: 4 });
    expect(shownValue(rate, 30, 40).value).toBe(0.75);
  });

  it("ranks with 同比 coloured by meaning (复议 up is bad)", () => {
    const c = rankCell(count, { num: 6, den: null }, { num: 4, den: null });
    expect(c.change).toMatchObject({ delta: 2, pct: 0.5, tone: "bad" });
    expect(rankCell(count, { num: 6, den: null }, { num: null, den: null }).change.delta).toBeNull();
  });

  it("leaves a year without a report empty in the chart rows", () => {
    const rows = compareRows(
      count,
      [
        { agencyId: 1, year: 2021, reportId: 11, num: 3, den: null },
        { agencyId: 1, year: 2023, reportId: 13, num: 5, den: null },
      ],
      2021,
      2023,
    );
    expect(rows).toEqual([{ year: 2021, a1: 3, r_a1: 11 }, { year: 2022 }, { year: 2023, a1: 5, r_a1: 13 }]);
  });
});
