/**
 * The families of figures the agency page and region totals chart, and their rows over the years.
 */
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
    series: [
      fig("review_upheld", "结果维持"),
      fig("review_corrected", "结果纠正"),
      fig("review_other", "其他结果"),
      fig("review_pending", "尚未审结"),
    ],
  },
  {
    id: "suit",
    title: "行政诉讼（按结果，含复议后起诉）",
    chart: "stacked",
    unit: "件",
    series: [
      fig("suit_upheld", "结果维持"),
      fig("suit_corrected", "结果纠正"),
      fig("suit_other", "其他结果"),
      fig("suit_pending", "尚未审结"),
    ],
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
