/**
 * The shared fixture reports (beside the repository) in every presentation: pipe and markdown text,
 * `pdftotext -layout` text, and the PDFs themselves. Each must read to its hand-checked cells.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePairs, SHARED_FIXTURES } from "../../test/fixtures";
import { parseReportAsync } from "./index";

const pairs = fixturePairs(path.join(SHARED_FIXTURES, "reports"), path.join(SHARED_FIXTURES, "expected"));

describe.skipIf(!existsSync(SHARED_FIXTURES))("shared fixtures parse to their hand-checked cells", () => {
  it("has every presentation", () => {
    const files = pairs.map((p) => path.basename(p.file));
    for (const f of ["huaian-2024-markdown.md", "huaian-2024-layout.txt", "hongze-2023.pdf", "seed-alashan-youqi-minzheng-2021.txt"]) {
      expect(files).toContain(f);
    }
  });

  for (const { name, file, expected } of pairs) {
    it(name, async () => {
      const out = await parseReportAsync({ name: path.basename(file), bytes: readFileSync(file) });
      if (!out.ok) throw new Error(out.error);
      const r = out.report;
      expect(r.year).toBe(expected.year);
      expect(r.format).toBe(expected.format);
      expect(r.publishedOn).toBe(expected.published_on);
      expect(expected.agency.includes(r.agency ?? "∅") || (r.agency ?? "").includes(expected.agency)).toBe(true);
      // Every cell equal, blanks as null, and no cell the report does not print.
      expect(r.cells).toEqual(expected.cells);
      expect(r.issues).toEqual([]);
    });
  }
});
