/**
 * The KPI cards: each headline measure's latest year, its change on the year before and a sparkline.
 */
import { msg } from "../messages";
import { MEASURE_BY_ID, isRate, measureTraceKey, measureValue, type Measure } from "./measures";
import { yearOverYear, type HiddenReason, type Polarity, type YearChange } from "./yoy";
import type { AgencyYear, YearFormat } from "./agency-years";
import { POST_LABELS } from "./families";

// ---------------------------------------------------------------------------------------------
// KPI cards

export interface Kpi {
  id: string;
  label: string;
  unit: string;
  year: number;
  change: YearChange;
  /** No report last year: no 同比. */
  prevMissing: boolean;
  hidden: HiddenReason | null;
  base: number | null;
  baseLabel?: string;
  spark: (number | null)[];
  reportId: number;
  cell: string;
}

export const KPI_MEASURES = ["received", "disclosureRate", "correctionRate", "reviewTotal", "suitTotal", "licensing", "penalty"] as const;

/** KPI cards for the latest year with tables. */
export function buildKpis(years: readonly AgencyYear[]): Kpi[] {
  const latest = [...years].reverse().find((y) => y.reportId !== null && y.format !== "pre2019");
  if (!latest) return [];
  const prev = years.find((y) => y.year === latest.year - 1);
  const tabled = years.filter((y) => y.format !== "pre2019");
  const kpis: Kpi[] = KPI_MEASURES.map((id) => {
    const m = MEASURE_BY_ID.get(id) as Measure;
    const cur = measureValue(m, latest.figures);
    const before = prev && prev.reportId !== null ? measureValue(m, prev.figures) : null;
    return {
      id,
      label: m.label,
      unit: m.unit,
      year: latest.year,
      change: yearOverYear(cur.value, before?.value ?? null, m.polarity, { rate: isRate(m) }),
      prevMissing: !prev || prev.reportId === null,
      hidden: cur.hidden,
      base: cur.base,
      baseLabel: m.baseLabel,
      spark: tabled.map((y) => (y.reportId === null ? null : measureValue(m, y.figures).value)),
      reportId: latest.reportId!,
      cell: measureTraceKey(m),
    };
  });
  // Posts published: the headline of section 一 (total, else the website figure).
  const postOf = (y: AgencyYear | undefined) => (y ? (y.posts.total ?? y.posts.website ?? null) : null);
  const p = postOf(latest);
  if (p) {
    const pp = prev && prev.reportId !== null ? postOf(prev) : null;
    const polarity: Polarity = "up-good";
    kpis.push({
      id: "posts",
      label: POST_LABELS[p.channel],
      unit: msg.figures.units.posts,
      year: latest.year,
      change: yearOverYear(p.value, pp && pp.channel === p.channel ? pp.value : null, polarity),
      prevMissing: !prev || prev.reportId === null,
      hidden: null,
      base: null,
      spark: years.map((y) => (postOf(y)?.channel === p.channel ? postOf(y)!.value : null)),
      reportId: latest.reportId!,
      cell: "",
    });
  }
  return kpis;
}

/** Table figures start with the first report that has tables: earlier free-form years are noted, not drawn. */
export function fromFirstTables<T extends { format: YearFormat | null }>(rows: readonly T[]): T[] {
  const i = rows.findIndex((r) => r.format === "2019" || r.format === "2021");
  return i < 0 ? [...rows] : rows.slice(i);
}
