/**
 * Text transforms (ASCII punctuation, Traditional characters) and the row serialisers several presentations share.
 */
import * as OpenCC from "opencc-js/cn2t";
import { gridOf, textOf, type MCell, type MRow, type MTable, type ValueStyle } from "./tables";

// ---------------------------------------------------------------------------------------------
// Text transforms

/** The corpus' normalisation of full-width punctuation to ASCII. */
export function asciiPunct(s: string): string {
  return s.replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":").replace(/，/g, ",").replace(/；/g, ";");
}

let toTw: ((s: string) => string) | undefined;
const twLines = new Map<string, string>();
/** Traditional characters as a Taiwan mirror site converts them (incl. 文件→檔案). */
export function traditional(s: string): string {
  toTw ??= OpenCC.Converter({ from: "cn", to: "tw" });
  const conv = toTw;
  // line by line, cached: the tables' lines repeat across reports and the converter is slow
  return s
    .split("\n")
    .map((line) => {
      let t = twLines.get(line);
      if (t === undefined) {
        t = conv(line).replace(/文件/g, "檔案");
        if (twLines.size < 20000) twLines.set(line, t);
      }
      return t;
    })
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// Row serialisers shared by several presentations

/** A row's printed cells in order (rowspan cells only in their first row), with colspan fillers counted. */
export function rowCells(row: MRow, style: ValueStyle): { text: string; cell: MCell }[] {
  return row.cells.map((c) => ({ text: textOf(c, style), cell: c }));
}

/** Number of grid slots a row does not print (covered by spans): filler count. */
export function missingSlots(t: MTable, ri: number): number {
  const g = gridOf(t)[ri];
  return g.filter((s) => s === null || !s.origin).length;
}

/** Cells print with nothing for a blank (the style most presentations use). */
export const BLANK: ValueStyle = { blank: "" };

/** Each row's cell texts joined by `sep`: one line per row. */
export const rowLines = (t: MTable, style: ValueStyle, sep: string): string[] =>
  t.rows.map((row) =>
    rowCells(row, style)
      .map((c) => c.text)
      .join(sep),
  );
