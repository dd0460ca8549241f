import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { msg } from "../messages";
import { cellKeys } from "../report/cell-keys";
import { SHARED_FIXTURES } from "../../test/fixtures";
import { isDocx, readDocx } from "./docx";
import { parseReportAsync } from "./index";

const TEMPLATE = path.join(SHARED_FIXTURES, "reports", "template-2021-blank.docx");

/**
 * The blank national template filled in: a title with organ and year, and 1, 2, 3 … in every empty
 * table cell in document order (cells a vertical merge continues stay empty, as Word keeps them).
 */
async function filledTemplate(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(TEMPLATE));
  let xml = await zip.file("word/document.xml")!.async("string");
  xml = xml.replace("政府信息公开工作年度报告格式模板", "某某市某某局2024年政府信息公开工作年度报告");
  let n = 0;
  xml = xml.replace(/<w:tc>([\s\S]*?)<\/w:tc>/g, (tc, inner: string) => {
    const text = [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    if (text.trim().replace(/\u3000/g, "") || /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(inner)) return tc;
    const i = inner.lastIndexOf("</w:p>");
    if (i < 0) return tc;
    n++;
    return `<w:tc>${inner.slice(0, i)}<w:r><w:t>${n}</w:t></w:r>${inner.slice(i)}</w:tc>`;
  });
  zip.file("word/document.xml", xml);
  return zip.generateAsync({ type: "uint8array" });
}

describe.skipIf(!existsSync(TEMPLATE))("Word .docx", () => {
  it("the blank national template is not a report: no figure, no organ, no year", async () => {
    const bytes = new Uint8Array(readFileSync(TEMPLATE));
    expect(isDocx(bytes, "template.docx")).toBe(true);
    expect(await parseReportAsync({ name: "template.docx", bytes })).toEqual({ ok: false, error: msg.errors.blankTemplate });
  });

  it("keeps Word's merged cells, so group labels stand beside their rows", async () => {
    const read = await readDocx(readFileSync(TEMPLATE));
    if (!read.ok) throw new Error("unreadable");
    const rows = read.doc.lines.flatMap((l) => (l.kind === "row" ? [l.cells.map((c) => c.text)] : []));
    expect(rows).toContainEqual(expect.arrayContaining(["三、本年度办理结果", "（六）其他处理", "3.其他"]));
  });

  it("a filled-in template reads every cell under its own key, in the template's order", async () => {
    const out = await parseReportAsync({ name: "filled.docx", bytes: await filledTemplate() });
    if (!out.ok) throw new Error(out.error);
    const r = out.report;
    expect(r.sourceKind).toBe("docx");
    expect([r.agency, r.year, r.format]).toEqual(["某某市某某局", 2024, "2021"]);
    const keys = cellKeys("2021");
    expect(Object.keys(r.cells).sort()).toEqual([...keys].sort());
    // Numbers were written 1, 2, 3 … in reading order: any shift or swap breaks the sequence.
    expect(keys.map((k) => r.cells[k])).toEqual(keys.map((_, i) => i + 1));
    expect(r.issues).toEqual([]);
  });

  it("a broken .docx gets a Chinese message", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(await parseReportAsync({ name: "x.docx", bytes })).toEqual({ ok: false, error: msg.errors.docxUnreadable });
  });
});
