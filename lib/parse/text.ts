/** Report text as copied from a page: paragraphs, and table rows as cells separated by `|`. */
import { type DocLine, type SourceDocument } from "./document";

const MARKDOWN_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

export function readText(text: string): SourceDocument {
  const lines: DocLine[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || MARKDOWN_RULE.test(line)) return;
      const loc = { line: i + 1 };
      if (!line.includes("|")) {
        // A markdown heading's `#` marks are not part of the title or section name.
        lines.push({ kind: "text", text: line.replace(/^#{1,6}\s+/, ""), loc });
        return;
      }
      // A pipe closes the cell before it and opens the next: the text before a leading pipe and
      // after a trailing one is not a cell (`|` alone on a line separates, `||||` holds empty cells).
      let parts = line.split("|");
      if (line.startsWith("|")) parts = parts.slice(1);
      if (line.endsWith("|")) parts = parts.slice(0, -1);
      lines.push({ kind: "row", loc, cells: parts.map((p) => ({ text: p.trim(), loc })) });
    });
  return { kind: "text", lines, text: text.replace(/^\uFEFF/, "") };
}
