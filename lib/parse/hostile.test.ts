/**
 * Hostile files, made here (never committed blobs): each once held the server for seconds to
 * minutes, or crashed it. Each must now be answered quickly, with a Chinese message or a result.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { msg } from "../messages";
import { documentHtml, readDocx } from "./docx";
import { readHtml } from "./html";
import { parseReportAsync } from "./index";
import { MAX_DOCX_XML_MB, MAX_PDF_PAGES } from "./limits";
import { readPdf } from "./pdf";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docxOf = async (body: string) => {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
};
const timed = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
};

describe("hostile Word files", () => {
  it("N unclosed <w:tr> is read in linear time (was quadratic: 15–47 s)", async () => {
    // Bounds are loose (the suite runs beside other heavy tests); the old reader took 9 s at 20,000
    // rows and grew with the square: 40,000 rows is ~4× that, the linear reader well under a second.
    const n = 40_000;
    const body = `<w:tbl>${"<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p>".repeat(n)}`;
    const [html, ms] = await timed(() => documentHtml(`<w:document ${W}><w:body>${body}</w:body></w:document>`));
    expect(ms).toBeLessThan(8_000);
    expect(html).toContain("<table>");
    const bytes = await docxOf(body);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const [r, ms2] = await timed(() => parseReportAsync({ name: "x.docx", bytes }));
    expect(ms2).toBeLessThan(20_000);
    expect(r.ok).toBe(false);
  });

  it("still reads a normal table the same way: spans, merges, nested tables left out of the cell", () => {
    const tc = (t: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}<w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>标题</w:t><w:tab/><w:t>二</w:t></w:r></w:p><w:tbl>
      <w:tr>${tc("a", '<w:gridSpan w:val="2"/>')}${tc("b", '<w:vMerge w:val="restart"/>')}</w:tr>
      <w:tr>${tc("c")}${tc("d")}<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>e</w:t></w:r></w:p><w:tbl><w:tr>${tc("inner")}</w:tr></w:tbl></w:tc></w:tr>
    </w:tbl></w:body></w:document>`;
    expect(documentHtml(xml)).toBe(
      '<html><body><div><p>标题\t二</p>\n<table><tr><td colspan="2">a</td><td rowspan="2">b</td></tr><tr><td>c</td><td>d</td></tr><tr><td>e</td></tr></table></div></body></html>',
    );
  });

  it("a huge gridSpan does not build a huge grid", async () => {
    const xml = `<w:document ${W}><w:body><w:tbl>${`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p/></w:tc></w:tr>`.repeat(2000)}</w:tbl></w:body></w:document>`;
    const [, ms] = await timed(() => documentHtml(xml));
    expect(ms).toBeLessThan(5_000);
  });

  it(`document.xml inflating past ${MAX_DOCX_XML_MB} MB is refused before it is all inflated (was: 450 MB, 2 GB RSS)`, async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", `<w:document ${W}><w:body>${" ".repeat((MAX_DOCX_XML_MB + 10) * 1024 * 1024)}</w:body></w:document>`);
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(await readDocx(bytes)).toEqual({ ok: false });
    expect(await parseReportAsync({ name: "bomb.docx", bytes })).toEqual({ ok: false, error: msg.errors.docxUnreadable });
  });
});

describe("hostile web pages", () => {
  it("huge colspan × rowspan is capped (was 13–22 s, 1.7 GB)", () => {
    const row = `<tr>${'<td colspan="100" rowspan="100">1</td>'.repeat(40)}</tr>`;
    const page = `<html><body><table>${row.repeat(100)}</table></body></html>`;
    expect(page.length).toBeGreaterThan(140_000);
    const t0 = performance.now();
    const read = readHtml(page);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(read.kind).toBe("html");
  });

  it.each([5_000, 200_000])("%i nested elements: no stack overflow, no minutes", (depth) => {
    const page = `<html><body>${"<div><span>".repeat(depth)}2024年政府信息公开工作年度报告${"</span></div>".repeat(depth)}</body></html>`;
    const t0 = performance.now();
    const read = readHtml(page);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(read.text).toContain("2024年政府信息公开工作年度报告");
  });

  it("unclosed nesting 200,000 deep (no end tags) is linear too", () => {
    const page = `<html><body>${"<div>".repeat(200_000)}文字</body></html>`;
    const t0 = performance.now();
    expect(readHtml(page).text).toContain("文字");
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

/** A valid PDF of `pages` blank pages sharing one empty content stream. */
function blankPdf(pages: number): Uint8Array {
  const objs: string[] = [];
  objs[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  const kids = Array.from({ length: pages }, (_, k) => `${k + 4} 0 R`).join(" ");
  objs[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  objs[3] = "<< /Length 0 >>\nstream\n\nendstream";
  for (let k = 0; k < pages; k++) objs[k + 4] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>";
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let i = 1; i < objs.length; i++) {
    offsets[i] = out.length;
    out += `${i} 0 obj\n${objs[i]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objs.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objs.length; i++) out += `${String(offsets[i]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe("hostile PDFs", () => {
  it(`reads at most ${MAX_PDF_PAGES} pages of a 20,000-page file (was minutes)`, async () => {
    const bytes = blankPdf(20_000);
    const t0 = performance.now();
    expect(await readPdf(bytes)).toEqual({ ok: false, reason: "no_text" });
    expect(performance.now() - t0).toBeLessThan(30_000);
  }, 60_000);
});
