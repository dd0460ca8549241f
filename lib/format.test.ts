import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "./format";

describe("dates and times in Asia/Shanghai", () => {
  it("shows an instant in China Standard Time, whatever the machine's zone", () => {
    expect(formatDateTime(new Date("2026-12-04T20:37:00Z"))).toBe("2026年12月5日 04:37");
    expect(formatDateTime("2026-12-04 20:37:05.123+00")).toBe("2026年12月5日 04:37");
    expect(formatDateTime("2026-12-05T04:37:00+08:00")).toBe("2026年12月5日 04:37");
    expect(formatDay(new Date("2026-12-31T17:00:00Z"))).toBe("2027年1月1日");
  });
});
