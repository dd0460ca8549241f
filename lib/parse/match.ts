/**
 * The one label-matching step: document lines → template cells. Rows are matched by their labels,
 * never by position; 表二 columns by their header labels; 表三/表四 columns are checked against the
 * header labels and read in the national order (their headers wrap and lose merges in every
 * presentation, but the order is fixed by the template).
 */
import {
  ALL_CELL_KEYS,
  T3_COLUMNS,
  T4_GROUPS,
  T4_RESULTS,
  t2Key,
  t3Key,
  t4Key,
  type TableFormat,
  type TableId,
} from "../report/template";
import { labelCore, matchT2Column, matchT2Row, matchT3Group, matchT3Row, normalizeLabel, isT2SectionHeader } from "../report/labels";
import { parseValue, type CellValue } from "../report/values";
import type { DocCell, DocLine, SourceLoc } from "./document";
import { msg } from "../messages";

export interface ReadCell {
  value: CellValue;
  /** The text as printed. */
  raw: string;
  note?: string;
  loc: SourceLoc;
}

export interface ParseIssue {
  code: "row_shape" | "unknown_row" | "duplicate_cell" | "extra_values" | "unknown_column" | "uncertain_split";
  message: string;
  loc: SourceLoc;
  /** The cell keys this issue leaves unread. */
  keys?: string[];
}

export interface MatchResult {
  cells: Record<string, ReadCell>;
  /** Format evidence per table: which labels were printed. */
  evidence: { t2?: TableFormat; t3?: TableFormat };
  tablesSeen: Set<TableId>;
  issues: ParseIssue[];
}

type Slot = { cell: DocCell; parsed: ReturnType<typeof parseValue> };

const isBlankText = (c: DocCell) => normalizeLabel(c.text) === "";

function splitRow(cells: DocCell[]): { labels: DocCell[]; values: Slot[] } {
  cells = splitLabelDigits(cells);
  const slots = cells.map((cell) => ({ cell, parsed: parseValue(cell.text) }));
  // Leading cells up to the last label are labels (group cells, then the row's own label).
  let lastLabel = -1;
  slots.forEach((s, i) => {
    if (s.parsed.kind === "text") lastLabel = i;
  });
  return { labels: slots.slice(0, lastLabel + 1).map((s) => s.cell).filter((c) => !isBlankText(c)), values: slots.slice(lastLabel + 1) };
}

/**
 * A row label with its figures run into it (`行政规范性文件8855698`): the label, then the digits
 * as one value cell for takeValues to split.
 */
function splitLabelDigits(cells: DocCell[]): DocCell[] {
  const i = cells.findLastIndex((c) => parseValue(c.text).kind === "text");
  const last = i >= 0 && cells.slice(i + 1).every(isBlankText);
  const m = last ? /^(.*[^\d\s.,])\s*(\d+)$/.exec(cells[i].text.trim()) : null;
  if (!m || normalizeLabel(m[1]).length < 2) return cells;
  return [...cells.slice(0, i), { text: m[1], loc: cells[i].loc }, { text: m[2], loc: cells[i].loc }];
}

/** An identity the values of one row satisfy (domain.md §5), checked on every complete group. */
type Balance = (values: number[]) => boolean;

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
/** W3: a 表三 row's 总计 is the sum of its six columns. */
const T3_ROW_BALANCE: Balance = (v) => v.length < 7 || v[6] === sum(v.slice(0, 6));
/** W5: in each 表四 group, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
const T4_ROW_BALANCE: Balance = (v) => {
  for (let g = 0; g + 5 <= v.length; g += 5) if (v[g + 4] !== sum(v.slice(g, g + 4))) return false;
  return true;
};
const NO_BALANCE: Balance = () => true;

/**
 * Readings of digit runs whose cell boundaries were lost (`8855698` = 88 | 55 | 698) as `count`
 * integers, each run split in place (no leading zeros), keeping those the row's identity accepts.
 * Stops at two: one reading is an answer, two are a doubt.
 */
export function splitRuns(runs: string[], count: number, balance: Balance): number[][] {
  const found: number[][] = [];
  const parts: number[] = [];
  // The readings grow combinatorially with the digits: past this many steps the row is a doubt
  // (two "readings"), not a wait. Real rows settle in a few hundred.
  let budget = 200_000;
  const walk = (run: number, pos: number) => {
    if (--budget < 0) {
      while (found.length < 2) found.push([]);
      return;
    }
    if (found.length >= 2 || parts.length > count || !balance(parts)) return;
    if (run === runs.length) {
      if (parts.length === count) found.push([...parts]);
      return;
    }
    const digits = runs[run];
    if (pos === digits.length) return walk(run + 1, 0);
    const maxEnd = digits[pos] === "0" ? pos + 1 : digits.length;
    for (let end = pos + 1; end <= maxEnd; end++) {
      // A run ends where its cell ended: the last part must reach its end.
      parts.push(Number(digits.slice(pos, end)));
      if (end === digits.length) walk(run + 1, 0);
      else walk(run, end);
      parts.pop();
    }
  };
  walk(0, 0);
  return found;
}

/**
 * The `count` values of a row. Cells past the count that are empty are the placeholders of lost
 * merges (`行政许可 | 4 | ||`); a row printed with no value at all is `count` blanks. Too few cells
 * that are all digit runs are split where exactly one reading satisfies the row's identity;
 * several readings leave the row unread (`uncertain`).
 */
function takeValues(
  values: Slot[],
  count: number,
  balance: Balance = NO_BALANCE,
): { slots: (Slot | undefined)[]; ok: boolean; extra: boolean; uncertain?: boolean } {
  const filled = values.filter((v) => !isBlankText(v.cell));
  if (filled.length === 0) return { slots: Array.from({ length: count }, () => values[0]), ok: true, extra: false };
  if (values.length < count) {
    const runs = filled.map((v) => v.cell.text.trim());
    // Only runs side by side (trailing placeholders allowed): a blank between them is a real cell.
    const contiguous = values.slice(0, filled.length).every((v) => !isBlankText(v.cell));
    if (!contiguous || !runs.every((r) => /^\d+$/.test(r))) return { slots: [], ok: false, extra: false };
    const readings = splitRuns(runs, count, balance);
    if (readings.length !== 1) return { slots: [], ok: false, extra: false, uncertain: readings.length > 1 };
    // Each part keeps the run it came from as its printed text and place.
    const origin: DocCell[] = [];
    let k = 0;
    for (const [i, run] of runs.entries()) {
      let rest = run;
      while (rest && k < count) {
        const part = String(readings[0][k]);
        origin.push(values[i].cell);
        rest = rest.slice(part.length);
        k++;
      }
    }
    const slots = readings[0].map((v, j) => ({ cell: origin[j], parsed: { kind: "value" as const, value: v } }));
    return { slots, ok: true, extra: false };
  }
  const extra = values.slice(count).some((v) => !isBlankText(v.cell));
  return { slots: values.slice(0, count), ok: true, extra };
}

/**
 * Where each 表三 column sits in a table printed as a full grid (markdown, where merged cells are
 * blank placeholders): the cell index of each column's header label, by row width. Only a map
 * that names all seven columns in the national order is used, so a presentation whose header rows
 * lost their merges (the seed's pipe text) keeps reading values in order after the label.
 */
type ColumnMap = Map<number, Partial<Record<string, number>>>;

function noteT3Header(map: ColumnMap, cells: DocCell[]) {
  const positions = map.get(cells.length) ?? {};
  cells.forEach((c, i) => {
    const col = T3_COLUMNS.find((x) => labelCore(x.label) === labelCore(c.text));
    if (col && positions[col.key] === undefined) positions[col.key] = i;
  });
  map.set(cells.length, positions);
}

function gridSlots(map: ColumnMap, cells: DocCell[], labelIndex: number): Slot[] | undefined {
  const positions = map.get(cells.length);
  if (!positions) return undefined;
  const idx = T3_COLUMNS.map((c) => positions[c.key]);
  if (idx.some((i) => i === undefined)) return undefined;
  const at = idx as number[];
  if (at[0] <= labelIndex || at.some((p, i) => i > 0 && p <= at[i - 1])) return undefined;
  const slots = at.map((p) => ({ cell: cells[p], parsed: parseValue(cells[p].text) }));
  if (slots.some((s) => s.parsed.kind !== "value")) return undefined;
  // Anything printed outside the mapped columns means the row is not laid out like the header.
  const used = new Set(at);
  if (cells.some((c, i) => i > labelIndex && !used.has(i) && !isBlankText(c))) return undefined;
  return slots;
}

function isT3Header(labels: DocCell[]): boolean {
  return labels.some((c) => {
    const k = labelCore(c.text);
    return k === "申请人情况" || k === "自然人" || k === "商业企业" || k === "法人或其他组织" || k.includes("勾稽关系");
  });
}

function isT4Header(labels: DocCell[]): boolean {
  return labels.some((c) => {
    const k = labelCore(c.text);
    return k === "行政复议" || k === "行政诉讼" || k === "结果维持" || k === "未经复议直接起诉";
  });
}

export function matchCells(lines: DocLine[]): MatchResult {
  const cells: Record<string, ReadCell> = {};
  const issues: ParseIssue[] = [];
  const evidence: MatchResult["evidence"] = {};
  const tablesSeen = new Set<TableId>();
  let table: TableId | undefined;
  let t2Columns: { key: string; format: TableFormat }[] = [];
  let t3Group: ReturnType<typeof matchT3Group>;
  let t3OtherSubRows = false;
  let t3OtherSingle = false;
  let t4HeaderSeen = false;
  const t3Grid: ColumnMap = new Map();

  const put = (key: string, slot: Slot | undefined, loc: SourceLoc) => {
    if (!ALL_CELL_KEYS.has(key)) {
      issues.push({ code: "unknown_column", message: msg.parse.unknownKey(key), loc });
      return;
    }
    if (cells[key]) {
      issues.push({ code: "duplicate_cell", message: msg.parse.duplicateCell(key), loc });
      return;
    }
    const parsed = slot?.parsed;
    cells[key] = {
      value: parsed?.kind === "value" && slot && !isBlankText(slot.cell) ? parsed.value : null,
      raw: slot?.cell.text ?? "",
      ...(parsed?.kind === "value" && parsed.note ? { note: parsed.note } : {}),
      loc: slot?.cell.loc ?? loc,
    };
  };

  for (const line of lines) {
    if (line.kind === "text") {
      const t = normalizeLabel(line.text);
      if (/^二\.主动公开政府信息/.test(t)) table = "t2";
      else if (/^三\.收到和处理政府信息公开申请/.test(t)) table = "t3";
      else if (/^四\.政府信息公开行政复议/.test(t)) table = "t4";
      else if (/^[五六]\./.test(t)) table = undefined;
      continue;
    }
    const { labels, values } = splitRow(line.cells);

    // Table switches announced inside the table itself.
    if (labels.some((c) => isT2SectionHeader(c.text))) {
      table = "t2";
      tablesSeen.add("t2");
      t2Columns = [];
      continue;
    }
    if (isT3Header(labels)) {
      noteT3Header(t3Grid, line.cells);
      table = "t3";
      tablesSeen.add("t3");
      continue;
    }
    if (labels.some((c) => labelCore(c.text) === "信息内容")) {
      table = "t2";
      tablesSeen.add("t2");
      t2Columns = line.cells
        .slice(line.cells.findIndex((c) => labelCore(c.text) === "信息内容") + 1)
        .filter((c) => !isBlankText(c))
        .map((c) => matchT2Column(c.text))
        .filter((c): c is { key: string; format: TableFormat } => Boolean(c));
      const votes = new Set(t2Columns.map((c) => c.format));
      if (votes.size === 1) evidence.t2 ??= [...votes][0];
      continue;
    }
    if (isT4Header(labels) && !labels.some((c) => matchT3Row(c.text, t3Group))) {
      table = "t4";
      tablesSeen.add("t4");
      t4HeaderSeen = true;
      continue;
    }

    // 表四: the one data row of 15 numbers.
    if (table === "t4" && labels.length === 0 && values.filter((v) => !isBlankText(v.cell)).length >= 1) {
      const order = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => t4Key(g.key, r.key)));
      const { slots, ok, extra, uncertain } = takeValues(values, order.length, T4_ROW_BALANCE);
      if (!ok) {
        issues.push(
          uncertain
            ? { code: "uncertain_split", message: msg.parse.uncertainSplit("表四"), loc: line.loc }
            : { code: "row_shape", message: msg.parse.rowShape("表四", values.length, order.length), loc: line.loc },
        );
        continue;
      }
      if (!t4HeaderSeen) issues.push({ code: "row_shape", message: msg.parse.t4WithoutHeader, loc: line.loc });
      if (extra) issues.push({ code: "extra_values", message: msg.parse.extraValues("表四"), loc: line.loc });
      order.forEach((key, i) => put(key, slots[i], line.loc));
      tablesSeen.add("t4");
      continue;
    }
    if (labels.length === 0) continue;

    // 表三 rows: group cells, then the row label, then seven values.
    for (const c of labels) {
      const g = matchT3Group(c.text);
      if (g && g !== "results") t3Group = g;
    }
    const rowLabel = labels[labels.length - 1];
    const t3Row = table !== "t2" && table !== "t4" ? matchT3Row(rowLabel.text, t3Group) : undefined;
    if (t3Row) {
      table = "t3";
      tablesSeen.add("t3");
      if (!t3Row.group || t3Row.group === "results") t3Group = undefined;
      if (t3Row.key === "other") t3OtherSingle = true;
      if (t3Row.group === "other") t3OtherSubRows = true;
      const grid = gridSlots(t3Grid, line.cells, line.cells.indexOf(rowLabel));
      const { slots, ok, extra, uncertain } = grid
        ? { slots: grid, ok: true, extra: false, uncertain: false }
        : takeValues(values, T3_COLUMNS.length, T3_ROW_BALANCE);
      if (!ok) {
        issues.push(
          uncertain
            ? { code: "uncertain_split", message: msg.parse.uncertainSplit(`表三「${rowLabel.text}」`), loc: line.loc }
            : { code: "row_shape", message: msg.parse.rowShape(`表三「${rowLabel.text}」`, values.length, T3_COLUMNS.length), loc: line.loc },
        );
        continue;
      }
      if (extra) issues.push({ code: "extra_values", message: msg.parse.extraValues(`表三「${rowLabel.text}」`), loc: line.loc });
      T3_COLUMNS.forEach((c, i) => put(t3Key(t3Row.key, c.key), slots[i], line.loc));
      continue;
    }

    // 表二 rows: label, then one value per column of the header above.
    const t2Row = table === "t2" || table === undefined ? matchT2Row(rowLabel.text) : undefined;
    if (t2Row && t2Columns.length > 0) {
      const { slots, ok, extra, uncertain } = takeValues(values, t2Columns.length);
      if (!ok) {
        issues.push(
          uncertain
            ? { code: "uncertain_split", message: msg.parse.uncertainSplit(`表二「${rowLabel.text}」`), loc: line.loc }
            : { code: "row_shape", message: msg.parse.rowShape(`表二「${rowLabel.text}」`, values.length, t2Columns.length), loc: line.loc },
        );
        continue;
      }
      if (extra) issues.push({ code: "extra_values", message: msg.parse.extraValues(`表二「${rowLabel.text}」`), loc: line.loc });
      t2Columns.forEach((c, i) => put(t2Key(t2Row.key, c.key), slots[i], line.loc));
      continue;
    }
    if (table && values.some((v) => v.parsed.kind === "value" && !isBlankText(v.cell))) {
      issues.push({ code: "unknown_row", message: msg.parse.unknownRow(rowLabel.text), loc: line.loc });
    }
  }

  if (t3OtherSubRows) evidence.t3 = "2021";
  else if (t3OtherSingle) evidence.t3 = "2019";
  return { cells, evidence, tablesSeen, issues };
}
