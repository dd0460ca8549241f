/**
 * One agency over the years: a row per year from its first report (or active_from) through the
 * latest expected year (missing years included, as gaps), the families of figures the agency page charts, its headline trend and its
 * KPI cards.
 */
import { HEADLINE_KEYS, type HeadlineKey } from "../report/headline-keys";
import { FIGURE_BY_ID, allFigures, type Cells } from "./figures";
import { MEASURE_BY_ID, isRate, measureTraceKey, measureValue, type Measure } from "./measures";
import { extractPosts, type PostChannel, type PostFigure } from "./posts";
import { yearOverYear, type HiddenReason, type Polarity, type YearChange } from "./yoy";

export type YearFormat = "2021" | "2019" | "pre2019";

export interface AgencyYear {
  year: number;
  /** null: no report on file for this year (未报送). */
  reportId: number | null;
  format: YearFormat | null;
  figures: Record<string, number | null>;
  posts: Partial<Record<PostChannel, EffectivePost>>;
  /** Headline figures the report's prose (or old 统计表) states: all a pre-2019 report has to compare. */
  stated: Partial<Record<HeadlineKey, number>>;
}

export interface EffectivePost extends PostFigure {
  /** The extracted value before a user's correction, when corrected. */
  extracted: number | null;
  corrected: boolean;
}

export interface ReportInput {
  id: number;
  year: number;
  format: YearFormat;
  cells: Cells;
  prose: string;
  /** reports.headline; absent where the caller does not read it (region export). */
  headline?: readonly { key: string; value: number }[];
}

const statedOf = (headline: ReportInput["headline"]): Partial<Record<HeadlineKey, number>> =>
  Object.fromEntries((headline ?? []).filter((h) => (HEADLINE_KEYS as readonly string[]).includes(h.key)).map((h) => [h.key, h.value]));

export interface PostCorrectionInput {
  reportId: number;
  channel: string;
  value: number | null;
}

/** Posts per report: the extraction, overridden by what a person corrected. */
export function effectivePosts(prose: string, reportId: number, corrections: readonly PostCorrectionInput[]): Partial<Record<PostChannel, EffectivePost>> {
  const out: Partial<Record<PostChannel, EffectivePost>> = {};
  for (const p of extractPosts(prose)) out[p.channel] = { ...p, extracted: p.value, corrected: false };
  for (const c of corrections) {
    if (c.reportId !== reportId) continue;
    const ch = c.channel as PostChannel;
    const was = out[ch];
    if (c.value === null) delete out[ch];
    else out[ch] = { channel: ch, value: c.value, sentence: was?.sentence ?? "", extracted: was?.extracted ?? null, corrected: true };
  }
  return out;
}

/**
 * `span` (lib/dashboard/filing.ts expectedSpan) widens the years to every year the agency was
 * expected to report, so years after its last report show as 未报送 gaps too.
 */
export function buildAgencyYears(
  reports: readonly ReportInput[],
  corrections: readonly PostCorrectionInput[] = [],
  span?: { from: number; to: number } | null,
): AgencyYear[] {
  if (reports.length === 0) return [];
  const byYear = new Map(reports.map((r) => [r.year, r]));
  const first = Math.min(span?.from ?? Infinity, ...reports.map((r) => r.year));
  const last = Math.max(span?.to ?? -Infinity, ...reports.map((r) => r.year));
  const out: AgencyYear[] = [];
  for (let year = first; year <= last; year++) {
    const r = byYear.get(year);
    out.push(
      r
        ? { year, reportId: r.id, format: r.format, figures: allFigures(r.cells), posts: effectivePosts(r.prose, r.id, corrections), stated: statedOf(r.headline) }
        : { year, reportId: null, format: null, figures: {}, posts: {}, stated: {} },
    );
  }
  return out;
}

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

export const FAMILIES: readonly Family[] = [
  {
    id: "applicants",
    title: "本年新收申请（按申请人类型）",
    chart: "stacked",
    unit: "件",
    series: ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org"].map((c) => fig(`received_${c}`)),
  },
  {
    id: "carry",
    title: "上年结转与结转下年度",
    chart: "line",
    unit: "件",
    series: [fig("carriedOver"), fig("carriedForward")],
  },
  {
    id: "outcomes",
    title: "办理结果（件数）",
    chart: "stacked",
    unit: "件",
    series: ["disclosed", "partiallyDisclosed", "withheld", "unavailable", "notProcessed", "otherHandled"].map((id) => fig(id)),
  },
  {
    id: "outcomeShares",
    title: "办理结果（占办理结果总计的比例）",
    chart: "share",
    unit: "%",
    series: ["disclosed", "partiallyDisclosed", "withheld", "unavailable", "notProcessed", "otherHandled"].map((id) => fig(id)),
  },
  {
    id: "disclosureRate",
    title: "公开率（予以公开＋部分公开）/ 办理结果总计",
    chart: "rate",
    unit: "%",
    series: [{ id: "disclosureRate", label: "公开率", cell: measureTraceKey(MEASURE_BY_ID.get("disclosureRate")!), formats: "both" }],
  },
  {
    id: "decisions",
    title: "行政许可、行政处罚、行政强制处理决定",
    chart: "line",
    unit: "件",
    series: [fig("licensing"), fig("penalty"), fig("coercion")],
  },
  {
    id: "fees",
    title: "行政事业性收费金额（万元）",
    chart: "line",
    unit: "万元",
    series: [fig("feesWan", "本年收费金额")],
    note: "2019 年版格式只报收费项目数（上一年项目数量、本年增/减），不是金额，不能与 2021 年起的收费金额连成一条线。",
  },
  {
    id: "rules",
    title: "规章",
    chart: "line",
    unit: "件",
    series: [
      fig("rulesIssued", "本年制发"),
      fig("rulesRepealed", "本年废止"),
      fig("rulesInForce", "现行有效"),
      fig("rulesMade", "本年新制作（2019 年版）"),
      fig("rulesPublished", "本年新公开（2019 年版）"),
      fig("rulesTotalPublic", "对外公开总数量（2019 年版）"),
    ],
    note: "“对外公开总数量”（累计公开）与“现行有效件数”口径不同，分成两条线，不连成一条。",
  },
  {
    id: "docs",
    title: "行政规范性文件",
    chart: "line",
    unit: "件",
    series: [
      fig("docsIssued", "本年制发"),
      fig("docsRepealed", "本年废止"),
      fig("docsInForce", "现行有效"),
      fig("docsMade", "本年新制作（2019 年版）"),
      fig("docsPublished", "本年新公开（2019 年版）"),
      fig("docsTotalPublic", "对外公开总数量（2019 年版）"),
    ],
    note: "“对外公开总数量”（累计公开）与“现行有效件数”口径不同，分成两条线，不连成一条。",
  },
  {
    id: "review",
    title: "行政复议（按结果）",
    chart: "stacked",
    unit: "件",
    series: [fig("review_upheld", "结果维持"), fig("review_corrected", "结果纠正"), fig("review_other", "其他结果"), fig("review_pending", "尚未审结")],
  },
  {
    id: "suit",
    title: "行政诉讼（按结果，含复议后起诉）",
    chart: "stacked",
    unit: "件",
    series: [fig("suit_upheld", "结果维持"), fig("suit_corrected", "结果纠正"), fig("suit_other", "其他结果"), fig("suit_pending", "尚未审结")],
  },
  {
    id: "correctionRate",
    title: "复议诉讼纠错率",
    chart: "rate",
    unit: "%",
    series: [{ id: "correctionRate", label: "纠错率", cell: measureTraceKey(MEASURE_BY_ID.get("correctionRate")!), formats: "both" }],
  },
];

export const POST_LABELS: Record<PostChannel, string> = {
  total: "主动公开政府信息",
  website: "政府网站发布",
  wechat: "微信公众号发布",
  weibo: "政务微博发布",
  new_media: "政务新媒体发布",
};

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
    title: "发布信息条数（第一部分总体情况所述）",
    chart: "line",
    unit: "条",
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
      unit: "条",
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
