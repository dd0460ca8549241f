/** Report text as copied from a page: paragraphs, and table rows as cells separated by `|`. */
import { type DocLine, type SourceDocument } from "./document";

const MARKDOWN_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

export function readText(text: string): SourceDocument {
  const lines: DocLine[] = [];
  const raws = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  // Text taken from a web page's table puts each cell on a line. Where lines follow each other
  // without blank lines, a blank line is a blank cell; where blank lines separate every cell, a
  // second blank line is one. (The aligner drops empty cells a row does not need.)
  // Blank lines closing the text are not cells.
  while (raws.length && !raws[raws.length - 1].trim()) raws.pop();
  const empty = raws.filter((l) => !l.trim()).length;
  const spaced = empty * 3 > raws.length;
  let run = 0;
  let afterPipe = false;
  raws.forEach((raw, i) => {
      const line = raw.trim();
      const loc = { line: i + 1 };
      if (!line) {
        run++;
        if (!spaced || run >= 2) lines.push({ kind: "row", loc, cells: [{ text: "", loc }] });
        return;
      }
      run = 0;
      if (MARKDOWN_RULE.test(line)) return;
      // `x |` then a line of pipes alone: nothing stood between the two pipes — an empty cell.
      const gap = afterPipe && /^\|+$/.test(line);
      afterPipe = line.endsWith("|");
      if (gap) lines.push({ kind: "row", loc, cells: [{ text: "", loc }] });
      if (!line.includes("|")) {
        // A markdown heading's `#` marks are not part of the title or section name.
        lines.push({ kind: "text", text: line.replace(/^#{1,6}\s+/, ""), loc });
        return;
      }
      // Markdown rows open and close with a pipe: what lies outside them is not a cell. Rows that
      // only close with one (`规章 | 0 |`) or separate cells with pipes (`0 | ` ends on a blank
      // cell) keep what follows the last pipe as a cell; empty, it is a blank or a placeholder.
      let parts = line.split("|");
      if (line.startsWith("|")) parts = parts.slice(1, line.endsWith("|") ? -1 : undefined);
      lines.push({ kind: "row", loc, cells: parts.map((p) => ({ text: p.trim(), loc })) });
  });
  return { kind: "text", lines, text: text.replace(/^\uFEFF/, "") };
}
