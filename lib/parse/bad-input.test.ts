/**
 * What agencies and users actually send besides clean UTF-8: GBK pages without a charset, GB18030
 * text files, UTF-16 from Notepad, binary garbage, broken archives, zip bombs. Each is read or
 * refused with a Chinese message naming the problem — never an exception.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { msg } from "../messages";
import { isZip, listZip } from "./archive";
import { SAMPLES } from "../../test/fixtures";
import { decodeBytes, parseReport, parseReportAsync } from "./index";

/** GB18030 encoder built from the platform's decoder (Node has no GBK encoder): two-byte codes only. */
const GBK = (() => {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder("gb18030");
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== "\ufffd" && !map.has(ch)) map.set(ch, [a, b]);
    }
  return (text: string) => {
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) out.push(code);
      else out.push(...(map.get(ch) ?? [0x3f]));
    }
    return new Uint8Array(out);
  };
})();

const seedText = readFileSync(path.join(SAMPLES, "seed-alashan-youqi-minzheng-2021.txt"), "utf8");
const seed = parseReport({ name: "seed.txt", bytes: new TextEncoder().encode(seedText) });
if (!seed.ok) throw new Error(seed.error);

describe("encodings", () => {
  it("a GB18030 file named .txt reads the same cells as UTF-8", () => {
    const out = parseReport({ name: "seed.txt", bytes: GBK(seedText) });
    if (!out.ok) throw new Error(out.error);
    expect(out.report.cells).toEqual(seed.report.cells);
    expect(out.report.agency).toBe("阿拉善右旗民政局");
  });

  it("a GBK web page without a charset declaration is detected", () => {
    const page = readFileSync(path.join(SAMPLES, "pingtan-2022.html"), "utf8").replace(/<meta[^>]*charset[^>]*>/gi, "");
    const utf8 = parseReport({ name: "p.html", bytes: new TextEncoder().encode(page) });
    const gbk = parseReport({ name: "p.html", bytes: GBK(page) });
    if (!utf8.ok || !gbk.ok) throw new Error("unread");
    expect(gbk.report.cells).toEqual(utf8.report.cells);
    expect(gbk.report.year).toBe(2022);
  });

  it("a page declaring gb2312 is read as GB18030; one declaring gb2312 but saved as UTF-8 stays UTF-8", () => {
    const html = `<html><head><meta charset="gb2312"><title>某某局2024年政府信息公开工作年度报告</title></head><body><p>正文</p></body></html>`;
    expect(decodeBytes(GBK(html))).toBe(html);
    expect(decodeBytes(new TextEncoder().encode(html))).toBe(html);
  });

  it("UTF-16 with a byte-order mark (Windows Notepad's 'Unicode')", () => {
    const body = new Uint8Array(seedText.length * 2 + 2);
    body.set([0xff, 0xfe]);
    for (let i = 0; i < seedText.length; i++) {
      const c = seedText.charCodeAt(i);
      body[2 + i * 2] = c & 0xff;
      body[3 + i * 2] = c >> 8;
    }
    const out = parseReport({ name: "seed.txt", bytes: body });
    if (!out.ok) throw new Error(out.error);
    expect(out.report.cells).toEqual(seed.report.cells);
  });

  it("bytes no encoding reads get the encoding message; control bytes the binary one", () => {
    const undecodable = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0x20 : 0x81)));
    expect(parseReport({ name: "x.txt", bytes: undecodable })).toEqual({ ok: false, error: msg.errors.encoding });
    const garbage = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(parseReport({ name: "x.txt", bytes: garbage })).toEqual({ ok: false, error: msg.errors.binary });
  });
});

describe("bad files", () => {
  it("an empty file, a file over the limit, a non-report: each its own message", async () => {
    expect(await parseReportAsync({ name: "x.html", bytes: new Uint8Array() })).toEqual({ ok: false, error: msg.errors.empty });
    expect(await parseReportAsync({ name: "x.txt", bytes: new Uint8Array(21 * 1024 * 1024).fill(0x41) })).toEqual({
      ok: false,
      error: msg.errors.tooLarge(20),
    });
    const out = await parseReportAsync({ name: "x.txt", bytes: new TextEncoder().encode("会议通知\n明天开会。") });
    expect(out).toEqual({ ok: false, error: msg.errors.notReport });
  });

  it("a corrupted .docx (truncated zip) gets the Word message", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", `<w:document>${"x".repeat(5000)}</w:document>`);
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(await parseReportAsync({ name: "r.docx", bytes: bytes.slice(0, bytes.length >> 1) })).toEqual({
      ok: false,
      error: msg.errors.docxUnreadable,
    });
  });
});

describe(".zip archives", () => {
  it("lists report files only: folders and OS junk left out, other types named as unsupported", async () => {
    const zip = new JSZip();
    zip.file("年报/seed.txt", seedText);
    zip.file("__MACOSX/年报/._seed.txt", "junk");
    zip.file("年报/.DS_Store", "junk");
    zip.file("Thumbs.db", "junk");
    zip.file("年报/统计.xlsx", "x");
    zip.folder("空文件夹");
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(isZip(bytes, "reports.zip")).toBe(true);
    const listed = await listZip(bytes);
    if (!listed.ok) throw new Error(listed.error);
    expect(listed.entries.map((e) => e.path)).toEqual(["年报/seed.txt"]);
    expect(listed.unsupported).toEqual([{ path: "年报/统计.xlsx", error: msg.errors.unsupportedType("统计.xlsx") }]);
    const read = await listed.entries[0].read();
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe(seedText);
  });

  it("decodes file names packed in GBK (Chinese Windows) ", async () => {
    const zip = new JSZip();
    zip.file("某某局2024年报.txt", seedText);
    const bytes = await zip.generateAsync({ type: "uint8array", encodeFileName: (name) => GBK(name) as unknown as string });
    const listed = await listZip(bytes);
    expect(listed.ok && listed.entries.map((e) => e.path)).toEqual(["某某局2024年报.txt"]);
  });

  it("refuses a zip bomb before inflating it", async () => {
    const zip = new JSZip();
    zip.file("a.txt", new Uint8Array(3 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.length).toBeLessThan(64 * 1024);
    expect(await listZip(bytes, { maxTotalMb: 2 })).toEqual({ ok: false, error: msg.errors.zipTooLarge(2) });
  });

  it("a corrupted or truncated zip gets the archive message", async () => {
    expect(await listZip(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]))).toEqual({ ok: false, error: msg.errors.zipUnreadable });
    const zip = new JSZip();
    zip.file("a.txt", seedText);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(await listZip(bytes.slice(0, bytes.length - 30))).toEqual({ ok: false, error: msg.errors.zipUnreadable });
  });
});
