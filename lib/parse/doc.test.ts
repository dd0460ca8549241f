import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseReportAsync } from "./index";

describe("old Word .doc", () => {
  it("reads a report saved as Word 97 cell for cell", async () => {
    const bytes = new Uint8Array(readFileSync("data/harvest-site/pingtan/zfxxgknb/202403/P020240308387885.doc"));
    const r = await parseReportAsync({ name: "report.doc", bytes });
    if (!r.ok) throw new Error(r.error);
    const expected = JSON.parse(readFileSync("data/expected/pingtan-2023.json", "utf8")).cells as Record<string, number | null>;
    for (const [key, value] of Object.entries(expected)) expect(r.report.cells[key], key).toBe(value);
    expect(r.report.year).toBe(2023);
  });

  it("says clearly when an OLE file cannot be read as Word", async () => {
    const bytes = new Uint8Array(512);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await parseReportAsync({ name: "broken.wps", bytes });
    expect(r).toEqual({ ok: false, error: expect.stringContaining("无法读取") });
  });
});
