/**
 * Word .docx: read word/document.xml straight from the zip and write its paragraphs and tables as
 * plain HTML — gridSpan → colspan, vMerge → rowspan — so the report goes through the web-page
 * reader's one table path. (mammoth did the same at ~150 ms a report; this is a few ms.)
 */
import JSZip from "jszip";
import type { SourceDocument } from "./document";
import { readHtml } from "./html";
import { inflate } from "./archive";
import { MAX_DOCX_XML_MB } from "./limits";

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
    const entry = zip.file("word/document.xml");
    if (!entry) return { ok: false };
    // Inflated chunk by chunk and stopped at the cap: a 450 KB file can inflate to 450 MB of XML.
    const read = await inflate(entry, MAX_DOCX_XML_MB * 1024 * 1024);
    if (!read.ok) return { ok: false };
    const xml = new TextDecoder().decode(read.bytes);
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

/**
 * The parts of word/document.xml the reader needs, as a tree built in one pass over the tags
 * (an uploaded file is untrusted: no regex may rescan the rest of the body per element — N unclosed
 * <w:tr> made the old reader quadratic and froze the server). Elements of other names are
 * transparent: their children belong to the nearest kept ancestor. Unclosed elements end where an
 * ancestor closes, or at the end of the document.
 */
interface El {
  name: string;
  attrs: string;
  kids: (El | string)[];
}
const KEPT = new Set(["w:body", "w:tbl", "w:tr", "w:tc", "w:p", "w:t", "w:tab", "w:br", "w:cr", "w:gridSpan", "w:vMerge"]);

function parseTree(xml: string): El {
  const root: El = { name: "#root", attrs: "", kids: [] };
  const stack: El[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const top = stack[stack.length - 1];
    if (lt < 0) {
      if (top.name === "w:t") top.kids.push(xml.slice(i));
      break;
    }
    if (lt > i && top.name === "w:t") top.kids.push(xml.slice(i, lt));
    const gt = xml.indexOf(">", lt);
    if (gt < 0) break;
    // Always moves past this '>', so the whole body is read once whatever the tags look like.
    i = gt + 1;
    const tag = xml.slice(lt + 1, gt);
    if (tag[0] === "/") {
      const name = tag.slice(1).trim();
      if (!KEPT.has(name)) continue;
      let at = stack.length - 1;
      while (at > 0 && stack[at].name !== name) at--;
      if (at > 0) stack.length = at;
      continue;
    }
    if (tag[0] === "?" || tag[0] === "!") continue;
    const m = /^([\w:.-]+)/.exec(tag);
    if (!m || !KEPT.has(m[1])) continue;
    const el: El = { name: m[1], attrs: tag.slice(m[1].length), kids: [] };
    top.kids.push(el);
    if (!tag.endsWith("/")) stack.push(el);
  }
  return root;
}

const elements = (el: El, name?: string) => el.kids.filter((k): k is El => typeof k !== "string" && (!name || k.name === name));

/** The first descendant of that name, not looking into nested tables. */
function find(el: El, name: string): El | undefined {
  const todo = [...elements(el)].reverse();
  while (todo.length) {
    const e = todo.pop()!;
    if (e.name === name) return e;
    if (e.name !== "w:tbl") for (let k = e.kids.length - 1; k >= 0; k--) if (typeof e.kids[k] !== "string") todo.push(e.kids[k] as El);
  }
  return undefined;
}

const attr = (e: El | undefined, name: string) => (e ? new RegExp(`\\b${name}="([^"]*)"`).exec(e.attrs)?.[1] : undefined);

function paragraphText(p: El): string {
  let s = "";
  const todo = [...p.kids].reverse();
  while (todo.length) {
    const k = todo.pop()!;
    if (typeof k === "string") continue;
    if (k.name === "w:t") s += unxml(k.kids.filter((x): x is string => typeof x === "string").join(""));
    else if (k.name === "w:tab") s += "\t";
    else if (k.name === "w:br" || k.name === "w:cr") s += "\n";
    else for (let j = k.kids.length - 1; j >= 0; j--) todo.push(k.kids[j]);
  }
  return s;
}

/** A table may not claim more columns than this (a hostile gridSpan would fill a huge grid). */
const MAX_SPAN = 64;

function tableHtml(tbl: El): string {
  type Slot = { text: string; span: number; rowspan: number; merge: "restart" | "continue" | null };
  const rows: Slot[][] = [];
  const grid: (Slot | undefined)[][] = [];
  for (const [r, tr] of elements(tbl, "w:tr").entries()) {
    const row: Slot[] = [];
    grid[r] = [];
    let col = 0;
    for (const tc of elements(tr, "w:tc")) {
      const span = Math.min(MAX_SPAN, Math.max(1, Number(attr(find(tc, "w:gridSpan"), "w:val") ?? 1) || 1));
      const vm = find(tc, "w:vMerge");
      const merge = vm ? (attr(vm, "w:val") === "restart" ? "restart" : "continue") : null;
      const text = elements(tc, "w:p").map(paragraphText).filter(Boolean).join(" ");
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
  const root = parseTree(xml);
  const body = find(root, "w:body") ?? root;
  const parts = elements(body)
    .filter((b) => b.name === "w:p" || b.name === "w:tbl")
    .map((b) => (b.name === "w:p" ? `<p>${html(paragraphText(b))}</p>` : tableHtml(b)));
  return `<html><body><div>${parts.join("\n")}</div></body></html>`;
}
