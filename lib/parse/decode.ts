/**
 * What a file is before it is read: its text (the encoding found from the bytes), whether it is a
 * binary file, and which text reader takes it (plain text, layout text, web page).
 */
import { isUtf8 } from "node:buffer";
import { looksLikeLayout } from "./layout";
import type { SourceKind } from "./document";

export type TextKind = Exclude<SourceKind, "pdf" | "docx">;

/** A web page, whatever its name says: pages are saved or pasted as .txt too. */
const HTML_START = /^\s*(?:<!doctype html|<html|<meta|<table|<body|<head|<div|<p[\s>])/i;
const looksLikeHtml = (text: string) => HTML_START.test(text) || (/<table[\s>]/i.test(text) && /<\/t[dr]>/i.test(text));

export function kindOf(name: string, text: string): TextKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === "html" || ext === "htm" || ext === "shtml") return "html";
  const plain = () => (looksLikeHtml(text) ? "html" : looksLikeLayout(text) ? "layout" : "text");
  if (ext === "txt" || ext === "text") return plain();
  if (ext === "md") return "text";
  if (ext && ext !== name.toLowerCase()) return null;
  return plain();
}

const UTF8 = new TextDecoder("utf-8");

/**
 * Bytes to text. A byte-order mark decides; then valid UTF-8 is UTF-8 (Chinese text in GBK is
 * practically never valid UTF-8, while pages saved as UTF-8 often keep the template's
 * `charset=gb2312`); then the charset the page declares; then GB18030 (a superset of GBK and
 * GB2312, what undeclared Chinese files almost always are). null: no encoding reads it cleanly.
 */
export function decodeBytes(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const utf16 = utf16Of(bytes);
  if (utf16) return tryDecode(utf16.bom ? bytes.subarray(2) : bytes, utf16.enc);
  // isUtf8 (simdutf) then a lenient decode is faster than a fatal TextDecoder.
  if (isUtf8(bytes)) return UTF8.decode(bytes);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  for (const enc of [declared, "gb18030"]) {
    if (!enc || /^utf-?8$/.test(enc)) continue;
    const text = tryDecode(bytes, enc === "gb2312" || enc === "gbk" || enc === "x-gbk" ? "gb18030" : enc);
    if (text !== null) return text;
  }
  return null;
}

function tryDecode(bytes: Uint8Array, enc: string): string | null {
  try {
    return new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    return null; // an unknown label or bytes that are not in this encoding
  }
}

/** UTF-16 by its byte-order mark, or by every other byte being NUL (ASCII-range text without one). */
function utf16Of(bytes: Uint8Array): { enc: "utf-16le" | "utf-16be"; bom: boolean } | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { enc: "utf-16le", bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { enc: "utf-16be", bom: true };
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.4 && evenNul < half * 0.05) return { enc: "utf-16le", bom: false };
  if (evenNul > half * 0.4 && oddNul < half * 0.05) return { enc: "utf-16be", bom: false };
  return null;
}

/** Control bytes (other than tab and line ends) in the first 8 KB: a binary file, not text in an unknown encoding. */
export function binaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  return controls > n * 0.01;
}

export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes("\u0000")) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > sample.length * 0.01;
}
