import { describe, expect, it } from "vitest";
import { labelsAt, normalizeLabel, skeleton, type LexEntry } from "./labels";

/** The lexicon entries of a printed label, as the reader spots it (longest match at its start). */
const spotted = (text: string): LexEntry[] => {
  const sk = skeleton(text);
  const m = labelsAt(sk, 0, () => true)[0];
  return m && m.length === sk.length ? m.entries : [];
};
const t3Row = (text: string) =>
  spotted(text)
    .filter((e) => e.kind === "t3row")
    .map((e) => e.key);
import { T2_SECTIONS, T3_ROWS, t3RowsFor } from "./template";
import { ALL_CELL_KEYS, cellKeys, describeCell } from "./cell-keys";
import { parseValue } from "./values";

describe("the template", () => {
  it("defines the cell counts of report-cells.md", () => {
    // 2021: 表二 10 + 表三 25 rows × 7 + 表四 15; 2019: 表二 22 + 表三 23 × 7 + 15.
    expect(cellKeys("2021")).toHaveLength(200);
    expect(cellKeys("2019")).toHaveLength(22 + 23 * 7 + 15);
    expect(cellKeys("pre2019")).toHaveLength(0);
    expect(new Set(cellKeys("2021")).size).toBe(200);
  });

  it("uses the contract's key names", () => {
    for (const k of [
      "t2.rules.in_force",
      "t2.fees.amount_wan",
      "t2.procurement.amount_yuan",
      "t3.other.total",
      "t3.other_misc.research",
      "t4.suit_after_review.pending",
    ]) {
      expect(ALL_CELL_KEYS.has(k)).toBe(true);
    }
  });

  it("keeps the mixed format's single （六） row instead of the three 2021 sub-rows", () => {
    const keys = t3RowsFor("2021", true).map((r) => r.key);
    expect(keys).toContain("other");
    expect(keys).not.toContain("other_misc");
    expect(keys).toHaveLength(23);
  });

  it("describes cells in Chinese", () => {
    expect(describeCell("t3.total_handled.public_interest")).toBe("表三 办理结果总计·社会公益组织");
    expect(describeCell("t4.suit_direct.total")).toBe("表四 行政诉讼（未经复议直接起诉）·总计");
    expect(describeCell("t2.normative_docs.in_force")).toBe("表二 行政规范性文件·现行有效件数");
  });
});

describe("label matching", () => {
  it("matches every template row by its own label", () => {
    for (const r of T3_ROWS) expect(t3Row(r.label)).toContain(r.key);
    for (const f of ["2021", "2019"] as const)
      for (const s of T2_SECTIONS[f]) {
        for (const r of s.rows) expect(spotted(r.label).some((e) => e.kind === "t2row" && e.key === r.key)).toBe(true);
        for (const c of s.columns)
          expect(spotted(c.label).some((e) => e.kind === "t2col" && e.key === c.key && e.formats?.includes(f))).toBe(true);
      }
  });

  it("reads real-world variants", () => {
    expect(t3Row("2.其他法律行政止公开")).toEqual(["withheld_law_prohibited"]);
    expect(t3Row("(二)部分公开")).toEqual(["partially_disclosed"]);
    expect(t3Row("4.无正当理由大量反复 申请")).toEqual(["not_processed_excessive"]);
    expect(t3Row("3、其他")).toEqual(["other_misc"]);
    expect(t3Row("（六）其他处理")).toEqual(["other"]);
    expect(t3Row("(七)总计")).toEqual(["total_handled"]);
    expect(
      spotted("(三) 不予公开")
        .filter((e) => e.kind === "t3group")
        .map((e) => e.key),
    ).toEqual(["withheld"]);
    expect(normalizeLabel("第二十条第（⼀）项")).toBe("第二十条第(一)项");
  });

  it("does not take group labels or other tables' labels for 表三 rows", () => {
    expect(t3Row("三、本年度办理结果")).toEqual([]);
    expect(t3Row("（三）不予公开")).toEqual([]);
    expect(t3Row("行政许可")).toEqual([]);
  });
});

describe("values", () => {
  it.each([
    ["0", 0],
    ["24252.311082", 24252.311082],
    ["-18", -18],
    ["1,234", 1234],
    ["75394432.52元", 75394432.52],
    ["", null],
    ["/", null],
    ["—", null],
    ["无", null],
  ])("%s → %s", (raw, value) => {
    expect(parseValue(raw)).toMatchObject({ kind: "value", value });
  });

  it("keeps an annotation beside the value", () => {
    expect(parseValue("22（其中修订16件）")).toEqual({ kind: "value", value: 22, note: "(其中修订16件)" });
  });

  it("treats labels as text", () => {
    expect(parseValue("规章").kind).toBe("text");
    expect(parseValue("1.属于国家秘密").kind).toBe("text");
  });
});
