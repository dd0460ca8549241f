import { describe, expect, it } from "vitest";
import { BOM, safeFileName, toCsv, yearSeriesTable } from "./table";
import { composeChartSvg } from "./svg";

describe("toCsv", () => {
  const csv = toCsv({
    title: "平潭",
    columns: [
      { key: "year", header: "年度" },
      { key: "v", header: "本年新收申请（件）" },
      { key: "note", header: "说明" },
    ],
    rows: [
      { year: 2020, v: 21, note: "含结转, 见原文" },
      { year: 2021, v: null, note: "未报送" },
      { year: 2022, v: 0, note: '=HYPERLINK("x")' },
    ],
    notes: ["数据来源：各单位政府信息公开工作年度报告"],
  });

  it("starts with a BOM and keeps blanks blank, zeros zero", () => {
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("年度,本年新收申请（件）,说明");
    expect(lines[1]).toBe('2020,21,"含结转, 见原文"');
    expect(lines[2]).toBe("2021,,未报送");
    expect(lines[3].startsWith("2022,0,")).toBe(true);
  });

  it("defuses formulas in text cells", () => {
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it("makes safe file names", () => {
    expect(safeFileName('平潭/2024:"趋势"?')).toBe("平潭_2024_趋势_");
  });
});

describe("yearSeriesTable", () => {
  const series = [{ id: "received", label: "本年新收申请" }];

  it("leaves a gap blank and adds a 说明 column only when a row has a note", () => {
    const plain = yearSeriesTable([{ year: 2022, filed: false, values: { received: null } }], series, "件");
    expect(plain.columns.map((c) => c.header)).toEqual(["年度", "本年新收申请（件）", "报送情况"]);
    expect(plain.rows).toEqual([{ year: 2022, received: null, filed: "未报送" }]);

    const noted = yearSeriesTable(
      [
        { year: 2018, filed: true, values: { received: 0 }, note: "正文所述：本年新收申请" },
        { year: 2019, filed: true, values: { received: 23 } },
      ],
      series,
      "件",
    );
    const csv = toCsv({ title: "t", ...noted })
      .slice(1)
      .split("\r\n");
    expect(csv.slice(0, 3)).toEqual(["年度,本年新收申请（件）,报送情况,说明", "2018,0,,正文所述：本年新收申请", "2019,23,,"]);
  });
});

describe("composeChartSvg", () => {
  const chart =
    '<svg class="recharts-surface" width="600" height="300" viewBox="0 0 600 300" style="x"><path stroke="var(--line)" d="M0 0L10 10"/></svg>';
  const { svg, width, height } = composeChartSvg(
    chart,
    { width: 600, height: 300 },
    {
      title: "主要指标趋势",
      subtitle: "平潭综合实验区 · 2019–2025 年 · 单位：件",
      legend: [{ label: "本年新收申请", color: "#2563eb" }],
      source: "数据来源：各单位政府信息公开工作年度报告",
      madeOn: "制图日期：2026年11月25日",
      font: '"Noto Sans CJK SC", sans-serif',
      colors: { paper: "#ffffff", title: "#111827", subtitle: "#374151", footer: "#4b5563", cssVariable: "#6b7280" },
    },
  );

  it("is a standalone document with title, legend, source and date", () => {
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain(">主要指标趋势<");
    expect(svg).toContain(">本年新收申请<");
    expect(svg).toContain("数据来源：各单位政府信息公开工作年度报告");
    expect(svg).toContain('font-family="&quot;Noto Sans CJK SC&quot;, sans-serif"');
    expect(width).toBe(600);
    expect(height).toBeGreaterThan(300);
  });

  it("has no CSS variables or classes", () => {
    expect(svg).not.toContain("var(--");
    expect(svg).not.toContain('class="recharts-surface"');
  });
});
