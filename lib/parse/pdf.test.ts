import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { msg } from "../messages";
import { SHARED_FIXTURES } from "../../test/fixtures";
import { parseReport, parseReportAsync } from "./index";
import { isPdf, pageLines, readPdf } from "./pdf";

/** A one-page PDF whose page draws a filled box and no text: what a scanned report looks like to us. */
function pdfWithoutText(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
    "<< /Length 26 >>\nstream\n0 0 1 rg 100 100 200 200 re f\nendstream",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe("PDF", () => {
  it("leaves the process's own Array.prototype.push and JSON after reading a PDF", async () => {
    const native = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    const file = path.join(process.cwd(), "data", "samples", "hongze-2023.pdf");
    const r = await readPdf(new Uint8Array(readFileSync(file)));
    expect(r.ok).toBe(true);
    // pdf.js's Node build replaces them with slower polyfills; every reader paid for it.
    expect(Array.prototype.push).toBe(native.push);
    expect(JSON.parse).toBe(native.parse);
    expect(JSON.stringify).toBe(native.stringify);
  });

  it("a PDF with no text layer gets a clear Chinese message", async () => {
    const bytes = pdfWithoutText();
    expect(isPdf(bytes)).toBe(true);
    expect(await readPdf(bytes)).toEqual({ ok: false, reason: "no_text" });
    expect(await parseReportAsync({ name: "scan.pdf", bytes })).toEqual({ ok: false, error: msg.errors.pdfNoText, scan: true });
  });

  it("a broken PDF is reported as unreadable", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\nthis is not a pdf at all");
    expect(await parseReportAsync({ name: "x.pdf", bytes })).toEqual({ ok: false, error: msg.errors.pdfUnreadable });
  });

  it("the synchronous entry sends PDF callers to parseReportAsync", () => {
    expect(parseReport({ name: "scan.pdf", bytes: pdfWithoutText() })).toEqual({ ok: false, error: msg.errors.asyncOnly });
  });

  it("rebuilds lines from item positions: one line per baseline, a cell per wide gap", () => {
    const items = [
      { str: "1288", x: 260, y: 323.1, w: 15, h: 7.5 },
      { str: "（一）予以公开", x: 101, y: 325.4, w: 52, h: 7.5 },
      { str: "21", x: 299.6, y: 323.1, w: 7.4, h: 7.5 },
      { str: "（二）部分公开（区分处理的，只计这一情", x: 101, y: 301.5, w: 144, h: 7.5 },
    ];
    const lines = pageLines(items, 4);
    expect(lines.map((l) => l.pieces.map((p) => p.text))).toEqual([
      ["（一）予以公开", "1288", "21"],
      ["（二）部分公开（区分处理的，只计这一情"],
    ]);
    expect(lines[0].loc).toEqual({ page: 4 });
  });
});

describe.skipIf(!existsSync(SHARED_FIXTURES))("PDF fixtures", () => {
  it("carries the page a cell was read on", async () => {
    const file = path.join(SHARED_FIXTURES, "reports", "huaian-2024.pdf");
    const out = await parseReportAsync({ name: "huaian-2024.pdf", bytes: readFileSync(file) });
    if (!out.ok) throw new Error(out.error);
    expect(out.report.sourceKind).toBe("pdf");
    expect(out.report.details["t2.rules.issued"].loc.page).toBe(3);
    expect(out.report.details["t3.unavailable_needs_creation.total"].loc.page).toBe(5);
  });
});
