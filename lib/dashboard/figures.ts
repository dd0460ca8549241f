/**
 * The figures the dashboard charts, compares and totals: each is a sum of template cells, declared
 * once. The same list defines the columns of the `report_figures` rollup (db/schema.ts), the SQL
 * that fills it, and what the agency page computes from one report's cells — so a figure means the
 * same on every page.
 *
 * `formats` says where the figure is printed. Figures of only one format never join a figure of the
 * other into one series: across 2020→2021 the charts show the break instead (report-cells.md).
 */
import { msg } from "../messages";
import {
  T3_COLUMNS,
  T3_ROWS,
  T4_RESULTS,
  t2Key,
  t2RowLabel,
  t2RowShort,
  t3GroupName,
  t3Key,
  t4GroupName,
  t4Key,
  type TableFormat,
} from "../report/template";

export type Cells = Readonly<Record<string, number | null>>;
export type FigureFormats = "both" | "2021" | "2019";

export interface Figure {
  /** camelCase id; the rollup column is its snake_case. */
  id: string;
  label: string;
  unit: typeof msg.figures.units.count | typeof msg.figures.units.tenThousandYuan;
  keys: readonly string[];
  /** The cell a chart point or KPI opens in the report (the total where the figure is a sum). */
  traceKey: string;
  formats: FigureFormats;
}

const T3_PARTS = T3_COLUMNS.filter((c) => c.key !== "total");
/** A 表三 row's short name in the template: renaming the row there renames its chart series too. */
const t3Short = (key: string): string => {
  const row = T3_ROWS.find((r) => r.key === key);
  if (!row) throw new Error(`figures: no t3 row ${key}`);
  return row.short ?? row.label;
};
const t3Rows = (prefix: string) => T3_ROWS.filter((r) => r.key.startsWith(prefix)).map((r) => t3Key(r.key, "total"));

const f = (id: string, label: string, keys: readonly string[], opts: Partial<Figure> = {}): Figure => ({
  id,
  label,
  unit: msg.figures.units.count,
  keys,
  traceKey: keys[0],
  formats: "both",
  ...opts,
});

const F = msg.figures;
/** A 表二 figure's name: the template's row name and what the column counts (规章·本年制发). */
const t2Name = (format: TableFormat, row: string, column: keyof typeof F.t2Column) => `${t2RowShort(format, row)}·${F.t2Column[column]}`;
const t2Decisions = (row: string) => `${t2RowLabel("2021", row)}${F.figure.decisions}`;

export const FIGURES: readonly Figure[] = [
  // 表三 — applications, by applicant type. Identical in both formats.
  ...T3_PARTS.map((c) => f(`received_${c.key}`, c.label, [t3Key("received", c.key)])),
  f("received", F.figure.received, [t3Key("received", "total")]),
  f("carriedOver", t3Short("carried_over"), [t3Key("carried_over", "total")]),
  f("carriedForward", t3Short("carried_forward"), [t3Key("carried_forward", "total")]),
  // Outcomes (总计 column). （六）其他处理 is one row in format 2019 and three in 2021: the sum is comparable.
  f("disclosed", t3Short("disclosed"), [t3Key("disclosed", "total")]),
  f("partiallyDisclosed", t3Short("partially_disclosed"), [t3Key("partially_disclosed", "total")]),
  f("withheld", t3GroupName("withheld"), t3Rows("withheld_")),
  f("unavailable", t3GroupName("unavailable"), t3Rows("unavailable_")),
  f("notProcessed", t3GroupName("not_processed"), t3Rows("not_processed_")),
  f("otherHandled", t3Short("other"), [t3Key("other", "total"), ...t3Rows("other_")]),
  f("totalHandled", t3Short("total_handled"), [t3Key("total_handled", "total")]),
  // 表二 — only 处理决定数量 is comparable across formats.
  f("licensing", t2Decisions("licensing"), [t2Key("licensing", "decisions")]),
  f("penalty", t2Decisions("penalty"), [t2Key("penalty", "decisions")]),
  f("coercion", t2Decisions("coercion"), [t2Key("coercion", "decisions")]),
  f("feesWan", `${t2RowLabel("2021", "fees")}${F.figure.feesAmount}`, [t2Key("fees", "amount_wan")], {
    unit: F.units.tenThousandYuan,
    formats: "2021",
  }),
  f("rulesIssued", t2Name("2021", "rules", "issued"), [t2Key("rules", "issued")], { formats: "2021" }),
  f("rulesRepealed", t2Name("2021", "rules", "repealed"), [t2Key("rules", "repealed")], { formats: "2021" }),
  f("rulesInForce", t2Name("2021", "rules", "in_force"), [t2Key("rules", "in_force")], { formats: "2021" }),
  f("rulesMade", t2Name("2019", "rules", "made"), [t2Key("rules", "made")], { formats: "2019" }),
  f("rulesPublished", t2Name("2019", "rules", "published"), [t2Key("rules", "published")], { formats: "2019" }),
  f("rulesTotalPublic", t2Name("2019", "rules", "total_public"), [t2Key("rules", "total_public")], { formats: "2019" }),
  f("docsIssued", t2Name("2021", "normative_docs", "issued"), [t2Key("normative_docs", "issued")], { formats: "2021" }),
  f("docsRepealed", t2Name("2021", "normative_docs", "repealed"), [t2Key("normative_docs", "repealed")], { formats: "2021" }),
  f("docsInForce", t2Name("2021", "normative_docs", "in_force"), [t2Key("normative_docs", "in_force")], { formats: "2021" }),
  f("docsMade", t2Name("2019", "normative_docs", "made"), [t2Key("normative_docs", "made")], { formats: "2019" }),
  f("docsPublished", t2Name("2019", "normative_docs", "published"), [t2Key("normative_docs", "published")], { formats: "2019" }),
  f("docsTotalPublic", t2Name("2019", "normative_docs", "total_public"), [t2Key("normative_docs", "total_public")], { formats: "2019" }),
  // 表四 — 行政诉讼 is the sum of 未经复议直接起诉 and 复议后起诉.
  ...T4_RESULTS.map((r) => f(`review_${r.key}`, `${t4GroupName("review")}·${r.label}`, [t4Key("review", r.key)])),
  ...T4_RESULTS.map((r) =>
    f(`suit_${r.key}`, `${t4GroupName("suit_direct")}·${r.label}`, [t4Key("suit_direct", r.key), t4Key("suit_after_review", r.key)]),
  ),
];

export type FigureId = string;
export const FIGURE_BY_ID: ReadonlyMap<string, Figure> = new Map(FIGURES.map((x) => [x.id, x]));

/** The rollup column of a figure: received_natural_person, carried_over, review_upheld… */
export const figureColumn = (id: string): string => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A figure's value in one report: the sum of the cells it reads that are printed. Null when none is
 * printed or all are blank — a gap, never 0 (the same rule as the SQL rollup's `sum … filter`).
 */
export function figureValue(figure: Figure, cells: Cells): number | null {
  let sum: number | null = null;
  for (const k of figure.keys) {
    const v = cells[k];
    if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
  }
  return sum;
}

export function allFigures(cells: Cells): Record<string, number | null> {
  return Object.fromEntries(FIGURES.map((x) => [x.id, figureValue(x, cells)]));
}
