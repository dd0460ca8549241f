/**
 * The figures a report states in its prose (lib/parse/headline.ts reads them, the agency page draws
 * them): declared here, beside the template, so the dashboard does not depend on the parser.
 */
export const HEADLINE_KEYS = ["proactive", "requests_received", "requests_answered", "reviews", "suits"] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

export interface HeadlineFigure {
  key: HeadlineKey;
  value: number;
  /** The sentence (or 统计表 row, cells joined by ` | `) as printed. */
  sentence: string;
  /** Read from the prose, or from a row of the old statistics table. */
  source: "text" | "table";
}
