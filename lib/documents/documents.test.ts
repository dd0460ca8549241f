/**
 * The documents' content: every item and finding present with its cell references (table, row,
 * column, printed figure, place in the original), the due date and the rule; the .docx is opened
 * (unzipped) and read back; LibreOffice turns the check-up into a one-page PDF.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { blocksText, bulletinBlocks, checkupBlocks, noticeBlocks, type CheckupData, type NoticeItem } from "./blocks";
import { blocksToDocx } from "./docx";
import { docxToPdf, sofficePath } from "./pdf";
import { bulletinTables } from "./tables";
import { toXlsx } from "../export/xlsx";

const items: NoticeItem[] = [
  {
    id: 11,
    year: 2020,
    rule: "t3.results_sum",
    message: "表三 自然人列：办理结果各项合计 26，（七）总计 20，相差 6",
    cells: [
      { key: "t3.total_handled.natural_person", value: 20, raw: "20", where: "第 3 个表格第 30 行第 3 列" },
      { key: "t3.partially_disclosed.natural_person", value: 6, raw: "6", where: "第 3 个表格第 8 行第 3 列" },
    ],
    dueOn: "2026-03-31",
    note: "更正后重新发布",
  },
  {
    id: 12,
    year: 2023,
    rule: "t4.group_total",
    message: "表四 行政复议：结果维持、结果纠正、其他结果、尚未审结合计 11，总计 0，相差 11",
    cells: [{ key: "t4.review.total", value: 0, raw: "0", where: "第 2 页" }],
    dueOn: "2026-04-15",
    note: "",
  },
];

async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  // Paragraph ends become newlines; the runs' text is what Word shows.
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

describe("整改通知书", () => {
  const blocks = noticeBlocks({ agency: "平潭综合实验区", items, today: "2026-03-01" });

  it("names the agency and every finding, with table, row, column, the printed figure, its place, the rule and the due date", async () => {
    const text = await docxText(await blocksToDocx(blocks, { title: "t" }));
    expect(text).toContain("平潭综合实验区：");
    expect(text).toContain("2020 年度、2023 年度");
    for (const it of items) {
      expect(text).toContain(it.message);
      expect(text).toContain(`编号 ${it.id}`);
    }
    expect(text).toContain("表三 办理结果总计·自然人");
    expect(text).toContain("表三 部分公开·自然人");
    expect(text).toContain("20（原文位置：第 3 个表格第 30 行第 3 列）");
    expect(text).toContain("6（原文位置：第 3 个表格第 8 行第 3 列）");
    expect(text).toContain("表四 行政复议·总计");
    expect(text).toContain("违反的核对规则：表三 每列：办理结果各项之和 = （七）总计");
    expect(text).toContain("整改期限：2026年3月31日");
    expect(text).toContain("整改期限：2026年4月15日");
    expect(text).toContain("整改要求：更正后重新发布");
  });

  it("says so when nothing is to be corrected", () => {
    expect(blocksText(noticeBlocks({ agency: "甲", items: [], today: "2026-03-01" }))).toContain("没有未办结的整改事项");
  });
});

describe("通报", () => {
  const data = {
    region: "福建省",
    counts: [
      { name: "平潭综合实验区", total: 3, open: 2, responded: 0, accepted: 1, overdue: 2 },
      { name: "平潭综合实验区财政金融局", total: 1, open: 0, responded: 1, accepted: 0, overdue: 0 },
    ],
    overdue: [
      { agency: "平潭综合实验区", year: 2020, message: "表三 自然人列：办理结果各项合计 26", dueOn: "2026-01-31", overdueDays: 29 },
    ],
    today: "2026-03-01",
  };

  it("counts per agency with a total, marks overdue in words, and lists overdue items", async () => {
    const text = await docxText(await blocksToDocx(bulletinBlocks(data), { title: "t" }));
    expect(text).toContain("福建省政府信息公开工作年度报告问题整改情况通报");
    expect(text).toContain("共下发整改事项 4 项，涉及 2 个单位，其中已逾期未整改 2 项");
    expect(text).toContain("2（逾期）");
    expect(text).toContain("合计");
    expect(text).toContain("逾期 29 天");
    expect(text).toContain("2026年1月31日");
  });

  it("as .xlsx: a sheet of counts and a sheet of overdue items", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await toXlsx(bulletinTables(data))) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["各单位整改情况", "逾期未整改事项"]);
    expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, "平潭综合实验区", 3, 2, 0, 1, 2]);
    expect(wb.worksheets[1].getRow(2).getCell(5).value).toBe(29);
  });
});

const checkup: CheckupData = {
  agency: "平潭综合实验区",
  year: 2020,
  figures: [
    { key: "t3.received.total", value: 21, raw: "21", where: "第 3 个表格第 4 行第 9 列", prev: 14 },
    { key: "t3.total_handled.total", value: 21, raw: "21", where: "第 3 个表格第 30 行第 9 列", prev: null },
  ],
  findings: [{ severity: "error", rule: "t3.results_sum", message: items[0].message, cells: items[0].cells }],
  score: { total: 87.5, rubric: "默认评分细则", complete: true },
  rect: { total: 1, open: 1, responded: 0, accepted: 0, overdue: 1 },
  today: "2026-03-01",
};

describe("年报体检报告", () => {
  it("gives a verdict, key figures with 同比 and their cell references, findings, the score and 整改 status", async () => {
    const text = await docxText(await blocksToDocx(checkupBlocks(checkup), { title: "t", size: 20, margin: 851 }));
    expect(text).toContain("结论：发现 1 处勾稽错误，1 项整改未办结");
    expect(text).toContain("表三 本年新收·总计");
    expect(text).toContain("+7（+50%）");
    expect(text).toContain("第 3 个表格第 4 行第 9 列");
    expect(text).toContain(items[0].message);
    expect(text).toContain("表三 办理结果总计·自然人：20（原文位置：第 3 个表格第 30 行第 3 列）");
    expect(text).toContain("默认评分细则：87.5 分");
    expect(text).toContain("已逾期 1");
  });

  const soffice = sofficePath();
  // LibreOffice is installed by scripts/test.ts (apt-get) like chromium; without apt there is no way to convert.
  it.skipIf(!soffice)(
    "becomes a one-page PDF through LibreOffice, rasterized to PNG to be looked at",
    async () => {
      const pdf = await docxToPdf(await blocksToDocx(checkupBlocks(checkup), { title: "t", size: 20, margin: 851 }));
      expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
      const dir = mkdtempSync(path.join(os.tmpdir(), "dd-checkup-"));
      try {
        writeFileSync(path.join(dir, "c.pdf"), pdf);
        const info = execFileSync("pdfinfo", [path.join(dir, "c.pdf")]).toString();
        expect(info).toMatch(/Pages:\s+1\n/);
        const text = execFileSync("pdftotext", ["-layout", path.join(dir, "c.pdf"), "-"]).toString();
        expect(text).toContain("平潭综合实验区");
        expect(text).toContain("结论");
        execFileSync("pdftoppm", ["-png", "-r", "60", path.join(dir, "c.pdf"), path.join(dir, "page")]);
        expect(readdirSync(dir).filter((f) => f.endsWith(".png"))).toHaveLength(1);
      } finally {
        if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
