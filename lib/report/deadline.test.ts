import { describe, expect, it } from "vitest";
import { daysLate, deadlineFor } from "./deadline";

describe("publication deadline (D1)", () => {
  it("31 January for departments and townships, 31 March for governments and before 2019", () => {
    expect(deadlineFor(2024, "department")).toBe("2025-01-31");
    expect(deadlineFor(2024, "township")).toBe("2025-01-31");
    expect(deadlineFor(2024, "government")).toBe("2025-03-31");
    expect(deadlineFor(2017, "department")).toBe("2018-03-31");
  });
  it("counts days late", () => {
    expect(daysLate(2024, "department", "2025-01-31")).toBe(0);
    expect(daysLate(2024, "department", "2025-02-03")).toBe(3);
    expect(daysLate(2024, "government", "2025-03-10")).toBe(0);
    expect(daysLate(2024, "government", null)).toBeNull();
  });
});
