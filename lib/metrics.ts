/**
 * Headline figures derived from cells, declared once: the agency chart, and later the KPI cards,
 * comparisons and exports, read this list. Only measures comparable across both formats.
 */
import { t3Key, t4Key } from "./report/template";

export type Cells = Readonly<Record<string, number | null>>;

export interface Metric {
  id: string;
  label: string;
  unit: string;
  /** The cells it reads; a year that prints none of them has no value (a gap, not 0). */
  keys: readonly string[];
  /** Literal colour: exported charts cannot resolve CSS variables. */
  color: string;
}

const sumPresent = (cells: Cells, keys: readonly string[]): number | null => {
  const present = keys.filter((k) => k in cells);
  if (present.length === 0) return null;
  if (present.every((k) => cells[k] === null)) return null;
  return present.reduce((s, k) => s + (cells[k] ?? 0), 0);
};

export const HEADLINE_METRICS: readonly Metric[] = [
  { id: "received", label: "本年新收申请", unit: "件", keys: [t3Key("received", "total")], color: "#2563eb" },
  { id: "licensing", label: "行政许可处理决定", unit: "件", keys: ["t2.licensing.decisions"], color: "#16a34a" },
  { id: "penalty", label: "行政处罚处理决定", unit: "件", keys: ["t2.penalty.decisions"], color: "#ea580c" },
  { id: "review", label: "行政复议总计", unit: "件", keys: [t4Key("review", "total")], color: "#9333ea" },
  {
    id: "suit",
    label: "行政诉讼总计",
    unit: "件",
    keys: [t4Key("suit_direct", "total"), t4Key("suit_after_review", "total")],
    color: "#dc2626",
  },
];

export function metricValue(metric: Metric, cells: Cells): number | null {
  return sumPresent(cells, metric.keys);
}

export interface TrendPoint {
  year: number;
  filed: boolean;
  values: Record<string, number | null>;
}

/**
 * One point per year from the first to the last filed year. A year with no report is a point with
 * every value null, so the chart draws a gap there, never a zero.
 */
export function buildTrend(
  rows: readonly { year: number; key: string; value: number | null }[],
  filedYears: readonly number[],
  metrics: readonly Metric[] = HEADLINE_METRICS,
): TrendPoint[] {
  if (filedYears.length === 0) return [];
  const byYear = new Map<number, Record<string, number | null>>();
  for (const r of rows) {
    const cells = byYear.get(r.year) ?? {};
    cells[r.key] = r.value;
    byYear.set(r.year, cells);
  }
  const first = Math.min(...filedYears);
  const last = Math.max(...filedYears);
  const points: TrendPoint[] = [];
  for (let year = first; year <= last; year++) {
    const cells = byYear.get(year) ?? {};
    points.push({
      year,
      filed: filedYears.includes(year),
      values: Object.fromEntries(metrics.map((m) => [m.id, metricValue(m, cells)])),
    });
  }
  return points;
}

export const ALL_METRIC_KEYS = [...new Set(HEADLINE_METRICS.flatMap((m) => m.keys))];
