/**
 * Old Word `.doc` (and WPS files saved in the same OLE format), still common on agencies' sites:
 * word-extractor reads the text stream, where a table cell ends in a tab. Cells become `|`-separated
 * text so the report goes through the text reader's one path (lib/parse/text.ts).
 */
import WordExtractor from "word-extractor";
import type { SourceDocument } from "./document";
import { readText } from "./text";

/** An OLE compound file (D0 CF 11 E0): .doc, .wps, .xls and others share this header. */
export const isOle = (bytes: Uint8Array) =>
  bytes.length > 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export type DocRead = { ok: true; doc: SourceDocument } | { ok: false };

export async function readDoc(bytes: Uint8Array): Promise<DocRead> {
  try {
    const extracted = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const body = extracted.getBody();
    if (!body.trim()) return { ok: false };
    // A tab closes a cell; the row's own end mark is a second tab. Either way the reader only
    // needs the cells apart, in order.
    const text = body
      .split("\n")
      .map((line) =>
        line.includes("\t")
          ? `| ${line
              .split("\t")
              .map((c) => c.trim())
              .join(" | ")} |`
          : line,
      )
      .join("\n");
    const doc = readText(text);
    return { ok: true, doc: { ...doc, kind: "text" } };
  } catch {
    return { ok: false };
  }
}
