import { describe, expect, it } from "vitest";
import { beijingToday, matchFinding, nextStatus, overdueDays } from "./state";

describe("整改事项 states", () => {
  it("moves 待整改 → 已反馈 → 已复核, or back to 待整改 when returned, and nothing else", () => {
    expect(nextStatus("open", "respond")).toBe("responded");
    expect(nextStatus("responded", "accept")).toBe("accepted");
    expect(nextStatus("responded", "return")).toBe("open");
    expect(nextStatus("open", "accept")).toBeNull();
    expect(nextStatus("open", "return")).toBeNull();
    expect(nextStatus("accepted", "return")).toBeNull();
    expect(nextStatus("accepted", "respond")).toBeNull();
    expect(nextStatus("responded", "respond")).toBeNull();
  });

  it("counts days late only for items still to be corrected", () => {
    expect(overdueDays("open", "2026-03-01", "2026-03-04")).toBe(3);
    expect(overdueDays("open", "2026-03-04", "2026-03-04")).toBe(0);
    expect(overdueDays("responded", "2026-03-01", "2026-03-04")).toBe(0);
    expect(overdueDays("open", "2025-12-31", "2026-01-01")).toBe(1);
  });

  it("uses the Beijing date", () => {
    expect(beijingToday(new Date("2026-03-01T16:30:00Z"))).toBe("2026-03-02");
    expect(beijingToday(new Date("2026-03-01T15:59:00Z"))).toBe("2026-03-01");
  });

  it("matches a finding by rule and cells: present, changed figures, or gone", () => {
    const item = { rule: "t3.balance", cells: ["t3.a.total", "t3.b.total"], fingerprint: "t3.balance|a|5" };
    expect(matchFinding(item, [{ ...item }])).toBe("present");
    expect(matchFinding(item, [{ ...item, fingerprint: "t3.balance|a|7" }])).toBe("changed");
    expect(matchFinding(item, [{ ...item, cells: ["t3.a.total"], fingerprint: "x" }])).toBe("gone");
    expect(matchFinding(item, [])).toBe("gone");
  });
});
