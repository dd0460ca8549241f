/**
 * Every rule has a real report that passes it and one that fails it. Where no shipped report
 * breaks a rule, the failing case is a real report with one figure changed, and says which.
 * A rule added without cases here fails the first test.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXPECTED, SAMPLES } from "../../test/fixtures";
import { parseReport } from "../parse/index";
import { RULE_IDS, runChecks, type CheckInput, type RuleId, type YearReport } from "./rules";

const cache = new Map<string, ReturnType<typeof parseFile>>();
function parseFile(file: string) {
  const out = parseReport({ name: file, bytes: readFileSync(path.join(SAMPLES, file)) });
  if (!out.ok) throw new Error(out.error);
  return out.report;
}
const parsed = (file: string) => {
  if (!cache.has(file)) cache.set(file, parseFile(file));
  return cache.get(file)!;
};
/** Hand-checked cells of the PDF fixtures (what the report prints). */
const expectedCells = (name: string) =>
  JSON.parse(readFileSync(path.join(EXPECTED, `${name}.json`), "utf8")).cells as Record<string, number | null>;

function input(file: string, kind: CheckInput["agencyKind"] = "government", prevFile?: string): CheckInput {
  const r = parsed(file);
  const p = prevFile ? parsed(prevFile) : null;
  const prev: YearReport | null = p?.year
    ? { year: p.year, format: p.format, mixed: p.mixed, cells: p.cells, narrative: p.narrative }
    : null;
  return {
    format: r.format,
    cells: r.cells,
    mixed: r.mixed,
    year: r.year,
    publishedOn: r.publishedOn,
    agencyKind: kind,
    narrative: r.narrative,
    missing: r.missing,
    prev,
  };
}
const hongze = (year: 2023 | 2024, prev?: YearReport): CheckInput => ({
  format: "2021",
  mixed: true,
  cells: expectedCells(`hongze-${year}`),
  year,
  publishedOn: null,
  agencyKind: "government",
  prev,
});
const withCell = (i: CheckInput, key: string, value: number | null): CheckInput => ({ ...i, cells: { ...i.cells, [key]: value } });

const pt2021 = () => input("pingtan-2021.html", "government", "pingtan-2020.html");
const pt2022 = () => input("pingtan-2022.html", "government", "pingtan-2021.html");

const CASES: Record<RuleId, { pass: () => CheckInput; fail: () => CheckInput; failWhy: string }> = {
  "t3.balance": { pass: pt2022, fail: () => withCell(pt2022(), "t3.carried_forward.total", 9), failWhy: "平潭 2022, 结转下年度总计改为 9" },
  "t3.results_sum": {
    pass: pt2022,
    fail: () => input("pingtan-2020.html", "government", "pingtan-2019.html"),
    failWhy: "平潭 2020 as printed",
  },
  "t3.row_total": { pass: pt2022, fail: () => withCell(pt2022(), "t3.disclosed.total", 1000), failWhy: "平潭 2022, 予以公开总计改为 1000" },
  "t34.non_negative_integer": {
    pass: pt2022,
    fail: () => withCell(pt2022(), "t4.review.upheld", 1.5),
    failWhy: "平潭 2022, 复议维持改为 1.5",
  },
  "t3.blank_as_zero": {
    pass: pt2022,
    fail: () => input("seed-alashan-youqi-minzheng-2021.txt", "department"),
    failWhy: "阿拉善右旗民政局 2021 as printed",
  },
  "t4.group_total": { pass: () => hongze(2024), fail: () => hongze(2023), failWhy: "洪泽区 2023 as printed: 复议 10+1 but 总计 0" },
  "t4.blank_as_zero": { pass: pt2022, fail: () => withCell(pt2022(), "t4.review.other", null), failWhy: "平潭 2022, 复议其他结果改为空白" },
  "t2.non_negative": { pass: pt2022, fail: () => withCell(pt2022(), "t2.penalty.decisions", -3), failWhy: "平潭 2022, 行政处罚改为 −3" },
  "t2.repealed_available": {
    pass: pt2022,
    fail: () => withCell(pt2022(), "t2.normative_docs.repealed", 5000),
    failWhy: "平潭 2022, 规范性文件废止改为 5000",
  },
  "y.carry_over": {
    pass: pt2022,
    fail: () => withCell(pt2022(), "t3.carried_over.total", 7),
    failWhy: "平潭 2022, 上年结转总计改为 7 (2021 结转 1)",
  },
  "y.in_force_roll": {
    pass: () => {
      const h23 = hongze(2023);
      return hongze(2024, { year: 2023, format: "2021", cells: h23.cells });
    },
    fail: () => input("pingtan-2024.html", "government", "pingtan-2023.html"),
    failWhy: "平潭 2024 as printed: 470 + 62 − 33 ≠ 440",
  },
  "y.items_roll": {
    pass: () => input("pingtan-2020.html", "government", "pingtan-2019.html"),
    fail: () => withCell(input("pingtan-2020.html", "government", "pingtan-2019.html"), "t2.licensing.prev_items", 1),
    failWhy: "平潭 2020, 行政许可上一年项目数量改为 1",
  },
  "y.total_public_roll": {
    pass: () => withCell(input("pingtan-2020.html", "government", "pingtan-2019.html"), "t2.rules.total_public", 0),
    fail: () => input("pingtan-2020.html", "government", "pingtan-2019.html"),
    failWhy: "平潭 2020 as printed: 规章对外公开总数量 0 + 0 ≠ 7",
  },
  "y.large_swing": {
    pass: () => input("pingtan-2025.html", "government", "pingtan-2024.html"),
    fail: pt2021,
    failWhy: "平潭 2021 as printed: 新收 21 → 70",
  },
  "n.received": {
    pass: pt2022,
    fail: () => withCell(pt2022(), "t3.received.total", 60),
    failWhy: "平潭 2022, 新收总计改为 60 (正文“收到75件”)",
  },
  "n.handled": {
    pass: pt2021,
    fail: () => withCell(pt2021(), "t3.total_handled.total", 60),
    failWhy: "平潭 2021, （七）总计改为 60 (正文办结 69 件)",
  },
  "n.carried_forward": {
    pass: pt2021,
    fail: () => withCell(pt2021(), "t3.carried_forward.total", 5),
    failWhy: "平潭 2021, 结转下年度改为 5 (正文结转 1 件)",
  },
  "n.review": {
    pass: () => ({ ...pt2022(), narrative: "本年度发生政府信息公开行政复议2件。" }),
    fail: () => ({ ...pt2022(), narrative: "本年度发生政府信息公开行政复议3件。" }),
    failWhy: "平潭 2022 的表四（复议 2 件），正文替换为“行政复议3件”",
  },
  "n.suits": {
    pass: () => ({ ...pt2022(), narrative: "本年度发生政府信息公开行政诉讼1件。" }),
    fail: () => ({ ...pt2022(), narrative: "本年度发生政府信息公开行政诉讼2件。" }),
    failWhy: "平潭 2022 的表四（诉讼 1 件），正文替换为“行政诉讼2件”",
  },
  "n.in_force": {
    pass: pt2022,
    fail: () => input("pingtan-2023.html", "government", "pingtan-2022.html"),
    failWhy: "平潭 2023 as printed: 正文 393 件，表 470",
  },
  "doc.deadline": {
    pass: pt2022,
    fail: () => ({ ...input("pingtan-czj-2024.html", "department"), publishedOn: "2025-02-10" }),
    failWhy: "财政金融局 2024 (部门)，发布日期改为 2025-02-10",
  },
  "doc.format_year": { pass: pt2022, fail: () => ({ ...pt2022(), year: 2020 }), failWhy: "平潭 2022 的表格，年度改为 2020" },
  "doc.mixed_format": { pass: pt2022, fail: () => hongze(2024), failWhy: "洪泽区 2024 as printed" },
  "doc.sections": {
    pass: pt2022,
    fail: () => ({
      ...pt2022(),
      narrative: pt2022()
        .narrative!.split("\n")
        .filter((l) => !l.startsWith("五、"))
        .join("\n"),
    }),
    failWhy: "平潭 2022 去掉第五部分标题",
  },
  "doc.tables": {
    pass: pt2022,
    fail: () => ({ ...pt2022(), cells: Object.fromEntries(Object.entries(pt2022().cells).filter(([k]) => !k.startsWith("t4."))) }),
    failWhy: "平潭 2022 去掉表四",
  },
  "doc.similarity": {
    pass: pt2022,
    fail: () => input("pingtan-czj-2025.html", "department", "pingtan-czj-2024.html"),
    failWhy: "财政金融局 2025 as printed: 与 2024 重复约 92%",
  },
  "doc.accountability": {
    pass: pt2022,
    fail: () => input("pingtan-2025.html", "government", "pingtan-2024.html"),
    failWhy: "平潭 2025 as printed",
  },
};

describe("every rule has a passing and a failing real fixture", () => {
  it("covers every rule", () => {
    expect(Object.keys(CASES).sort()).toEqual([...RULE_IDS].sort());
  });

  for (const id of RULE_IDS) {
    const c = CASES[id];
    it(`${id} passes`, () => {
      expect(runChecks(c.pass()).filter((f) => f.rule === id)).toEqual([]);
    });
    it(`${id} fails: ${c.failWhy}`, () => {
      const found = runChecks(c.fail()).filter((f) => f.rule === id);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    });
  }
});

it("never compares 2019-format and 2021-format table-2 measures across the format change", () => {
  const found = runChecks(pt2021());
  expect(
    found.some(
      (f) =>
        f.rule === "y.in_force_roll" || f.rule === "y.total_public_roll" || f.rule === "y.items_roll" || f.rule === "t2.repealed_available",
    ),
  ).toBe(false);
});

it("checks the carry-over across the 2020 → 2021 format change", () => {
  const i = withCell(pt2021(), "t3.carried_over.natural_person", 3);
  expect(runChecks(i).find((f) => f.rule === "y.carry_over")?.message).toBe(
    "表三 自然人列：2020 年报告“结转下年度”为 0，本年“上年结转”为 3，相差 3",
  );
});
