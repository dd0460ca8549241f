/**
 * Reading one row: the cells after a label (up to the next label or text) are fitted to the row's
 * keys by row-reading.ts and stored, or the row is listed unread with its source text. Scanned
 * figures read without confidence are listed, not stored. The aligner (match.ts) decides which
 * label starts which row; this module decides what the row's cells hold.
 */
import { describeCell, ALL_CELL_KEYS } from "../report/cell-keys";
import { msg } from "../messages";
import { skeleton } from "../report/labels";
import type { SourceLoc } from "./document";
import type { GridPos, Tok } from "./tokens";
import { NO_BALANCE, asNumbers, gridReading, readRow, type Balance, type SegCell, type Slot } from "./row-reading";
import { DIGIT_CONFIDENCE, DIGIT_CONFIDENCE_CHECKED, OCR_CERTAIN } from "./ocr-layout";
import type { ParseIssue, ReadCell } from "./read-cells";

/** A row that more than one reading fits: resolved later by the column identities (doubts.ts). */
export interface RowDoubt {
  rowKey: string;
  keys: string[];
  candidates: Slot[][];
  issue: ParseIssue;
}

/** The cells read so far, the issues, and the readers that add to them, over one token stream. */
export function rowReader(toks: Tok[]) {
  const cells: Record<string, ReadCell> = {};
  const issues: ParseIssue[] = [];
  const doubts: RowDoubt[] = [];

  const put = (key: string, slot: Slot) => {
    if (!ALL_CELL_KEYS.has(key)) {
      issues.push({ code: "unknown_column", message: msg.parse.unknownKey(key), loc: slot.loc });
      return;
    }
    if (cells[key]) {
      issues.push({ code: "duplicate_cell", message: msg.parse.duplicateCell(describeCell(key)), loc: slot.loc });
      return;
    }
    cells[key] = { value: slot.value, raw: slot.raw, ...(slot.note ? { note: slot.note } : {}), loc: slot.loc };
  };

  /**
   * The cells after token i up to the next label or text. Annotations right after the label are
   * skipped, and so are fragments of the row's own label or of the table's headers (a label or a
   * header wrapped into the data rows, `商业企 ⏎ 业 0`): `fragments` holds their skeletons.
   */
  const segmentAfter = (i: number, fragments: readonly string[] = []) => {
    const seg: SegCell[] = [];
    let j = i + 1;
    let sawSep = false;
    let sawValue = false;
    let rowStart = -1;
    let glued = false;
    for (; j < toks.length; j++) {
      const t = toks[j];
      if (t.k === "sep") {
        sawSep = true;
        if (t.row) rowStart = seg.length;
        continue;
      }
      if (t.k === "text" && t.paren && !sawValue) continue;
      if (t.k === "text" && fragments.length && !t.paren) {
        const sk = skeleton(t.text);
        if (sk && fragments.some((f) => f.includes(sk))) continue;
      }
      if (t.k === "num" || t.k === "blank") {
        if (!sawValue && !sawSep && seg.length === 0) glued = true;
        seg.push({ v: t });
        sawValue = true;
        continue;
      }
      if (t.k === "empty") {
        seg.push({ e: t.loc, ...(t.pos ? { pos: t.pos } : {}) });
        continue;
      }
      break;
    }
    // Empty cells opening the next label's row are its spacers (a merged group column), not ours.
    if (toks[j]?.k === "label" && rowStart > 0 && seg.slice(rowStart).every((c) => "e" in c)) seg.length = rowStart;
    return { seg, end: j, stop: toks[j] as Tok | undefined, sawSep, glued };
  };
  const sourceOf = (label: string, seg: SegCell[]) =>
    [label, ...seg.map((c) => ("v" in c ? c.v.raw : ""))].join(" | ").replace(/(\s\|\s)+$/, " |");

  /** Read a row of `keys` from the cells after token i (its label). Returns where the row ends. */
  const readAfter = (
    i: number,
    label: { text: string; loc: SourceLoc; whole: boolean; pos?: GridPos },
    where: string,
    keys: string[],
    balance: Balance,
    fragments: readonly string[] = [],
    grid?: Map<number, { first?: number; last?: number }>,
  ): { end: number; ok: boolean } => {
    const { seg, end, stop, glued } = segmentAfter(i, fragments);
    if (seg.length === 0 && stop?.k === "text") {
      // Prose that names a row (`行政许可事项办理…`) is not the row: a table label stands in its own
      // cell. A label alone in its cell and followed by other text: the row printed blank.
      if (stop.glued || !label.whole) return { end, ok: false };
    }
    let cellsIn = seg;
    const atEnd = stop === undefined;
    // An excerpt cut just after a row leaves the beginning of what followed it: the next row's
    // enumerator (`… 0 ⏎ 2`) or the first digits of a year (`… 0 ⏎ 20`). One value too many, last.
    if (atEnd) {
      const vals = cellsIn.filter((c) => "v" in c);
      const last = vals[vals.length - 1];
      if (vals.length === keys.length + 1 && last) cellsIn = cellsIn.slice(0, cellsIn.lastIndexOf(last));
    }
    const values = cellsIn.filter((c) => "v" in c);
    if (label.loc.ocr && values.length === 0) {
      // A scanned label with no figure beside it: its figures were lost or landed elsewhere (a
      // blank row is far rarer than a misplaced line). Listed, not read as blank.
      issues.push({ code: "low_confidence", message: msg.scan.lowConfidence(where), loc: label.loc, keys, source: label.text });
      return { end, ok: false };
    }
    // A scanned row whose identity fails was misread far more often than misprinted: unread.
    const scanned = values.some((c) => "v" in c && c.v.loc.ocr);
    if (scanned) {
      // Only figures read with confidence are stored: full confidence where no identity checks
      // the row (表二), a little less where one does.
      const min = balance === NO_BALANCE ? DIGIT_CONFIDENCE : DIGIT_CONFIDENCE_CHECKED;
      for (const c of values) if ("v" in c && c.v.k === "num" && (c.v.loc.ocr?.conf ?? 100) < min) c.v.doubt = true;
    }
    const r = (grid && gridReading(cellsIn, keys.length, label, grid)) || readRow(cellsIn, keys.length, balance, label.loc, atEnd, glued);
    // A printed blank (`—`, `/`, `无`) in a scanned table is as likely a speck or a rule remnant.
    const blankIn = scanned || label.loc.ocr ? values.some((c) => "v" in c && c.v.k === "blank") : false;
    // Every figure of the row in its own cell and read alike by two models with near certainty:
    // a failing identity is then the report's own misprint (as in a text PDF, for the checks to
    // report), not a misread.
    const certain =
      values.length === keys.length &&
      values.every((c) => "v" in c && c.v.k === "num" && !c.v.doubt && c.v.loc.ocr?.agreed && c.v.loc.ocr.conf >= OCR_CERTAIN);
    const doubtIn =
      blankIn ||
      values.some((c) => "v" in c && c.v.k === "num" && c.v.doubt) ||
      (scanned && r.kind === "ok" && !certain && !balance(asNumbers(r.slots)));
    if (r.kind === "ok" && doubtIn) {
      // An OCR figure read without confidence. Where every value stands in its own cell, only
      // that cell is unread; where blanks or splits were placed by an identity the doubtful
      // figure took part in, the whole row is.
      const exact = !blankIn && values.length === keys.length && r.slots.some((s) => s.doubt);
      const unsure = exact ? keys.filter((_, n) => r.slots[n].doubt) : keys;
      keys.forEach((k, n) => {
        if (!unsure.includes(k)) put(k, r.slots[n]);
      });
      const loc = r.slots.find((s) => s.doubt)?.loc ?? label.loc;
      issues.push({
        code: "low_confidence",
        message: msg.scan.lowConfidence(where),
        loc,
        keys: unsure,
        source: sourceOf(label.text, cellsIn),
      });
      return { end, ok: true };
    }
    if (r.kind === "ok") {
      keys.forEach((k, n) => put(k, r.slots[n]));
      return { end, ok: true };
    }
    if (r.kind === "cut") return { end, ok: false };
    const source = sourceOf(label.text, cellsIn);
    const issue: ParseIssue =
      r.kind === "doubt"
        ? { code: "uncertain_split", message: msg.parse.uncertainSplit(where), loc: label.loc, keys, source }
        : {
            code: r.extra ? "extra_values" : "row_shape",
            message: msg.parse.rowShape(where, r.got, keys.length),
            loc: label.loc,
            keys,
            source,
          };
    issues.push(issue);
    if (r.kind === "doubt" && r.candidates.length && !doubtIn)
      doubts.push({ rowKey: keys[0].split(".")[1], keys, candidates: r.candidates, issue });
    return { end, ok: false };
  };

  return { cells, issues, doubts, put, segmentAfter, readAfter };
}
