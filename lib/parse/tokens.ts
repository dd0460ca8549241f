/**
 * Any presentation → one stream of tokens: template labels, values, printed blanks, empty cells and
 * cell boundaries. This is the only place that knows how a presentation separates cells; the
 * aligner (match.ts) reads every presentation from the same stream.
 *
 * A document arrives as lines and table rows (SourceDocument). Each row cell, and each text line,
 * is a cell: its text is cut into numbers and letter pieces. Consecutive letter pieces — across
 * cell and line boundaries, as long as no value stands between them — form a run, and template
 * labels are spotted in the run's skeleton (its Chinese characters). So a label wrapped over lines
 * (`本年新⏎制作数量`), split over cells (`| 业 | 构 | 益组织 |`) or run together with its
 * neighbours (`规章000行政规范性文件000`) is found the same way.
 */
import type { LexEntry } from "../report/labels";
import type { DocLine, SourceLoc } from "./document";
import { cellsOf, lexCell, type Item, type Piece } from "./lex";
import { spotRun } from "./spot-labels";
import { fuzzyLabel, looksTraditional } from "./fuzzy-labels";

export interface GridPos {
  line: number;
  col: number;
  width: number;
}

export type Tok =
  | {
      k: "label";
      pos?: GridPos;
      /** Every lexicon entry with this skeleton; the aligner picks by table and order. */
      entries: LexEntry[];
      text: string;
      loc: SourceLoc;
      /** The label fills its cell (bar an enumerator or annotation): a table cell, not prose. */
      whole: boolean;
      prefix: boolean;
    }
  | {
      k: "num";
      pos?: GridPos;
      raw: string;
      value: number;
      note?: string;
      loc: SourceLoc;
      /** Digits that may be several cells whose boundaries were lost. */
      splittable: boolean;
      /** OCR could not read it with confidence: it holds its cell's place but is never stored. */
      doubt?: boolean;
    }
  | { k: "blank"; raw: string; loc: SourceLoc; pos?: GridPos }
  | { k: "empty"; loc: SourceLoc; pos?: GridPos }
  | { k: "sep"; row: boolean }
  | {
      k: "text";
      text: string;
      loc: SourceLoc;
      /** A parenthesised annotation (`（指2019年事项数）`). */
      paren: boolean;
      /** Follows the previous token in the same cell with nothing between (prose, not a cell). */
      glued: boolean;
    };

/**
 * Where the tables can begin: the first line naming a table's header. The prose before it (the
 * report's longest part, 一、总体情况) holds no cell, so it is not tokenized. A document where no
 * such line is found (OCR noise, Traditional characters) is read whole.
 */
const TABLE_START = /第二十条|信息内容|勾稽|申请人情况|本年新收|本年制发|本年新制作/;

function tableStart(lines: DocLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t = l.kind === "text" ? l.text : l.cells.map((c) => c.text).join("");
    if (TABLE_START.test(t.replace(/\s+/g, ""))) return Math.max(0, i - 3);
  }
  return 0;
}

/**
 * The token stream of a document. Letter runs are spotted for labels (longest first); what is not
 * a label stays text. Enumerators in front of a label (`一、`, `（三）`) belong to it.
 */
export function tokenize(lines: DocLine[]): Tok[] {
  const traditional = looksTraditional(lines);
  if (!traditional) lines = lines.slice(tableStart(lines));
  const cells = cellsOf(lines, traditional);
  const items: Item[] = [];
  cells.forEach((c, i) => {
    if (i > 0) items.push({ kind: "sepMark", row: c.row });
    lexCell(c, i, items);
  });

  const out: Tok[] = [];
  let run: Piece[] = [];
  // A separator after letters: inside the run if more letters follow (spotRun marks it by the
  // pieces' cells), after it otherwise.
  let pending: { row: boolean } | undefined;
  const flushRun = () => {
    if (run.length) spotRun(run, out);
    run = [];
    if (pending) out.push({ k: "sep", row: pending.row });
    pending = undefined;
  };
  for (const it of items) {
    if ("kind" in it && it.kind === "letters") {
      pending = undefined;
      run.push(it);
      continue;
    }
    if ("kind" in it && it.kind === "sepMark") {
      if (run.length) pending = { row: it.row || (pending?.row ?? false) };
      else out.push({ k: "sep", row: it.row });
      continue;
    }
    flushRun();
    out.push(it as Tok);
  }
  flushRun();
  // Text standing alone in its cell may be a label read with noise.
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (t.k !== "text" || t.paren || t.glued) continue;
    const prev = out[i - 1];
    const next = out[i + 1];
    const alone =
      (!prev || prev.k === "sep" || prev.k === "label") &&
      (!next || next.k === "sep" || next.k === "num" || next.k === "blank" || next.k === "empty");
    if (!alone) continue;
    const entries = fuzzyLabel(t.text);
    if (entries) out[i] = { k: "label", entries, text: t.text, loc: t.loc, whole: true, prefix: false };
  }
  return out;
}
