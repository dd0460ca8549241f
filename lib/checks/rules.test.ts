import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../parse/index";
import { SAMPLES } from "../../test/fixtures";
import { reportFindings, runChecks } from "./rules";

const parse = (file: string) => {
  const out = parseReport({ name: file, bytes: readFileSync(path.join(SAMPLES, file)) });
  if (!out.ok) throw new Error(out.error);
  return { ...out.report, findings: reportFindings(out.report) };
};

describe("表三 result rows sum to （七）总计 (t3.results_sum)", () => {
  it("passes on a report that adds up (平潭 2021)", () => {
    expect(parse("pingtan-2021.html").findings.filter((f) => f.rule === "t3.results_sum")).toEqual([]);
  });

  it("fails on 平潭 2020, where the result rows exceed the total by 6", () => {
    const f = parse("pingtan-2020.html").findings.filter((x) => x.rule === "t3.results_sum");
    expect(f.map((x) => x.cells[0])).toEqual(["t3.total_handled.natural_person", "t3.total_handled.total"]);
    expect(f[0].message).toMatch(/表三 自然人列：办理结果各项合计 26，（七）总计 20，相差 6/);
  });
});

describe("一 + 二 = 三（七） + 四 (t3.balance)", () => {
  it("passes on every shipped report that prints 表三", () => {
    for (const file of [
      "pingtan-2019.html",
      "pingtan-2020.html",
      "pingtan-2022.html",
      "pingtan-czj-2025.html",
      "seed-alashan-youqi-minzheng-2021.txt",
    ]) {
      expect(parse(file).findings.filter((f) => f.rule === "t3.balance")).toEqual([]);
    }
  });

  it("fails when a column does not balance, and names the figures", () => {
    const cells = { ...parse("pingtan-2021.html").cells, "t3.carried_forward.total": 5 };
    const f = runChecks({ format: "2021", cells }).filter((x) => x.rule === "t3.balance");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("表三 总计列");
    expect(f[0].message).toContain("相差 4");
  });
});

describe("blank read as zero", () => {
  it("is said, once per row", () => {
    const f = parse("seed-alashan-youqi-minzheng-2021.txt").findings.filter((x) => x.rule === "t3.blank_as_zero");
    expect(f.map((x) => x.message)).toEqual([
      "表三 「办理结果总计」行有 7 个单元格为空，核对时按 0 计",
      "表三 「结转下年度」行有 7 个单元格为空，核对时按 0 计",
    ]);
  });

  it("is silent when nothing is blank", () => {
    expect(parse("pingtan-2022.html").findings).toEqual([]);
  });
});

it("has no findings for a report without tables", () => {
  expect(parse("pingtan-2017.html").findings).toEqual([]);
});
