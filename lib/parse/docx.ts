/**
 * Word .docx: read word/document.xml straight from the zip and write its paragraphs and tables as
 * plain HTML — gridSpan → colspan, vMerge → rowspan — so the report goes through the web-page
 * reader's one table path. (mammoth did the same at ~150 ms a report; this is a few ms.)
 */
import JSZip from "jszip";
import type { SourceDocument } from "./document";
import { readHtml } from "./html";

export type DocxRead = { ok: true; doc: SourceDocument } | { ok: false };

/** A zip (PK\x03\x04) holding word/document.xml: the name is checked only for the zip part. */
export function isDocx(bytes: Uint8Array, name: string): boolean {
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!zip) return false;
  if (/\.docx$/i.test(name)) return true;
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  return head.includes("word/");
}

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")?.async("string");
    if (!xml) return { ok: false };
    return { ok: true, doc: { ...readHtml(documentHtml(xml)), kind: "docx" } };
  } catch {
    return { ok: false };
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unxml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
  );
const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The top-level <w:tbl> and <w:p> elements of a span of XML, in order, nested tables kept whole. */
function blocks(xml: string): { tag: "p" | "tbl"; xml: string }[] {
  const out: { tag: "p" | "tbl"; xml: string }[] = [];
  const open = /<w:(tbl|p)(?=[\s>/])[^>]*?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml))) {
    const tag = m[1] as "p" | "tbl";
    if (m[2] === "/") continue; // an empty <w:p/>
    // Find the matching close tag, counting nested elements of the same name.
    const re = new RegExp(`<w:${tag}(?=[\\s>/])[^>]*?(/?)>|</w:${tag}>`, "g");
    re.lastIndex = open.lastIndex;
    let depth = 1;
    let end = xml.length;
    let n: RegExpExecArray | null;
    while ((n = re.exec(xml))) {
      if (n[0].startsWith("</")) depth--;
      else if (n[1] !== "/") depth++;
      if (depth === 0) {
        end = re.lastIndex;
        break;
      }
    }
    out.push({ tag, xml: xml.slice(m.index, end) });
    open.lastIndex = end;
  }
  return out;
}

function paragraphText(p: string): string {
  let s = "";
  for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) s += m[1] !== undefined ? unxml(m[1]) : m[2] === "tab" ? "\t" : "\n";
  return s;
}

function children(xml: string, tag: string): string[] {
  const inner = xml.slice(xml.indexOf(">") + 1, xml.lastIndexOf("<"));
  const out: string[] = [];
  const re = new RegExp(`<w:${tag}(?=[\\s>])[^>]*>[\\s\\S]*?</w:${tag}>`, "g");
  // Rows and cells do not nest within their own kind except through nested tables, which are
  // blanked out first so their rows are not taken for ours.
  const flat = inner.replace(/<w:tbl(?=[\s>])[\s\S]*?<\/w:tbl>/g, (t) => " ".repeat(t.length));
  for (const m of flat.matchAll(re)) out.push(inner.slice(m.index!, m.index! + m[0].length));
  return out;
}

function tableHtml(tbl: string): string {
  type Slot = { text: string; span: number; rowspan: number; merge: "restart" | "continue" | null };
  const rows: Slot[][] = [];
  const grid: (Slot | undefined)[][] = [];
  for (const [r, tr] of children(tbl, "tr").entries()) {
    const row: Slot[] = [];
    grid[r] = [];
    let col = 0;
    for (const tc of children(tr, "tc")) {
      const span = Number(/<w:gridSpan\s+w:val="(\d+)"/.exec(tc)?.[1] ?? 1) || 1;
      const vm = /<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/.exec(tc);
      const merge = vm ? (vm[1] === "restart" ? "restart" : "continue") : null;
      const text = blocks(tc)
        .map((b) => (b.tag === "p" ? paragraphText(b.xml) : ""))
        .filter(Boolean)
        .join(" ");
      const slot: Slot = { text, span, rowspan: 1, merge };
      if (merge === "continue") {
        const above = grid[r - 1]?.[col];
        if (above) {
          above.rowspan++;
          for (let c = 0; c < span; c++) grid[r][col + c] = above;
          col += span;
          continue;
        }
      }
      row.push(slot);
      for (let c = 0; c < span; c++) grid[r][col + c] = slot;
      col += span;
    }
    rows.push(row);
  }
  const trs = rows.map(
    (row) =>
      `<tr>${row
        .map((s) => `<td${s.span > 1 ? ` colspan="${s.span}"` : ""}${s.rowspan > 1 ? ` rowspan="${s.rowspan}"` : ""}>${html(s.text)}</td>`)
        .join("")}</tr>`,
  );
  return `<table>${trs.join("")}</table>`;
}

/** The document body as HTML the web-page reader understands. */
export function documentHtml(xml: string): string {
  const start = xml.indexOf("<w:body");
  const body = start >= 0 ? xml.slice(start, xml.lastIndexOf("</w:body>") + 9) : xml;
  const parts = blocks(body).map((b) => (b.tag === "p" ? `<p>${html(paragraphText(b.xml))}</p>` : tableHtml(b.xml)));
  return `<html><body><div>${parts.join("\n")}</div></body></html>`;
}
