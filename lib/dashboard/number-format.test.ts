import { describe, expect, it } from "vitest";
import { formatCount, formatDelta, formatPercent, formatValue, formatWan } from "./number-format";

describe("Chinese number conventions", () => {
  it("uses 万 and 亿", () => {
    expect(formatCount(9999)).toBe("9999");
    expect(formatCount(12345)).toBe("1.2万");
    expect(formatCount(100000)).toBe("10万");
    expect(formatCount(123456789)).toBe("1.2亿");
    expect(formatCount(null)).toBe("—");
    expect(formatWan(24252.311082)).toBe("2.4亿元");
    expect(formatWan(96.55)).toBe("96.5万元");
  });
  it("gives percentages with one decimal and signed changes", () => {
    expect(formatPercent(0.85671)).toBe("85.7%");
    expect(formatValue(0.5, "%")).toBe("50.0%");
    expect(formatValue(12, "件")).toBe("12件");
    expect(formatDelta(-3, "件")).toBe("−3");
    expect(formatDelta(2.14, "%")).toBe("+2.1个百分点");
  });
});
