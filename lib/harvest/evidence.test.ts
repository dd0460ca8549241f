import { describe, expect, it } from "vitest";
import { evidenceFor } from "./evidence";

const base = {
  year: 2024,
  kind: "department" as const,
  hasSource: true,
  checkedAt: new Date("2025-02-10T02:00:00Z"),
  lastMissingAt: null,
  printedOn: null,
  fetched: true,
};

describe("what the harvest proves about an agency-year", () => {
  it("says published on D, first seen T, and measures lateness by the printed date when nothing contradicts it", () => {
    const e = evidenceFor({ ...base, firstSeenAt: new Date("2025-01-25T02:00:00Z"), printedOn: "2025-01-20" });
    expect(e).toMatchObject({ state: "published", printedOn: "2025-01-20", appearedAfter: null, daysLatePrinted: 0, daysLateEvidence: 0 });
  });

  it("measures by when it appeared when an earlier reading of the list did not show it", () => {
    // Prints 1月20日 (on time for a department), but the list read on 2月3日 did not have it.
    const e = evidenceFor({
      ...base,
      firstSeenAt: new Date("2025-02-04T02:00:00Z"),
      lastMissingAt: new Date("2025-02-03T02:00:00Z"),
      printedOn: "2025-01-20",
    });
    expect(e).toMatchObject({ state: "published", daysLatePrinted: 0, daysLateEvidence: 3 });
    if (e.state === "published") expect(e.appearedAfter?.toISOString()).toBe("2025-02-03T02:00:00.000Z");
  });

  it("does not call a report published whose link was listed but whose file could not be had", () => {
    expect(evidenceFor({ ...base, firstSeenAt: new Date("2025-01-25T02:00:00Z"), fetched: false })).toEqual({
      state: "listed",
      firstSeenAt: new Date("2025-01-25T02:00:00Z"),
    });
  });

  it("says not found as of the last reading, or that no source is known", () => {
    expect(evidenceFor({ ...base, firstSeenAt: null })).toEqual({ state: "not_found", asOf: base.checkedAt });
    expect(evidenceFor({ ...base, firstSeenAt: null, hasSource: false })).toEqual({ state: "no_source" });
    expect(evidenceFor({ ...base, firstSeenAt: null, checkedAt: null })).toEqual({ state: "unchecked" });
  });
});
