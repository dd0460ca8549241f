import { describe, expect, it } from "vitest";
import { normalizeListUrl, readSourceSheet } from "./sheet";

const gbk = (s: string) => {
  // Only the characters this test uses, as GBK bytes (TextEncoder writes UTF-8 only).
  const table: Record<string, number[]> = {
    单: [0xb5, 0xa5],
    位: [0xce, 0xbb],
    地: [0xb5, 0xd8],
    区: [0xc7, 0xf8],
    栏: [0xc0, 0xb8],
    目: [0xc4, 0xbf],
    址: [0xd6, 0xb7],
    甲: [0xbc, 0xd7],
    局: [0xbe, 0xd6],
  };
  return new Uint8Array([...s].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe("a sheet of website sources", () => {
  it("reads CSV with a BOM, quotes and blank lines, keeping line numbers", async () => {
    const csv =
      '\uFEFF单位,地区,栏目地址\n"平潭综合实验区财政金融局",平潭综合实验区,https://www.pingtan.gov.cn/czj/nb/\n\n甲局,"福建省/福州市",http://x.gov.cn/\n';
    const r = await readSourceSheet("s.csv", new TextEncoder().encode(csv));
    expect(r).toEqual({
      ok: true,
      rows: [
        { line: 2, agency: "平潭综合实验区财政金融局", region: "平潭综合实验区", listUrl: "https://www.pingtan.gov.cn/czj/nb/" },
        { line: 4, agency: "甲局", region: "福建省/福州市", listUrl: "http://x.gov.cn/" },
      ],
    });
  });

  it("reads a GBK CSV as Excel saves it, and names what is missing", async () => {
    const r = await readSourceSheet("s.csv", gbk("单位,地区,栏目地址\n甲局,地区,http://x/\n"));
    expect(r.ok && r.rows[0].agency).toBe("甲局");
    expect(await readSourceSheet("s.csv", new TextEncoder().encode("名称,网址\n甲,http://x/\n"))).toEqual({
      ok: false,
      error: "missing_columns",
    });
    expect(await readSourceSheet("s.csv", new TextEncoder().encode("单位,地区,栏目地址\n"))).toEqual({ ok: false, error: "empty" });
  });

  it("reads XLSX", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("来源");
    ws.addRow(["单位", "地区", "栏目地址"]);
    ws.addRow(["甲局", "福建省", { text: "栏目", hyperlink: "https://x.gov.cn/nb/" }]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await readSourceSheet("s.xlsx", bytes)).toEqual({
      ok: true,
      rows: [{ line: 2, agency: "甲局", region: "福建省", listUrl: "https://x.gov.cn/nb/" }],
    });
  });

  it("accepts only http(s) addresses", () => {
    expect(normalizeListUrl(" https://x.gov.cn/nb ")).toBe("https://x.gov.cn/nb");
    expect(normalizeListUrl("javascript:alert(1)")).toBeNull();
    expect(normalizeListUrl("www.x.gov.cn")).toBeNull();
  });
});
