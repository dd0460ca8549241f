/**
 * The families of figures the agency page and region totals chart, and their rows over the years.
 */
import { msg } from "../messages";
import { T4_RESULTS, t2RowLabel } from "../report/template";
import { FIGURE_BY_ID } from "./figures";
import { MEASURE_BY_ID, measureTraceKey, measureValue } from "./measures";
import type { PostChannel } from "./posts";
import type { HiddenReason } from "./yoy";
import type { AgencyYear, YearFormat } from "./agency-years";

// ---------------------------------------------------------------------------------------------
// Families of figures

export interface FamilySeries {
  id: string;
  label: string;
  /** The report cell a point opens. */
  cell: string;
  /** Which table format prints it; "both" joins across 2020→2021. */
  formats: "both" | "2021" | "2019" | "any";
}

export interface Family {
  id: string;
  title: string;
  chart: "line" | "stacked" | "share" | "rate";
  unit: string;
  series: FamilySeries[];
  note?: string;
}

const fig = (id: string, label?: string): FamilySeries => {
  const f = FIGURE_BY_ID.get(id);
  if (!f) throw new Error(`unknown figure ${id}`);
  return { id, label: label ?? f.label, cell: f.traceKey, formats: f.formats };
};

/** The count measures the headline trend draws (their colours: components/charts/palette.ts). */
export type HeadlineMeasure = "received" | "licensing" | "penalty" | "reviewTotal" | "suitTotal";

const { units: U, family: T, t2Column: C } = msg.figures;
/** 表四's result series of a group (结果维持 … 尚未审结), named as the template prints them. */
const t4Results = (group: "review" | "suit") => T4_RESULTS.filter((r) => r.key !== "total").map((r) => fig(`${group}_${r.key}`, r.label));
/** A 表二 row's series: 2021's columns, then 2019's (named so, they never join 2021's). */
const t2Series = (prefix: "rules" | "docs") => [
  fig(`${prefix}Issued`, C.issued),
  fig(`${prefix}Repealed`, C.repealed),
  fig(`${prefix}InForce`, C.in_force),
  fig(`${prefix}Made`, msg.figures.format2019(C.made)),
  fig(`${prefix}Published`, msg.figures.format2019(C.published)),
  fig(`${prefix}TotalPublic`, msg.figures.format2019(C.total_public)),
];

export const FAMILIES: readonly Family[] = [
  {
    id: "applicants",
    title: T.applicants,
    chart: "stacked",
    unit: U.count,
    series: ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org"].map((c) => fig(`received_${c}`)),
  },
  {
    id: "carry",
    title: T.carry,
    chart: "line",
    unit: U.count,
    series: [fig("carriedOver"), fig("carriedForward")],
  },
  {
    id: "outcomes",
    title: T.outcomes,
    chart: "stacked",
    unit: U.count,
    series: ["disclosed", "partiallyDisclosed", "withheld", "unavailable", "notProcessed", "otherHandled"].map((id) => fig(id)),
  },
  {
    id: "outcomeShares",
    title: T.outcomeShares,
    chart: "share",
    unit: U.percent,
    series: ["disclosed", "partiallyDisclosed", "withheld", "unavailable", "notProcessed", "otherHandled"].map((id) => fig(id)),
  },
  {
    id: "disclosureRate",
    title: T.disclosureRate,
    chart: "rate",
    unit: U.percent,
    series: [
      { id: "disclosureRate", label: T.disclosureRateSeries, cell: measureTraceKey(MEASURE_BY_ID.get("disclosureRate")!), formats: "both" },
    ],
  },
  {
    id: "decisions",
    title: `${["licensing", "penalty", "coercion"].map((r) => t2RowLabel("2021", r)).join("、")}${msg.figures.figure.decisions}`,
    chart: "line",
    unit: U.count,
    series: [fig("licensing"), fig("penalty"), fig("coercion")],
  },
  {
    id: "fees",
    title: T.fees,
    chart: "line",
    unit: U.tenThousandYuan,
    series: [fig("feesWan", T.feesSeries)],
    note: T.feesNote,
  },
  {
    id: "rules",
    title: t2RowLabel("2021", "rules"),
    chart: "line",
    unit: U.count,
    series: t2Series("rules"),
    note: T.totalPublicNote,
  },
  {
    id: "docs",
    title: t2RowLabel("2021", "normative_docs"),
    chart: "line",
    unit: U.count,
    series: t2Series("docs"),
    note: T.totalPublicNote,
  },
  {
    id: "review",
    title: T.review,
    chart: "stacked",
    unit: U.count,
    series: t4Results("review"),
  },
  {
    id: "suit",
    title: T.suits,
    chart: "stacked",
    unit: U.count,
    series: t4Results("suit"),
  },
  {
    id: "correctionRate",
    title: T.correctionRate,
    chart: "rate",
    unit: U.percent,
    series: [
      { id: "correctionRate", label: T.correctionRateSeries, cell: measureTraceKey(MEASURE_BY_ID.get("correctionRate")!), formats: "both" },
    ],
  },
];

export const POST_LABELS: Record<PostChannel, string> = msg.figures.posts;

export interface ChartRow {
  year: number;
  filed: boolean;
  format: YearFormat | null;
  reportId: number | null;
  /** Per series: value (null = gap), and for rates why it is hidden. */
  values: Record<string, number | null>;
  hidden: Record<string, HiddenReason | null>;
}

/** A family's rows. Shares and rates are computed here; hidden rates are gaps with the reason. */
export function familyRows(family: Family, years: readonly AgencyYear[]): ChartRow[] {
  return years.map((y) => {
    const values: Record<string, number | null> = {};
    const hidden: Record<string, HiddenReason | null> = {};
    for (const s of family.series) {
      if (family.chart === "rate") {
        const r = measureValue(MEASURE_BY_ID.get(s.id)!, y.figures);
        values[s.id] = r.value;
        hidden[s.id] = y.reportId === null ? null : r.hidden;
      } else if (family.chart === "share") {
        const whole = y.figures.totalHandled;
        const v = y.figures[s.id];
        values[s.id] = v === null || v === undefined || !whole ? null : v / whole;
        hidden[s.id] = null;
      } else {
        values[s.id] = y.figures[s.id] ?? null;
        hidden[s.id] = null;
      }
    }
    return { year: y.year, filed: y.reportId !== null, format: y.format, reportId: y.reportId, values, hidden };
  });
}

/** The posts family: one series per channel any year states. */
export function postsFamily(years: readonly AgencyYear[]): { family: Family; rows: ChartRow[] } {
  const channels = (Object.keys(POST_LABELS) as PostChannel[]).filter((c) => years.some((y) => y.posts[c]));
  const family: Family = {
    id: "posts",
    title: T.posts,
    chart: "line",
    unit: U.posts,
    series: channels.map((c) => ({ id: c, label: POST_LABELS[c], cell: "", formats: "any" })),
  };
  const rows = years.map((y) => ({
    year: y.year,
    filed: y.reportId !== null,
    format: y.format,
    reportId: y.reportId,
    values: Object.fromEntries(channels.map((c) => [c, y.posts[c]?.value ?? null])),
    hidden: {},
  }));
  return { family, rows };
}

/** Where the table format changes inside the range (2019 → 2021), if both appear. */
export function formatBreak(rows: readonly { year: number; format: YearFormat | null }[]): number | null {
  const has2019 = rows.some((r) => r.format === "2019");
  const first2021 = rows.find((r) => r.format === "2021");
  return has2019 && first2021 ? first2021.year : null;
}
