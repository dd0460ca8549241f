/**
 * The aligner: the token stream of any presentation (tokens.ts) against the national template.
 *
 * The template is a grammar. Its labels come in a fixed order, each row has a fixed number of
 * cells, and identities hold between them (domain.md §5). So a row is read the same way whatever
 * the presentation: find its label, take what stands between it and the next label, and decide how
 * those values fill the row's cells. Where the source marks every cell, that decides; where it lost
 * boundaries (digits run together, blank cells that left no trace, spacer cells) the identities
 * must leave exactly one reading, or the row is left unread and listed with its source text.
 * Never a value under the wrong key.
 */
import {
  ALL_CELL_KEYS,
  T2_SECTIONS,
  T3_COLUMNS,
  T4_GROUPS,
  T4_RESULTS,
  t2Key,
  t2SectionNumeral,
  t3Key,
  t4Key,
  type LabelDef,
  type T3Group,
  type TableFormat,
  type TableId,
  describeCell,
} from "../report/template";
import { LEXICON, skeleton, type LexEntry } from "../report/labels";
import { msg } from "../messages";
import type { DocLine, SourceLoc } from "./document";
import { tokenize, type GridPos, type Tok } from "./tokens";
import {
  NO_BALANCE,
  T3_ROW_BALANCE,
  T4_ROW_BALANCE,
  asNumbers,
  gridReading,
  readRow,
  type Balance,
  type SegCell,
  type Slot,
} from "./row-reading";
import { DIGIT_CONFIDENCE, DIGIT_CONFIDENCE_CHECKED, OCR_CERTAIN } from "./ocr-layout";
import { distrustScannedColumns } from "./scan-columns";
import type { MatchResult, ParseIssue, ReadCell } from "./read-cells";
import { inferT2FromCells, isSingleOtherRow, listRowsNotFound, resolveDoubts, sectionFormat, voteT2Format } from "./doubts";

const SECTION_BY_ROW = (format: TableFormat, rowKey: string) => T2_SECTIONS[format].find((s) => s.rows.some((r) => r.key === rowKey));

const T2_HEADER_SKELETONS = LEXICON.filter((e) => e.kind === "t2col" || e.kind === "t2info").map((e) => e.skel);
const T3_HEADER_SKELETONS = LEXICON.filter((e) => e.kind === "t3head" && e.key !== "note").map((e) => e.skel);
const T3_ROW_SKELETONS: Record<string, string[]> = {};
for (const e of LEXICON) if (e.kind === "t3row") (T3_ROW_SKELETONS[e.key] ??= []).push(e.skel);
const rowSkeletons = (t: Extract<Tok, { k: "label" }>) => t.entries.map((e) => e.skel);
/** Per 表三 row: the fragments that may wrap into its cells (its own label, the table's headers). */
const T3_FRAGMENTS: Record<string, string[]> = Object.fromEntries(
  Object.entries(T3_ROW_SKELETONS).map(([k, v]) => [k, [...T3_HEADER_SKELETONS, ...v]]),
);

export function matchCells(lines: DocLine[]): MatchResult {
  return align(tokenize(lines));
}

export function align(toks: Tok[]): MatchResult {
  const cells: Record<string, ReadCell> = {};
  const issues: ParseIssue[] = [];
  const evidence: MatchResult["evidence"] = {};
  const tablesSeen = new Set<TableId>();
  type Region = "none" | "t2" | "t3" | "t4" | "end";
  let region: Region = "none";
  let t2Section: string | undefined;
  let sectionVotes: TableFormat[] = [];
  let t3Started = false;
  let t3Group: T3Group | undefined;
  let t3OtherSubRows = false;
  let t3OtherSingle = false;
  let t4Read = false;
  let lastT4Result = false;
  const docT2Format = voteT2Format(toks);
  const doubts: { rowKey: string; keys: string[]; candidates: Slot[][]; issue: ParseIssue }[] = [];
  const t3Grid = new Map<number, { first?: number; last?: number }>();

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

  const pick = (t: Extract<Tok, { k: "label" }>, kinds: LexEntry["kind"][]) => t.entries.filter((e) => kinds.includes(e.kind));

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === "num" || t.k === "blank" || t.k === "empty") {
      // 表四: its one row of 15 values follows the header's result labels.
      if (region === "t4" && lastT4Result && !t4Read) {
        const { seg } = segmentAfter(i - 1);
        const first = seg.find((c) => "v" in c);
        // A sentence naming 结果维持 72 件 is not the table: its row holds many values, or digits
        // enough for 15 cells run together.
        const vals = seg.flatMap((c) => ("v" in c ? [c.v] : []));
        const digits = vals.reduce((n, v) => n + v.raw.replace(/\D/g, "").length, 0);
        if (first && "v" in first && (vals.length >= 5 || digits >= 15)) {
          const keys = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => t4Key(g.key, r.key)));
          const { end, ok } = readAfter(i - 1, { text: "表四", loc: first.v.loc, whole: true }, "表四", keys, T4_ROW_BALANCE);
          t4Read = ok;
          tablesSeen.add("t4");
          i = end - 1;
        }
      }
      continue;
    }
    if (t.k === "sep") continue;
    if (t.k === "text") {
      // Fragments of a wrapped header (`结`, `维持`) keep 表四's header open; a sentence closes it.
      if (!t.paren && (/[，。；,;]/.test(t.text) || t.text.replace(/\s+/g, "").length > 12)) lastT4Result = false;
      continue;
    }

    // A label: what it means depends on the table it stands in.
    const kinds = new Set(t.entries.map((e) => e.kind));
    lastT4Result = false;
    if (kinds.has("end") && !t.prefix) {
      region = "end";
      continue;
    }
    if (kinds.has("t2section")) {
      region = "t2";
      t2Section = t.entries.find((e) => e.kind === "t2section")!.key;
      sectionVotes = [];
      tablesSeen.add("t2");
      continue;
    }
    if (kinds.has("t2info")) {
      if (region !== "t2") t2Section = undefined;
      region = "t2";
      sectionVotes = [];
      tablesSeen.add("t2");
      continue;
    }
    if (kinds.has("title")) {
      const table = t.entries.find((e) => e.kind === "title")!.key;
      // A heading switches tables; the same words inside a sentence do not.
      if (t.whole) {
        if (table === "t3") {
          region = "t3";
          t3Started = false;
        } else if (table === "t4") {
          region = "t4";
          tablesSeen.add("t4");
        } else if (region !== "t2") region = "none";
      }
      continue;
    }
    if (region === "t2") {
      const col = pick(t, ["t2col"]);
      if (col.length) {
        sectionVotes.push(...new Set(col.flatMap((e) => e.formats ?? [])));
        continue;
      }
      const row = pick(t, ["t2row"])[0];
      if (row) {
        const format = sectionFormat(sectionVotes, docT2Format, row);
        const section =
          (t2Section && T2_SECTIONS[format].find((s) => t2SectionNumeral(s) === t2Section && s.rows.some((r) => r.key === row.key))) ||
          SECTION_BY_ROW(format, row.key);
        if (!section) continue;
        const keys = section.columns.map((c: LabelDef) => t2Key(row.key, c.key));
        i = readAfter(i, t, `表二「${t.text}」`, keys, NO_BALANCE, [...T2_HEADER_SKELETONS, ...rowSkeletons(t)]).end - 1;
        continue;
      }
    }
    const t4 = pick(t, ["t4group", "t4result"]);
    const t3row = pick(t, ["t3row"]);
    const t3head = pick(t, ["t3head"]);
    const group = pick(t, ["t3group"])[0];
    // 表四's header: in 表四, or a label only 表四 prints.
    if (t4.length && (region === "t4" || (!t3row.length && !t3head.length && (region === "t3" || t.whole)))) {
      if (region !== "t4") {
        region = "t4";
        t4Read = false;
      }
      tablesSeen.add("t4");
      // Values follow the header's result labels (or its group labels, where the results wrapped away).
      lastT4Result = t4.some((e) => e.kind === "t4result") || t.whole;
      continue;
    }
    // 表三's header: before its first row (its 其他 and 总计 are columns there, rows after).
    if (t3head.length && (!t3Started || !t3row.length || t3head.some((e) => e.key === "note" || e.key === "applicants"))) {
      if (t3head.some((e) => e.key === "note" || e.key === "applicants")) t3Started = false;
      // Where the grid puts the first and the last applicant column, by row width.
      const col = t3head.find((e) => e.key === "natural_person" || e.key === "total");
      if (col && t.pos) {
        const g = t3Grid.get(t.pos.width) ?? {};
        if (col.key === "natural_person") g.first ??= t.pos.col;
        else g.last ??= t.pos.col;
        t3Grid.set(t.pos.width, g);
      }
      region = "t3";
      tablesSeen.add("t3");
      continue;
    }
    const startsT3 = t3row.some((e) => e.key === "received" || e.key === "carried_over");
    if (region !== "t3" && !startsT3) continue;
    if (group && (!t3row.length || !isSingleOtherRow(toks, i, group))) {
      t3Group = group.key as T3Group;
      if (group.key === "other") t3OtherSubRows = true;
      continue;
    }
    if (!t3row.length) continue;
    const rowEntry = t3row.length > 1 ? (t3row.find((e) => e.t3?.group === t3Group) ?? t3row[0]) : t3row[0];
    const row = rowEntry.t3!;
    region = "t3";
    t3Started = true;
    tablesSeen.add("t3");
    if (row.key === "other") t3OtherSingle = true;
    if (row.group === "other") t3OtherSubRows = true;
    if (!row.group || row.group === "results") t3Group = undefined;
    const keys = T3_COLUMNS.map((c) => t3Key(row.key, c.key));
    i = readAfter(i, t, `表三「${t.text}」`, keys, T3_ROW_BALANCE, T3_FRAGMENTS[row.key], t3Grid).end - 1;
  }

  resolveDoubts(doubts, cells, issues, put);
  distrustScannedColumns(cells, issues);
  if (t3OtherSubRows) evidence.t3 = "2021";
  else if (t3OtherSingle) evidence.t3 = "2019";
  const used = docT2Format;
  if (used) evidence.t2 = used;
  else if (Object.keys(cells).some((k) => k.startsWith("t2."))) evidence.t2 = inferT2FromCells(cells);
  // （六）其他处理 as one row: printed so, or a 2019 表二 and no sub-row seen.
  // Neither seen nor implied: which it was cannot be said, so its cells are not listed by key.
  const otherSingle = t3OtherSingle || (!t3OtherSubRows && (evidence.t2 ?? docT2Format) === "2019");
  const otherKnown = otherSingle || t3OtherSubRows;
  listRowsNotFound(cells, issues, tablesSeen, docT2Format, t4Read, toks, otherSingle, otherKnown);
  return { cells, evidence, tablesSeen, issues };
}
