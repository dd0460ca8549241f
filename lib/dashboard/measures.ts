/**
 * The measures a manager reads — KPI cards, compare, rankings — built on the figures of
 * figures.ts: a count is one figure or a sum of figures, a rate is a ratio of sums with a minimum
 * base. Declared once: the agency page, the compare page and the region totals read this list.
 */
import { msg } from "../messages";
import { t2RowLabel, t4GroupName } from "../report/template";
import { FIGURE_BY_ID, type FigureFormats } from "./figures";
import { ratio, type Polarity, type Ratio } from "./yoy";

export interface Measure {
  id: string;
  label: string;
  unit: (typeof msg.figures.units)["count" | "tenThousandYuan" | "percent"];
  polarity: Polarity;
  /** Figures summed for the value (numerator of a rate). */
  num: readonly string[];
  /** Figures summed for the base of a rate. */
  den?: readonly string[];
  /** A rate over a smaller base is hidden (with the reason). */
  minBase?: number;
  baseLabel?: string;
  /** The figure whose cell a value links to. */
  trace: string;
  formats: FigureFormats;
}

const { units: U, measure: M } = msg.figures;
const figureLabel = (id: string) => FIGURE_BY_ID.get(id)!.label;
const docs = (column: "issued" | "in_force") => `${t2RowLabel("2021", "normative_docs")}·${msg.figures.t2Column[column]}`;

export const MEASURES: readonly Measure[] = [
  {
    id: "received",
    label: figureLabel("received"),
    unit: U.count,
    polarity: "neutral",
    num: ["received"],
    trace: "received",
    formats: "both",
  },
  {
    id: "disclosureRate",
    label: M.disclosureRate,
    unit: U.percent,
    polarity: "up-good",
    num: ["disclosed", "partiallyDisclosed"],
    den: ["totalHandled"],
    minBase: 10,
    baseLabel: figureLabel("totalHandled"),
    trace: "totalHandled",
    formats: "both",
  },
  {
    id: "correctionRate",
    label: M.correctionRate,
    unit: U.percent,
    polarity: "up-bad",
    num: ["review_corrected", "suit_corrected"],
    den: ["review_total", "suit_total"],
    minBase: 5,
    baseLabel: M.correctionBase,
    trace: "review_corrected",
    formats: "both",
  },
  {
    id: "reviewTotal",
    label: t4GroupName("review"),
    unit: U.count,
    polarity: "up-bad",
    num: ["review_total"],
    trace: "review_total",
    formats: "both",
  },
  {
    id: "reviewCorrected",
    label: M.reviewCorrected,
    unit: U.count,
    polarity: "up-bad",
    num: ["review_corrected"],
    trace: "review_corrected",
    formats: "both",
  },
  {
    id: "suitTotal",
    label: t4GroupName("suit_direct"),
    unit: U.count,
    polarity: "up-bad",
    num: ["suit_total"],
    trace: "suit_total",
    formats: "both",
  },
  {
    id: "licensing",
    label: figureLabel("licensing"),
    unit: U.count,
    polarity: "neutral",
    num: ["licensing"],
    trace: "licensing",
    formats: "both",
  },
  { id: "penalty", label: figureLabel("penalty"), unit: U.count, polarity: "neutral", num: ["penalty"], trace: "penalty", formats: "both" },
  {
    id: "coercion",
    label: figureLabel("coercion"),
    unit: U.count,
    polarity: "neutral",
    num: ["coercion"],
    trace: "coercion",
    formats: "both",
  },
  {
    id: "feesWan",
    label: figureLabel("feesWan"),
    unit: U.tenThousandYuan,
    polarity: "neutral",
    num: ["feesWan"],
    trace: "feesWan",
    formats: "2021",
  },
  {
    id: "docsIssued",
    label: docs("issued"),
    unit: U.count,
    polarity: "neutral",
    num: ["docsIssued"],
    trace: "docsIssued",
    formats: "2021",
  },
  {
    id: "docsInForce",
    label: docs("in_force"),
    unit: U.count,
    polarity: "neutral",
    num: ["docsInForce"],
    trace: "docsInForce",
    formats: "2021",
  },
];

export const MEASURE_BY_ID: ReadonlyMap<string, Measure> = new Map(MEASURES.map((m) => [m.id, m]));
export const MEASURE_IDS = MEASURES.map((m) => m.id) as [string, ...string[]];

const sum = (figures: Readonly<Record<string, number | null>>, ids: readonly string[]): number | null => {
  let s: number | null = null;
  for (const id of ids) {
    const v = figures[id];
    if (v !== null && v !== undefined) s = (s ?? 0) + v;
  }
  return s;
};

export const isRate = (m: Measure) => m.den !== undefined;

/** A measure's value from figures (one report's, or a region's sums). */
export function measureValue(m: Measure, figures: Readonly<Record<string, number | null>>): Ratio {
  const num = sum(figures, m.num);
  if (!m.den) return { value: num, base: null, hidden: num === null ? "no-data" : null };
  return ratio(num, sum(figures, m.den), m.minBase ?? 1);
}

/** The template cell a measure's value opens (the total cell of its trace figure). */
export const measureTraceKey = (m: Measure) => FIGURE_BY_ID.get(m.trace)?.traceKey ?? "";
