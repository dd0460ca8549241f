/**
 * Every colour a chart draws, in one place and as literals (exported SVG/PNG cannot resolve CSS
 * variables). Series are keyed by figure or measure id (lib/dashboard/figures.ts, measures.ts), so a
 * measure has one colour wherever it is drawn; lib/ holds no colours.
 */
export const CHART = {
  axis: "#6b7280",
  grid: "#e5e7eb",
  text: "#111827",
  gapFill: "#f3f4f6",
  /** The marked line where the table format changes (2020 → 2021). */
  formatBreak: "#9333ea",
  /** Bars of the overview's 报送率 column. */
  rateBar: "#16a34a",
  font: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
} as const;

/** The frame of an exported chart (lib/export/svg.ts): title, subtitle, legend and footer. */
export const FRAME_COLORS = { paper: "#ffffff", title: "#111827", subtitle: "#374151", footer: "#4b5563", cssVariable: "#6b7280" };

const BLUE = "#2563eb";
const GREEN = "#16a34a";
const RED = "#dc2626";
const AMBER = "#f59e0b";
const GREY = "#6b7280";
const INK = "#111827";
const TEAL = "#0f766e";

/** By figure or measure id; families and the headline trend that draw the same measure agree. */
const SERIES: Record<string, string> = {
  // Headline measures (KPI cards, 主要指标趋势, and the families that draw them).
  received: BLUE,
  licensing: GREEN,
  penalty: "#ea580c",
  reviewTotal: "#9333ea",
  suitTotal: RED,
  coercion: "#7c3aed",
  // 本年新收申请 by applicant.
  received_natural_person: BLUE,
  received_commercial: "#0891b2",
  received_research: "#7c3aed",
  received_public_interest: "#db2777",
  received_legal_service: "#ea580c",
  received_other_org: "#65a30d",
  // Carried over / forward.
  carriedOver: TEAL,
  carriedForward: "#b45309",
  // 办理结果 (counts and shares).
  disclosed: GREEN,
  partiallyDisclosed: "#84cc16",
  withheld: RED,
  unavailable: AMBER,
  notProcessed: GREY,
  otherHandled: "#0ea5e9",
  // Rates.
  disclosureRate: GREEN,
  correctionRate: RED,
  // 表二.
  feesWan: TEAL,
  rulesIssued: BLUE,
  rulesRepealed: RED,
  rulesInForce: INK,
  rulesMade: "#93c5fd",
  rulesPublished: "#fca5a5",
  rulesTotalPublic: "#9ca3af",
  docsIssued: BLUE,
  docsRepealed: RED,
  docsInForce: INK,
  docsMade: "#93c5fd",
  docsPublished: "#fca5a5",
  docsTotalPublic: "#9ca3af",
  // 表四 by result.
  review_upheld: GREEN,
  review_corrected: RED,
  review_other: GREY,
  review_pending: AMBER,
  suit_upheld: GREEN,
  suit_corrected: RED,
  suit_other: GREY,
  suit_pending: AMBER,
  // 发布信息条数 by channel (lib/dashboard/posts.ts).
  total: INK,
  website: BLUE,
  wechat: GREEN,
  weibo: "#ea580c",
  new_media: "#7c3aed",
};

/** The colour of a figure or measure; an unknown id is drawn grey rather than not at all. */
export const seriesColor = (id: string): string => SERIES[id] ?? GREY;

/** Lines of the comparison chart, one per agency in the order chosen. */
export const LINE_COLORS = [BLUE, RED, GREEN, "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777", "#4b5563", "#65a30d"];
export const lineColor = (i: number) => LINE_COLORS[i % LINE_COLORS.length];

/** The scoring chart: one per indicator in rubric order. */
export const INDICATOR_COLORS = [
  BLUE,
  GREEN,
  AMBER,
  "#9333ea",
  "#0891b2",
  RED,
  "#65a30d",
  "#db2777",
  "#475569",
  "#ea580c",
  "#0d9488",
  "#7c3aed",
];
export const indicatorColor = (i: number) => INDICATOR_COLORS[i % INDICATOR_COLORS.length];

/** Year-on-year change by what it means for the measure (▲ good, ▼ bad), in cards and tables. */
export const TONE_COLORS = { good: "#15803d", bad: "#b91c1c", neutral: GREY } as const;
/** A sparkline whose change has no direction of good. */
export const SPARK_NEUTRAL = "#1d4ed8";

/** An export legend for series keyed by figure or measure id. */
export const legendOf = (series: readonly { id: string; label: string }[]) =>
  series.map((s) => ({ label: s.label, color: seriesColor(s.id) }));
