/**
 * The measures a manager reads — KPI cards, compare, rankings — built on the figures of
 * figures.ts: a count is one figure or a sum of figures, a rate is a ratio of sums with a minimum
 * base. Declared once: the agency page, the compare page and the region totals read this list.
 */
import { FIGURE_BY_ID, type FigureFormats } from "./figures";
import { ratio, type Polarity, type Ratio } from "./yoy";

export interface Measure {
  id: string;
  label: string;
  unit: "件" | "万元" | "%";
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

export const MEASURES: readonly Measure[] = [
  { id: "received", label: "本年新收申请", unit: "件", polarity: "neutral", num: ["received"], trace: "received", formats: "both" },
  {
    id: "disclosureRate",
    label: "公开率（予以公开＋部分公开）",
    unit: "%",
    polarity: "up-good",
    num: ["disclosed", "partiallyDisclosed"],
    den: ["totalHandled"],
    minBase: 10,
    baseLabel: "办理结果总计",
    trace: "totalHandled",
    formats: "both",
  },
  {
    id: "correctionRate",
    label: "复议诉讼纠错率",
    unit: "%",
    polarity: "up-bad",
    num: ["review_corrected", "suit_corrected"],
    den: ["review_total", "suit_total"],
    minBase: 5,
    baseLabel: "行政复议和行政诉讼总计",
    trace: "review_corrected",
    formats: "both",
  },
  { id: "reviewTotal", label: "行政复议", unit: "件", polarity: "up-bad", num: ["review_total"], trace: "review_total", formats: "both" },
  {
    id: "reviewCorrected",
    label: "行政复议纠错",
    unit: "件",
    polarity: "up-bad",
    num: ["review_corrected"],
    trace: "review_corrected",
    formats: "both",
  },
  { id: "suitTotal", label: "行政诉讼", unit: "件", polarity: "up-bad", num: ["suit_total"], trace: "suit_total", formats: "both" },
  { id: "licensing", label: "行政许可处理决定", unit: "件", polarity: "neutral", num: ["licensing"], trace: "licensing", formats: "both" },
  { id: "penalty", label: "行政处罚处理决定", unit: "件", polarity: "neutral", num: ["penalty"], trace: "penalty", formats: "both" },
  { id: "coercion", label: "行政强制处理决定", unit: "件", polarity: "neutral", num: ["coercion"], trace: "coercion", formats: "both" },
  { id: "feesWan", label: "行政事业性收费金额", unit: "万元", polarity: "neutral", num: ["feesWan"], trace: "feesWan", formats: "2021" },
  {
    id: "docsIssued",
    label: "行政规范性文件·本年制发",
    unit: "件",
    polarity: "neutral",
    num: ["docsIssued"],
    trace: "docsIssued",
    formats: "2021",
  },
  {
    id: "docsInForce",
    label: "行政规范性文件·现行有效",
    unit: "件",
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
