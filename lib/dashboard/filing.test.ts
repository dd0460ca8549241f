import { describe, expect, it } from "vitest";
import { expectedSpan, filingHistory } from "./filing";

describe("expectedSpan", () => {
  it("runs through the latest year anyone reported", () => {
    expect(expectedSpan([2021], { activeFrom: null, activeTo: null }, 2025)).toEqual({ from: 2021, to: 2025 });
  });
  it("starts at active_from and stops at active_to", () => {
    expect(expectedSpan([2021], { activeFrom: 2019, activeTo: 2022 }, 2025)).toEqual({ from: 2019, to: 2022 });
  });
  it("an agency with no report and no active_from has no span", () => {
    expect(expectedSpan([], { activeFrom: null, activeTo: null }, 2025)).toBeNull();
  });
});

describe("filingHistory", () => {
  it("marks each expected year filed on time, late or missing", () => {
    const h = filingHistory(
      { from: 2021, to: 2023 },
      [
        { id: 1, year: 2021, publishedOn: "2022-01-24" },
        { id: 2, year: 2022, publishedOn: "2023-02-10" },
      ],
      "department",
    );
    expect(h.map((y) => [y.year, y.status, y.daysLate])).toEqual([
      [2021, "on-time", 0],
      [2022, "late", 10],
      [2023, "missing", null],
    ]);
  });
});
