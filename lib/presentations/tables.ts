/**
 * The national tables of a known report as a CMS page lays them out (cells with spans), and its values as printed.
 */
import {
  T2_SECTIONS,
  T3_COLUMNS,
  T3_GROUPS,
  T3_NOTE,
  T4_GROUPS,
  T4_RESULTS,
  t2Key,
  t3Key,
  t3RowsFor,
  t4Key,
  type T3Row,
} from "../report/template";
import type { KnownReport } from "./known";

// ---------------------------------------------------------------------------------------------
// The tables as data: rows of cells with their spans, as a CMS page lays them out

type CellKind = "section" | "head" | "note" | "label" | "group" | "value";

export interface MCell {
  kind: CellKind;
  text: string;
  colspan: number;
  rowspan: number;
  /** value cells: the cell key and its value */
  key?: string;
  value?: number | null;
  /** head cells: the column key; label cells: the row key */
  tag?: string;
}

export interface MRow {
  role: "section" | "head" | "data";
  cells: MCell[];
  /** 表三 rows: the template row */
  t3?: T3Row;
}

export interface MTable {
  id: "t2" | "t3" | "t4";
  width: number;
  rows: MRow[];
}

export const cell = (kind: CellKind, text: string, colspan = 1, rowspan = 1, tag?: string): MCell => ({
  kind,
  text,
  colspan,
  rowspan,
  tag,
});
const valueCell = (key: string, value: number | null, colspan = 1): MCell => ({
  kind: "value",
  text: "",
  colspan,
  rowspan: 1,
  key,
  value,
});

function buildT2(r: KnownReport): MTable {
  const width = 4;
  const rows: MRow[] = [];
  for (const s of T2_SECTIONS[r.format]) {
    rows.push({ role: "section", cells: [cell("section", s.header, width)] });
    const n = s.columns.length;
    rows.push({
      role: "head",
      cells: [
        cell("head", "信息内容", 1, 1, "content"),
        ...s.columns.map((c, i) => cell("head", c.label, i === n - 1 ? width - n : 1, 1, c.key)),
      ],
    });
    for (const row of s.rows) {
      rows.push({
        role: "data",
        cells: [
          cell("label", row.label, 1, 1, row.key),
          ...s.columns.map((c, i) => {
            const key = t2Key(row.key, c.key);
            return valueCell(key, r.cells[key] ?? null, i === n - 1 ? width - n : 1);
          }),
        ],
      });
    }
  }
  return { id: "t2", width, rows };
}

function buildT3(r: KnownReport): MTable {
  const rows: MRow[] = [
    {
      role: "head",
      cells: [cell("note", T3_NOTE, 3, 3), cell("head", "申请人情况", 7)],
    },
    {
      role: "head",
      cells: [cell("head", "自然人", 1, 2, "natural_person"), cell("head", "法人或其他组织", 5), cell("head", "总计", 1, 2, "total")],
    },
    { role: "head", cells: T3_COLUMNS.slice(1, 6).map((c) => cell("head", c.label, 1, 1, c.key)) },
  ];
  const t3rows = t3RowsFor(r.format, Boolean(r.mixed));
  const results = t3rows.filter((x) => x.group !== undefined);
  const inGroup = (g: string) => t3rows.filter((x) => x.group === g);
  for (const row of t3rows) {
    const cells: MCell[] = [];
    if (row.group === undefined) cells.push(cell("label", row.label, 3, 1, row.key));
    else {
      if (row === results[0]) cells.push(cell("group", T3_GROUPS.results, 1, results.length, "results"));
      if (row.group === "results") cells.push(cell("label", row.label, 2, 1, row.key));
      else {
        const members = inGroup(row.group);
        if (row === members[0]) cells.push(cell("group", T3_GROUPS[row.group], 1, members.length, row.group));
        cells.push(cell("label", row.label, 1, 1, row.key));
      }
    }
    for (const c of T3_COLUMNS) {
      const key = t3Key(row.key, c.key);
      cells.push(valueCell(key, r.cells[key] ?? null));
    }
    rows.push({ role: "data", cells, t3: row });
  }
  return { id: "t3", width: 10, rows };
}

function buildT4(r: KnownReport): MTable {
  const results = (rowspan: number) => T4_RESULTS.map((x) => cell("head", x.label, 1, rowspan, x.key));
  return {
    id: "t4",
    width: 15,
    rows: [
      { role: "head", cells: [cell("head", "行政复议", 5), cell("head", "行政诉讼", 10)] },
      { role: "head", cells: [...results(2), cell("head", "未经复议直接起诉", 5), cell("head", "复议后起诉", 5)] },
      { role: "head", cells: [...results(1), ...results(1)] },
      {
        role: "data",
        cells: T4_GROUPS.flatMap((g) => T4_RESULTS.map((x) => valueCell(t4Key(g.key, x.key), r.cells[t4Key(g.key, x.key)] ?? null))),
      },
    ],
  };
}

export function buildTables(r: KnownReport): MTable[] {
  return [buildT2(r), buildT3(r), buildT4(r)];
}

/** Grid expansion: every row as `width` slots, each the originating cell or null (covered by a span). */
export function gridOf(t: MTable): ({ cell: MCell; origin: boolean } | null)[][] {
  const grid: ({ cell: MCell; origin: boolean } | null)[][] = t.rows.map(() => Array(t.width).fill(undefined));
  t.rows.forEach((row, ri) => {
    let c = 0;
    for (const x of row.cells) {
      while (c < t.width && grid[ri][c] !== undefined) c++;
      for (let dr = 0; dr < x.rowspan; dr++)
        for (let dc = 0; dc < x.colspan; dc++)
          if (grid[ri + dr] && c + dc < t.width)
            grid[ri + dr][c + dc] = dr === 0 && dc === 0 ? { cell: x, origin: true } : { cell: x, origin: false };
      c += x.colspan;
    }
  });
  return grid.map((row) => row.map((s) => (s === undefined ? null : s)));
}

// ---------------------------------------------------------------------------------------------
// Values as printed

function fmtNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  // up to 6 decimals, no exponent
  return v.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
}

/** How one rendering prints values: the blank marker and optional unit suffixes. */
export interface ValueStyle {
  blank: string;
  yuanSuffix?: boolean;
}

export function valueText(c: MCell, style: ValueStyle): string {
  if (c.value === null || c.value === undefined) return style.blank;
  const s = fmtNumber(c.value);
  return style.yuanSuffix && c.key === "t2.procurement.amount_yuan" ? `${s}元` : s;
}

/** Text of any cell (value cells in the given style). */
export const textOf = (c: MCell, style: ValueStyle) => (c.kind === "value" ? valueText(c, style) : c.text);
