import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport, parseReportAsync } from "./index";
import { reportFindings } from "../checks/rules";
import { fixturePairs } from "../../test/fixtures";

const pairs = fixturePairs();

describe("shipped sample reports parse to their hand-checked cells", () => {
  it("has the seed and the 平潭 pages", () => {
    expect(pairs.map((p) => p.name)).toContain("seed-alashan-youqi-minzheng-2021");
    expect(pairs.filter((p) => p.name.startsWith("pingtan")).length).toBe(12);
    expect(pairs.filter((p) => p.file.endsWith(".pdf")).length).toBe(3);
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
    });
  }
});

describe("the seed", () => {
  const seed = pairs.find((p) => p.name.startsWith("seed"))!;
  const out = parseReport({ name: "seed.txt", bytes: readFileSync(seed.file) });
  if (!out.ok) throw new Error(out.error);
  // The within-report findings, as `parse --json` lists them (the parser itself computes none).
  const r = { ...out.report, findings: reportFindings(out.report) };

  it("reads the blank （七）总计 and 结转 rows as null, never 0", () => {
    expect(r.cells["t3.total_handled.total"]).toBeNull();
    expect(r.cells["t3.carried_forward.natural_person"]).toBeNull();
    expect(r.details["t3.total_handled.total"].raw).toBe("");
  });

  it("takes the agency from the signature and the date from 发布日期", () => {
    expect(r.agency).toBe("阿拉善右旗民政局");
    expect(r.publishedOn).toBe("2022-01-24");
  });

  it("records where each cell was read", () => {
    const c = r.details["t3.withheld_internal_affairs.public_interest"];
    expect(c.value).toBe(4);
    expect(c.loc.line).toBeGreaterThan(30);
    const line = readFileSync(seed.file, "utf8").split("\n")[c.loc.line! - 1];
    expect(line).toContain("5.属于三类内部事务信息");
  });

  it("finds the broken result total in 社会公益组织 and 总计", () => {
    const sums = r.findings.filter((f) => f.rule === "t3.results_sum");
    expect(sums.map((f) => f.cells[0])).toEqual(["t3.total_handled.public_interest", "t3.total_handled.total"]);
    expect(sums[0].message).toBe("表三 社会公益组织列：办理结果各项合计 4，（七）总计 为空（按 0 计），相差 4");
    expect(r.findings.some((f) => f.rule === "t3.balance")).toBe(false);
    expect(r.findings.filter((f) => f.rule === "t3.blank_as_zero")).toHaveLength(2);
  });
});

describe("bad input", () => {
  it.each([
    ["empty", new Uint8Array(), "空"],
    ["binary", new Uint8Array([0, 1, 2, 3, 255, 0, 7, 8, 0]), "二进制"],
    ["not a report", new TextEncoder().encode("今天天气很好。\n明天也不错。"), "没有找到"],
  ])("%s gets a Chinese message", (_, bytes, words) => {
    const out = parseReport({ name: "x.txt", bytes });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toContain(words);
  });
});
