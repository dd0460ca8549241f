import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_FIXTURES } from "../../test/fixtures";
import { parseReport } from "./index";
import { looksLikeLayout, readLayout } from "./layout";

const read = (name: string) => readFileSync(path.join(SHARED_FIXTURES, "reports", name), "utf8");

describe.skipIf(!existsSync(SHARED_FIXTURES))("pdftotext -layout fixtures", () => {
  it("tells layout text from pipe and markdown text", () => {
    expect(looksLikeLayout(read("huaian-2024-layout.txt"))).toBe(true);
    expect(looksLikeLayout(read("seed-alashan-youqi-minzheng-2021.txt"))).toBe(false);
    expect(looksLikeLayout(read("huaian-2024-markdown.md"))).toBe(false);
  });

  it("joins the label printed one character per line and drops page footers", () => {
    const doc = readLayout(read("huaian-2024-layout.txt"));
    const rows = doc.lines.filter((l) => l.kind === "row").map((l) => (l.kind === "row" ? l.cells.map((c) => c.text) : []));
    expect(rows.some((r) => r[0] === "三、本年度办理结果")).toBe(true);
    expect(rows.find((r) => r.includes("2.没有现成信息需要另行制作"))?.[0]).toBe("（四）无法提供");
    expect(doc.lines.some((l) => l.kind === "text" && /^-\d+-$/.test(l.text))).toBe(false);
  });
});

const table3 = (rows: string) => `三、收到和处理政府信息公开申请情况
                         申请人情况
${rows}
四、政府信息公开行政复议、行政诉讼情况`;

describe("layout text", () => {
  it("reads numbers a single space apart as separate cells, never as one number", () => {
    const doc = readLayout(table3("一、本年新收政府信息公开申请数量      1 0 0 0 0 0 1"));
    const row = doc.lines.find((l) => l.kind === "row" && l.cells[0].text.startsWith("一、"));
    expect(row?.kind === "row" && row.cells.map((c) => c.text)).toEqual([
      "一、本年新收政府信息公开申请数量",
      "1",
      "0",
      "0",
      "0",
      "0",
      "0",
      "1",
    ]);
  });

  it("gives a line of values the label wrapped around it", () => {
    const doc = readLayout(
      table3(`      （二）部分公开（区分处理的，只计这一情
                                447         7        0        0        0    0   454
      形，不计其他情形）`),
    );
    const row = doc.lines.find((l) => l.kind === "row" && l.cells.some((c) => c.text === "447"));
    expect(row?.kind === "row" && row.cells[0].text).toBe("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
  });

  it("leaves a row with too few values unread rather than shifting them", () => {
    const text = `2024年政府信息公开工作年度报告
${table3("一、本年新收政府信息公开申请数量      3   1          4")}`;
    const out = parseReport({ name: "r.txt", bytes: new TextEncoder().encode(`${text}\n\n\n\n\n   a  b\n   c  d\n   e  f\n   g  h`) });
    if (!out.ok) throw new Error(out.error);
    expect(Object.keys(out.report.cells).filter((k) => k.startsWith("t3.received"))).toEqual([]);
    expect(out.report.issues.some((i) => i.code === "row_shape")).toBe(true);
  });
});
