import { describe, expect, it } from "vitest";
import { parseReportText } from "./index";

const HEADER = `| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |
|---|---|---|---|---|---|---|---|---|---|
| | | | 自然人 | 法人或其他组织 | | | | | 总计 |
| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |`;

const report = (rows: string) =>
  `# 某某局 2024 年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n${HEADER}\n${rows}\n`;

describe("markdown tables", () => {
  it("reads values by the column their header names, past the blank cells of merged labels", () => {
    const out = parseReportText(
      report(`| 一、本年新收政府信息公开申请数量 | | | 3001 | 53 | 0 | 0 | 61 | 4 | 3119 |
| | （三）不予公开 | 1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 四、结转下年度继续办理 | | | | 1 | | | | | 1 |`),
      "text",
    );
    if (!out.ok) throw new Error(out.error);
    const c = out.report.cells;
    expect([c["t3.received.natural_person"], c["t3.received.commercial"], c["t3.received.total"]]).toEqual([3001, 53, 3119]);
    expect([c["t3.withheld_state_secret.natural_person"], c["t3.withheld_state_secret.total"]]).toEqual([2, 2]);
    // A blank cell stays blank in its own column; nothing slides left into it.
    expect([
      c["t3.carried_forward.natural_person"],
      c["t3.carried_forward.commercial"],
      c["t3.carried_forward.research"],
      c["t3.carried_forward.total"],
    ]).toEqual([null, 1, null, 1]);
    expect(out.report.agency).toBe("某某局");
  });
});
