/**
 * Golden table: real agency-years from the shipped demo data (data/samples), scored under the
 * default rubric (lib/scoring/default-rubric.ts). The expected points are written out by hand from
 * the reports; the test reads each report through the real pipeline (lib/parse → lib/checks, with
 * last year's report for the cross-year rules, as db/queries/checks.ts does) and compares.
 * Changing the rubric or the scoring logic means changing this table in the same commit.
 *
 * How each column was worked out (default rubric, 20 points; manual indicators 年报专栏 2 and
 * 可获取性 1 are not entered here, so no row is complete and `auto` is the sum of the 7 automatic
 * indicators; `null` = cannot be scored automatically):
 * - on_time (3, all or nothing): 发布日期 (data/expected/*.json published_on) against D1 — 本级政府
 *   (平潭、淮安、洪泽) by 31 March of the next year, 部门 (财政金融局、民政局) by 31 January. The
 *   淮安 and 洪泽 PDFs print no date: null.
 * - consistency (4, −1 per 勾稽 error): 平潭 2020 — 表三 自然人列 results 26 vs 总计 20 and the 总计
 *   column 27 vs 21 → 2 errors → 2. 阿拉善右旗 2021 — （七）总计 printed blank while the results add
 *   to 4, in the 社会公益组织 and 总计 columns → 2 errors → 2. 洪泽 2023 — 表四 行政复议 parts 11 vs
 *   总计 0, 复议后起诉 5 vs 0 → 2 errors → 2. Everything else adds up → 4.
 * - narrative (2, −1 per mismatch): 平潭 2023 text "现行有效行政规范性文件393件" vs 表二 470 → 1;
 *   洪泽 2024 text "信息公开申请 17 件" vs 表三 本年新收 95 → 1; else 2.
 * - format (1): 洪泽 2023 and 2024 print 2021 表二 with the single 2019 （六）其他处理 row → 0; else 1.
 * - complete (2, −1 per gap): 本级政府 reports must report 考核、评议、追究 (D5). 平潭 2019–2021,
 *   2023–2025, 淮安 2024, 洪泽 2023, 2024 miss at least one of the words → 1; 平潭 2022 and the two
 *   departments' reports → 2. All six sections and three tables are present everywhere.
 * - similarity (1): 财政金融局 2025 repeats ≈92% of its 2024 text → 0. Where last year's report is
 *   not in the demo data (财政金融局 2024, 阿拉善右旗 2021, 淮安 2024, 洪泽 2023) there is nothing
 *   to compare: 1. 平潭 compares year by year (2019 with the 2018 page) and stays under 50%: 1.
 * - corrections (4, −2 per case, floor 0): 表四 结果纠正, 行政复议 + 直接起诉 + 复议后起诉:
 *   平潭 2019–2021 0+0+0 → 4; 2022 1+0+0 → 2; 2023 1+0+0 → 2; 2024 1+0+2 = 3 → 0; 2025 3+3+0 = 6 → 0;
 *   财政金融局 0 → 4; 阿拉善右旗 0 → 4; 淮安 64+4+1 = 69 → 0; 洪泽 2023 1 → 2; 洪泽 2024 1 → 2.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findingFingerprint, runChecks, type YearReport } from "../checks/rules";
import { parseReportAsync, type ParsedReport } from "../parse/index";
import { DEFAULT_RUBRIC } from "./default-rubric";
import { scoreReport, type Entry, type ReportEvidence } from "./score";

type Points = [
  onTime: number | null,
  consistency: number,
  narrative: number,
  format: number,
  complete: number,
  similarity: number,
  corrections: number,
];

const GOLDEN: {
  file: string;
  agency: string;
  year: number;
  kind: "government" | "department";
  prev?: string;
  points: Points;
  auto: number;
}[] = [
  {
    file: "pingtan-2019.html",
    agency: "平潭综合实验区",
    year: 2019,
    kind: "government",
    prev: "pingtan-2018.html",
    points: [3, 4, 2, 1, 1, 1, 4],
    auto: 16,
  },
  {
    file: "pingtan-2020.html",
    agency: "平潭综合实验区",
    year: 2020,
    kind: "government",
    prev: "pingtan-2019.html",
    points: [3, 2, 2, 1, 1, 1, 4],
    auto: 14,
  },
  {
    file: "pingtan-2021.html",
    agency: "平潭综合实验区",
    year: 2021,
    kind: "government",
    prev: "pingtan-2020.html",
    points: [3, 4, 2, 1, 1, 1, 4],
    auto: 16,
  },
  {
    file: "pingtan-2022.html",
    agency: "平潭综合实验区",
    year: 2022,
    kind: "government",
    prev: "pingtan-2021.html",
    points: [3, 4, 2, 1, 2, 1, 2],
    auto: 15,
  },
  {
    file: "pingtan-2023.html",
    agency: "平潭综合实验区",
    year: 2023,
    kind: "government",
    prev: "pingtan-2022.html",
    points: [3, 4, 1, 1, 1, 1, 2],
    auto: 13,
  },
  {
    file: "pingtan-2024.html",
    agency: "平潭综合实验区",
    year: 2024,
    kind: "government",
    prev: "pingtan-2023.html",
    points: [3, 4, 2, 1, 1, 1, 0],
    auto: 12,
  },
  {
    file: "pingtan-2025.html",
    agency: "平潭综合实验区",
    year: 2025,
    kind: "government",
    prev: "pingtan-2024.html",
    points: [3, 4, 2, 1, 1, 1, 0],
    auto: 12,
  },
  {
    file: "pingtan-czj-2024.html",
    agency: "平潭综合实验区财政金融局",
    year: 2024,
    kind: "department",
    points: [3, 4, 2, 1, 2, 1, 4],
    auto: 17,
  },
  {
    file: "pingtan-czj-2025.html",
    agency: "平潭综合实验区财政金融局",
    year: 2025,
    kind: "department",
    prev: "pingtan-czj-2024.html",
    points: [3, 4, 2, 1, 2, 0, 4],
    auto: 16,
  },
  {
    file: "seed-alashan-youqi-minzheng-2021.txt",
    agency: "阿拉善右旗民政局",
    year: 2021,
    kind: "department",
    points: [3, 2, 2, 1, 2, 1, 4],
    auto: 15,
  },
  { file: "huaian-2024.pdf", agency: "淮安市人民政府", year: 2024, kind: "government", points: [null, 4, 2, 1, 1, 1, 0], auto: 9 },
  { file: "hongze-2023.pdf", agency: "淮安市洪泽区人民政府", year: 2023, kind: "government", points: [null, 2, 2, 0, 1, 1, 2], auto: 8 },
  {
    file: "hongze-2024.pdf",
    agency: "淮安市洪泽区人民政府",
    year: 2024,
    kind: "government",
    prev: "hongze-2023.pdf",
    points: [null, 4, 1, 0, 1, 1, 2],
    auto: 9,
  },
];

const AUTO_IDS = ["on_time", "consistency", "narrative", "format", "complete", "similarity", "corrections"];
const SAMPLES = path.join(process.cwd(), "data", "samples");

const parsed = new Map<string, ParsedReport>();
async function load(file: string): Promise<ParsedReport> {
  if (!parsed.has(file)) {
    const out = await parseReportAsync({ name: file, bytes: readFileSync(path.join(SAMPLES, file)) });
    if (!out.ok) throw new Error(`${file}: ${out.error}`);
    parsed.set(file, out.report);
  }
  return parsed.get(file)!;
}

/** The evidence db/queries/scoring.ts gathers from the stored report, built from the parsed one. */
async function evidenceFor(g: (typeof GOLDEN)[number]): Promise<ReportEvidence> {
  const r = await load(g.file);
  const p = g.prev ? await load(g.prev) : null;
  const prev: YearReport | null = p ? { year: g.year - 1, format: p.format, mixed: p.mixed, cells: p.cells, narrative: p.narrative } : null;
  const seen = new Set<string>();
  const found = runChecks({
    format: r.format,
    cells: r.cells,
    mixed: r.mixed,
    year: g.year,
    publishedOn: r.publishedOn,
    agencyKind: g.kind,
    narrative: r.narrative,
    missing: r.missing,
    prev,
  }).filter((f) => {
    const fp = findingFingerprint(f);
    if (seen.has(fp)) return false;
    seen.add(fp);
    return true;
  });
  return {
    reportId: 1,
    year: g.year,
    agencyKind: g.kind,
    format: r.format,
    publishedOn: r.publishedOn,
    cells: r.cells,
    findings: found.map((f, i) => ({ id: i + 1, rule: f.rule, severity: f.severity, cells: f.cells, message: f.message })),
    previousReportId: p ? 2 : null,
  };
}

describe("golden table: default rubric on the demo reports", () => {
  beforeAll(async () => {
    await Promise.all(GOLDEN.flatMap((g) => [load(g.file), ...(g.prev ? [load(g.prev)] : [])]));
  }, 120_000);

  it("the rubric is the one the table was written for", () => {
    expect(DEFAULT_RUBRIC.indicators.map((x) => [x.id, x.max])).toEqual([
      ["on_time", 3],
      ["consistency", 4],
      ["narrative", 2],
      ["format", 1],
      ["complete", 2],
      ["similarity", 1],
      ["corrections", 4],
      ["column", 2],
      ["accessible", 1],
    ]);
  });

  for (const g of GOLDEN) {
    it(`${g.agency} ${g.year}`, async () => {
      const e = await evidenceFor(g);
      const s = scoreReport(DEFAULT_RUBRIC, e);
      const byId = Object.fromEntries(s.items.map((i) => [i.indicatorId, i.points]));
      expect(AUTO_IDS.map((id) => byId[id])).toEqual(g.points);
      expect(s.total).toBe(g.auto);
      expect(s.max).toBe(20);
      // Manual indicators are not entered, so nothing here is complete yet.
      expect(s.complete).toBe(false);
      expect(s.missing.map((x) => x.indicatorId)).toEqual([...(g.points[0] === null ? ["on_time"] : []), "column", "accessible"]);
    });
  }

  it("entering the manual indicators completes a score: 平潭 2024 with 年报专栏 2, 可获取性 1 → 15", async () => {
    const at = "2026-04-01T00:00:00Z";
    const entries: Record<string, Entry> = {
      column: { method: "manual", points: 2, reason: "", by: "测试", at },
      accessible: { method: "manual", points: 1, reason: "", by: "测试", at },
    };
    const s = scoreReport(DEFAULT_RUBRIC, await evidenceFor(GOLDEN[5]), entries);
    expect(s.complete).toBe(true);
    expect(s.total).toBe(15);
  });
});
