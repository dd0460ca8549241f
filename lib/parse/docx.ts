/**
 * Word .docx: mammoth turns the document into HTML and keeps the tables' merges (gridSpan →
 * colspan, vMerge → rowspan), so the report is read by the web-page reader's table path.
 */
import mammoth from "mammoth";
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
    // mammoth's Node build reads a Buffer only (its `arrayBuffer` input is the browser build's).
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return { ok: true, doc: { ...readHtml(value), kind: "docx" } };
  } catch {
    return { ok: false };
  }
}
