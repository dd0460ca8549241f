import { describe, expect, it } from "vitest";
import { cellValueProblem, checkReportInput, maxYear, parseNumberText } from "./input";

const T3 = "t3.received.natural_person"; // a count
const report = (o: Record<string, unknown> = {}) => ({
  agency: "某某局",
  year: 2024,
  title: "标题",
  cells: {},
  details: {},
  sourceText: "",
  narrative: "",
  ...o,
});

describe("what a report may hold", () => {
  it.each([9999, 1999, -5, 2024.5, maxYear() + 1])("refuses year %s, in Chinese", (year) => {
    const r = checkReportInput(report({ year }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/报告年度应为 2000–\d{4} 之间的整数/);
  });

  it("refuses 1e20, 4.5 件, ±1e300, Infinity and unknown cell keys; keeps empty cells", () => {
    expect(cellValueProblem(T3, 1e20)).toMatch(/应在 0 到/);
    expect(cellValueProblem(T3, 4.5)).toMatch(/应为整数/);
    expect(cellValueProblem(T3, -1e300)).toMatch(/应在 0 到/);
    expect(cellValueProblem(T3, Infinity)).toMatch(/应为数字/);
    expect(cellValueProblem("t9.evil", 1)).toMatch(/不认识的单元格/);
    expect(cellValueProblem(T3, null)).toBeNull();
    expect(cellValueProblem(T3, 12)).toBeNull();
    const r = checkReportInput(report({ cells: { [T3]: 1e20, "x.y": 1 } }));
    expect(r.ok).toBe(false);
  });

  it("allows decimals only where the cell is an amount", () => {
    const amount = "t2.fees.amount_wan";
    expect(cellValueProblem(amount, 12.34)).toBeNull();
  });

  it("refuses a 20,000-character agency name and unbounded text", () => {
    expect(checkReportInput(report({ agency: "局".repeat(20_000) })).ok).toBe(false);
    expect(checkReportInput(report({ details: { [T3]: { raw: "1".repeat(10_000) } } })).ok).toBe(false);
  });

  it("reads a typed number strictly: not 0x10, 1e20, 1,2,3", () => {
    expect(parseNumberText("12")).toBe(12);
    expect(parseNumberText(" 1,234 ")).toBe(1234);
    expect(parseNumberText("3.5")).toBe(3.5);
    expect(parseNumberText("")).toBeNull();
    for (const bad of ["0x10", "1e20", "1,2,3", "Infinity", "12abc", "--1"]) expect(parseNumberText(bad)).toBeUndefined();
  });
});
