import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fillUnread, parseReportText, unreadCells } from "./index";

// A real flattened report (海城市八里镇 2023) whose 行政规范性文件 row is changed to figures whose
// boundaries the flattening lost: three cells, no identity to choose 88|55|698 over 8|855|698.
const REAL = path.join(
  __dirname,
  "..",
  "..",
  "..",
  "shared",
  "fixtures",
  "real-world",
  "reports",
  "town-liaoning-haicheng-bali-2023-flattened.txt",
);
const LOCAL = path.join(
  __dirname,
  "..",
  "..",
  "data",
  "fixtures",
  "real-world",
  "reports",
  "county-shaanxi-hantai-nyncj-2025-flatspaced.txt",
);

function flattenedWithLostBoundaries() {
  const file = (() => {
    try {
      return readFileSync(REAL, "utf8");
    } catch {
      return readFileSync(LOCAL, "utf8");
    }
  })();
  const text = file.replace(/行政规范性文件\s*0\s*0\s*0/, "行政规范性文件8855698");
  const out = parseReportText(text, "text");
  if (!out.ok) throw new Error(out.error);
  return out.report;
}

describe("unread rows, completed by the filer", () => {
  it("lists the row it could not split with its source text, and reads the rest", () => {
    const r = flattenedWithLostBoundaries();
    expect(Object.keys(r.cells).filter((k) => k.startsWith("t2.normative_docs"))).toEqual([]);
    const issue = r.issues.find((i) => i.keys?.includes("t2.normative_docs.issued"));
    expect(issue?.code).toBe("uncertain_split");
    expect(issue?.source).toContain("8855698");
    expect(unreadCells(r).map((u) => u.key)).toEqual([
      "t2.normative_docs.issued",
      "t2.normative_docs.repealed",
      "t2.normative_docs.in_force",
    ]);
    expect(r.cells["t2.rules.issued"]).toBe(0);
  });

  it("stores what the filer typed for those cells, marked as typed, and nothing else", () => {
    const r = flattenedWithLostBoundaries();
    const out = fillUnread(r, { "t2.normative_docs.issued": "88", "t2.normative_docs.repealed": "55", "t2.normative_docs.in_force": "/" });
    if (!out.ok) throw new Error(out.error);
    expect(out.report.cells["t2.normative_docs.issued"]).toBe(88);
    expect(out.report.cells["t2.normative_docs.in_force"]).toBeNull();
    expect(out.report.details["t2.normative_docs.issued"].note).toContain("补录");
    expect(out.report.issues.some((i) => i.keys?.includes("t2.normative_docs.issued"))).toBe(false);
    // A cell the reader did read cannot be overwritten this way.
    const refused = fillUnread(r, { "t2.rules.issued": "5" });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining("规章") });
    // Text that is not a number is refused, naming the cell.
    const bad = fillUnread(r, { "t2.normative_docs.issued": "八十八" });
    expect(bad).toEqual({ ok: false, error: expect.stringContaining("八十八") });
  });
});
