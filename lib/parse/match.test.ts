import { describe, expect, it } from "vitest";
import { parseReportText } from "./index";
import { splitRuns } from "./row-reading";

const T2 = `2024年政府信息公开工作年度报告
第二十条第(一)项 | |||
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
`;
const T3 = `2024年政府信息公开工作年度报告
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |
`;
const parse = (text: string) => {
  const out = parseReportText(text, "text");
  if (!out.ok) throw new Error(out.error);
  return out.report;
};

describe("cells whose boundaries were lost", () => {
  it("splits a 表三 row where only one reading keeps 总计 = the sum of the six columns", () => {
    const r = parse(`${T3}一、本年新收政府信息公开申请数量 | 210000021 |\n`);
    expect(["natural_person", "commercial", "other_org", "total"].map((c) => r.cells[`t3.received.${c}`])).toEqual([21, 0, 0, 21]);
    expect(r.details["t3.received.total"].raw).toBe("210000021");
  });

  it("splits the 15 numbers of 表四 run together only where W5 leaves one reading", () => {
    const w5 = (v: number[]) => {
      for (let g = 0; g + 5 <= v.length; g += 5) if (v[g + 4] !== v[g] + v[g + 1] + v[g + 2] + v[g + 3]) return false;
      return true;
    };
    // 洪泽 2024: one reading.
    const hongze = [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3];
    expect(splitRuns([hongze.join("")], 15, w5)).toEqual([hongze]);
    // 淮安 2024: 12|1|1|6|20 and 1|2|11|6|20 both hold — a doubt, not an answer.
    const huaian = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];
    expect(splitRuns([huaian.join("")], 15, w5).length).toBe(2);
    const r = parse(`2024年政府信息公开工作年度报告\n行政复议 | 行政诉讼 |\n${huaian.join("")} |\n`);
    expect(Object.keys(r.cells).filter((k) => k.startsWith("t4."))).toEqual([]);
    expect(r.issues.map((i) => i.code)).toContain("uncertain_split");
  });

  it("leaves 行政规范性文件8855698 unread: with no identity in 表二, 88|55|698 is one reading of many", () => {
    const r = parse(`${T2}行政规范性文件8855698 |\n`);
    expect(Object.keys(r.cells).filter((k) => k.startsWith("t2.normative_docs"))).toEqual([]);
    expect(r.issues.map((i) => i.code)).toContain("uncertain_split");
  });

  it("never splits into numbers with leading zeros", () => {
    expect(splitRuns(["1005"], 2, () => true)).toEqual([[100, 5]]);
    expect(splitRuns(["00"], 2, () => true)).toEqual([[0, 0]]);
  });
});
