/**
 * Headline trend (主要指标趋势): the KPI cards' count measures over every filed year, with the prose
 * figures of pre-2019 reports where they count the same thing.
 */
import type { HeadlineKey } from "../report/headline-keys";
import { MEASURE_BY_ID, measureValue } from "./measures";
import type { AgencyYear } from "./agency-years";
import type { ChartRow, HeadlineMeasure } from "./families";

// ---------------------------------------------------------------------------------------------
// Headline trend: the KPI cards' count measures over every filed year

export interface HeadlineSeries {
  id: HeadlineMeasure;
  label: string;
  unit: string;
  /**
   * The prose figure that counts the same thing, drawn for pre-2019 years (no tables). In reports
   * with tables the narrative checks compare the same statements with these cells
   * (lib/checks/rules.ts n.received, n.review, n.suits). 答复 and 主动公开 have no measure of the
   * same meaning here and are not joined.
   */
  stated?: HeadlineKey;
}

const headlineSeries = (id: HeadlineMeasure, stated?: HeadlineKey): HeadlineSeries => {
  const m = MEASURE_BY_ID.get(id);
  if (!m) throw new Error(`unknown measure ${id}`);
  return { id, label: m.label, unit: m.unit, stated };
};

export const HEADLINE_SERIES: readonly HeadlineSeries[] = [
  headlineSeries("received", "requests_received"),
  headlineSeries("licensing"),
  headlineSeries("penalty"),
  headlineSeries("reviewTotal", "reviews"),
  headlineSeries("suitTotal", "suits"),
];

export interface HeadlineRow extends ChartRow {
  /** Series whose value this year is a figure stated in the report's text, not a table cell. */
  stated: string[];
}

/**
 * One row per year from the first to the last filed year (pre-2019 included): table values as the
 * KPI cards compute them; for a pre-2019 report, the stated figure where one means the same. A year
 * without a report, or a measure neither table nor text gives, is null — a gap, never 0.
 */
export function headlineRows(years: readonly AgencyYear[], series: readonly HeadlineSeries[] = HEADLINE_SERIES): HeadlineRow[] {
  return years.map((y) => {
    const values: Record<string, number | null> = {};
    const stated: string[] = [];
    for (const s of series) {
      const table = measureValue(MEASURE_BY_ID.get(s.id)!, y.figures).value;
      const text = y.format === "pre2019" && s.stated ? y.stated[s.stated] : undefined;
      if (table === null && text !== undefined) {
        values[s.id] = text;
        stated.push(s.id);
      } else values[s.id] = table;
    }
    return { year: y.year, filed: y.reportId !== null, format: y.format, reportId: y.reportId, values, hidden: {}, stated };
  });
}
