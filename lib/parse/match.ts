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
} from "../report/template";
import { LEXICON, type LexEntry } from "../report/labels";
import type { DocLine } from "./document";
import { tokenize, type Tok } from "./tokens";
import { NO_BALANCE, T3_ROW_BALANCE, T4_ROW_BALANCE } from "./row-reading";
import { distrustScannedColumns } from "./scan-columns";
import type { MatchResult } from "./read-cells";
import { rowReader } from "./row-reader";
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
  const { cells, issues, doubts, put, segmentAfter, readAfter } = rowReader(toks);
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
  const t3Grid = new Map<number, { first?: number; last?: number }>();

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
