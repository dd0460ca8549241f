/**
 * One agency over the years: a row per year from its first report (or active_from) through the
 * latest expected year, missing years included as gaps. The agency page's cards each build on these rows:
 * families.ts (the charts of figures), headline-trend.ts (主要指标趋势), kpis.ts (the KPI cards).
 */
import { HEADLINE_KEYS, type HeadlineKey } from "../report/headline-keys";
import { allFigures, type Cells } from "./figures";
import { extractPosts, type PostChannel, type PostFigure } from "./posts";

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
export function effectivePosts(
  prose: string,
  reportId: number,
  corrections: readonly PostCorrectionInput[],
): Partial<Record<PostChannel, EffectivePost>> {
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
        ? {
            year,
            reportId: r.id,
            format: r.format,
            figures: allFigures(r.cells),
            posts: effectivePosts(r.prose, r.id, corrections),
            stated: statedOf(r.headline),
          }
        : { year, reportId: null, format: null, figures: {}, posts: {}, stated: {} },
    );
  }
  return out;
}
