/**
 * A .zip of reports → its report files, each read on demand. Runs in the browser (the import
 * page unzips there, so each file is its own request with its own progress step) and in Node
 * (`npm run import -- reports.zip`). Guards against zip bombs twice: the sizes the archive
 * declares must fit the limit before anything is inflated, and inflating stops as soon as an entry
 * outgrows what it declared.
 */
import JSZip from "jszip";
import { msg } from "../messages";
import { MAX_UPLOAD_MB, MAX_ZIP_FILES, MAX_ZIP_UNCOMPRESSED_MB } from "./limits";

const MB = 1024 * 1024;

/** File names the importer reads (lib/parse kindOf + PDF + Word). */
export const IMPORTABLE = /\.(txt|text|md|html?|shtml|pdf|docx|doc|wps)$/i;
const JUNK = /(^|\/)(__MACOSX\/|\.DS_Store$|\._[^/]*$|Thumbs\.db$|desktop\.ini$|\.git\/)/i;

export function isZip(bytes: Uint8Array, name = ""): boolean {
  if (/\.docx$/i.test(name)) return false;
  const pk =
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    (bytes[3] === 0x04 || bytes[3] === 0x06);
  return /\.zip$/i.test(name) || (pk && !/\.(docx|xlsx|pptx)$/i.test(name) && !hasWordPart(bytes));
}

function hasWordPart(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  return head.includes("word/document.xml");
}

export interface ZipEntry {
  /** Path inside the archive, folders included, names decoded (UTF-8 or GBK). */
  path: string;
  /** Declared uncompressed size in bytes. */
  size: number;
  read: () => Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }>;
}

export type ZipListing =
  | {
      ok: true;
      entries: ZipEntry[] /** Files the importer cannot read, with why (junk is left out silently). */;
      unsupported: { path: string; error: string }[];
    }
  | { ok: false; error: string };

/** Names without the UTF-8 flag are in the packer's code page: on Chinese Windows, GBK. */
function decodeName(bytes: string[] | Uint8Array): string {
  // jszip hands over the raw name bytes, as an array of numbers outside Node (typed string[]).
  const u8 = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes as unknown as number[]);
  for (const enc of ["utf-8", "gb18030"]) {
    try {
      return new TextDecoder(enc, { fatal: true }).decode(u8);
    } catch {
      /* next */
    }
  }
  return new TextDecoder("latin1").decode(u8);
}

export async function listZip(
  data: Uint8Array | ArrayBuffer,
  limits: { maxTotalMb?: number; maxFiles?: number; maxFileMb?: number } = {},
): Promise<ZipListing> {
  const maxTotal = (limits.maxTotalMb ?? MAX_ZIP_UNCOMPRESSED_MB) * MB;
  const maxFiles = limits.maxFiles ?? MAX_ZIP_FILES;
  const maxFile = (limits.maxFileMb ?? MAX_UPLOAD_MB) * MB;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { decodeFileName: decodeName, checkCRC32: true });
  } catch (e) {
    return { ok: false, error: /encrypt/i.test(String((e as Error)?.message)) ? msg.errors.zipEncrypted : msg.errors.zipUnreadable };
  }
  const files = Object.values(zip.files).filter((f) => !f.dir && !JUNK.test(f.name));
  const declared = (f: JSZip.JSZipObject) =>
    Number((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0);
  if (files.length > maxFiles) return { ok: false, error: msg.errors.zipTooMany(maxFiles) };
  const total = files.reduce((s, f) => s + Math.max(0, declared(f)), 0);
  if (total > maxTotal) return { ok: false, error: msg.errors.zipTooLarge(maxTotal / MB) };

  const entries: ZipEntry[] = [];
  const unsupported: { path: string; error: string }[] = [];
  for (const f of files.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))) {
    const size = declared(f);
    const base = f.name.split("/").pop() ?? f.name;
    if (!IMPORTABLE.test(base)) {
      unsupported.push({ path: f.name, error: msg.errors.unsupportedType(base) });
      continue;
    }
    if (size > maxFile) {
      unsupported.push({ path: f.name, error: msg.errors.tooLarge(maxFile / MB) });
      continue;
    }
    entries.push({ path: f.name, size, read: () => inflate(f, Math.min(size, maxFile)) });
  }
  return { ok: true, entries, unsupported };
}

/** jszip's internal stream (public in its docs, absent from its types): inflates chunk by chunk. */
interface StreamHelper {
  on(event: "data", cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error" | "end", cb: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** One entry's bytes, stopping the moment it outgrows its declared size (a lying header). */
export function inflate(f: JSZip.JSZipObject, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let got = 0;
    let done = false;
    const finish = (r: { ok: true; bytes: Uint8Array } | { ok: false; error: string }) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    let stream: StreamHelper;
    try {
      stream = (f as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream("uint8array");
    } catch {
      finish({ ok: false, error: msg.errors.zipEntryUnreadable(f.name) });
      return;
    }
    stream
      .on("data", (chunk: Uint8Array) => {
        got += chunk.length;
        if (got > limit) {
          stream.pause();
          finish({ ok: false, error: msg.errors.zipTooLarge(Math.ceil(limit / MB)) });
          return;
        }
        chunks.push(chunk);
      })
      .on("error", () => finish({ ok: false, error: msg.errors.zipEntryUnreadable(f.name) }))
      .on("end", () => {
        const bytes = new Uint8Array(got);
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.length;
        }
        finish({ ok: true, bytes });
      })
      .resume();
  });
}
