/** Report text as copied from a page: paragraphs, and table rows as cells separated by `|`. */
import { PAGE_FOOTER, type DocLine, type SourceDocument } from "./document";

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
      if (!spaced || run >= 2) {
        lines.push({ kind: "row", loc, cells: [{ text: "", loc }] });
        afterPipe = false;
      }
      return;
    }
    run = 0;
    if (MARKDOWN_RULE.test(line) || PAGE_FOOTER.test(line)) return;
    // `x |` then `|` alone: nothing stood between the two pipes — an empty cell. A line of
    // several pipes is filler where a page's merged cells were (`|||`): no cell at all.
    if (/^\|+$/.test(line)) {
      if (afterPipe && line === "|") lines.push({ kind: "row", loc, cells: [{ text: "", loc }] });
      afterPipe = line === "|" || afterPipe;
      return;
    }
    afterPipe = line.endsWith("|");
    if (!line.includes("|")) {
      // A markdown heading's `#` marks are not part of the title or section name.
      lines.push({ kind: "text", text: line.replace(/^#{1,6}\s+/, ""), loc });
      return;
    }
    // A pipe at the start opens the first cell and one at the very end closes the last: what lies
    // outside them is not a cell. Only a pipe followed by space at the end of the line (`0 | `)
    // opens one more cell — a blank one.
    let parts = line.split("|");
    if (line.startsWith("|")) parts = parts.slice(1);
    if (line.endsWith("|") && !/\|[ \t\u00a0\u3000]+$/.test(raw)) parts = parts.slice(0, -1);
    lines.push({ kind: "row", loc, cells: parts.map((p) => ({ text: p.trim(), loc })) });
  });
  return { kind: "text", lines, text: text.replace(/^\uFEFF/, "") };
}
