import { describe, expect, it } from "vitest";
import { actionLabel, auditChanges, targetLabel } from "./audit-view";

describe("audit log as people read it", () => {
  it("names actions and objects in words, without internal ids like score.edit", () => {
    expect(actionLabel("score.edit")).toBe("评分");
    expect(actionLabel("cell.correct")).toBe("更正单元格");
    expect(targetLabel("report:12").text).toBe("年报 12");
  });
  it("lists each changed field as before → after", () => {
    const c = auditChanges(
      { key: "t3.received.total", value: 10, raw: "10" },
      { key: "t3.received.total", value: 12, reason: "原文为 12" },
    );
    expect(c.map((x) => x.field)).toEqual(["单元格", "数值", "原文写法", "理由"]);
    expect(c[1]).toEqual({ field: "数值", before: "10", after: "12" });
    expect(c[0].before).not.toContain("t3.");
    expect(auditChanges(null, { status: "confirmed" })).toEqual([{ field: "审核结论", before: "（无）", after: "确认" }]);
  });

  it("reads a 整改 step in words: its state, the kind of answer, the item", () => {
    expect(actionLabel("rectification.return")).toBe("退回整改");
    expect(targetLabel("rectification:7").text).toBe("整改事项 7");
    expect(auditChanges({ state: "responded", response: "explained" }, { state: "open", response: null, reason: "说明不充分" })).toEqual([
      { field: "整改状态", before: "已反馈", after: "待整改" },
      { field: "反馈方式", before: "说明情况", after: "（无）" },
      { field: "理由", before: "（无）", after: "说明不充分" },
    ]);
  });
});
