/**
 * Ranking agency-years by total score. Only complete scores get a rank (1, 2, 2, 4 on ties);
 * incomplete ones are listed after, with the reason in Chinese. The change over last year is only
 * shown when both years are complete under the same rubric version.
 */
import { scoringMsg as m } from "../messages/scoring";
import { round2 } from "./rubric";
import type { ScoreResult } from "./score";

export interface RankInput {
  agencyId: number;
  agency: string;
  region: string;
  reportId: number | null;
  score: ScoreResult;
  previous: ScoreResult | null;
}

/**
 * What a ranking orders by. `total`: every indicator. `auto`: only the indicators computed from
 * the reports (and overrides of them) — available the moment reports are imported, before an
 * assessor has entered a manual item, and fair to all because no one's manual items count.
 */
export type RankBasis = "total" | "auto";
export const RANK_BASES: readonly RankBasis[] = ["total", "auto"];

export interface RankedRow extends RankInput {
  rank: number | null;
  change: number | null;
  /** Why there is no rank (Chinese), null when ranked. */
  unranked: string | null;
  /** The points ranked on: the total, or the automatic indicators' sum (null when not all known). */
  points: number | null;
  /** Manual indicators with no entry yet. */
  pending: string[];
}

// One collator for every comparison (localeCompare with a locale builds its lookup each call), and
// rows written out field by field (a spread followed by more fields is V8's slow path): a
// province's ranking sorts and copies 8,000 rows.
const byName = new Intl.Collator("zh-CN").compare;
const ranked = (
  r: RankInput,
  rank: number | null,
  change: number | null,
  unranked: RankedRow["unranked"],
  points: number | null,
): RankedRow => ({
  agencyId: r.agencyId,
  agency: r.agency,
  region: r.region,
  reportId: r.reportId,
  score: r.score,
  previous: r.previous,
  rank,
  change,
  unranked,
  points,
  pending: r.reportId === null ? [] : r.score.items.filter((i) => i.missing === "not_entered").map((i) => i.name),
});

/** The sum of the automatic indicators (overrides included), or null while one of them is unknown. */
export function autoPoints(s: ScoreResult): number | null {
  let sum = 0;
  for (const i of s.items) {
    if (i.method === "manual") continue;
    if (i.points === null) return null;
    sum += i.points;
  }
  return round2(sum);
}

/** The most points the automatic indicators give. */
export function autoMax(s: ScoreResult): number {
  return round2(s.items.filter((i) => i.method !== "manual").reduce((n, i) => n + i.max, 0));
}

/** Rank on the total once every reporting agency's manual items are entered; until then on the automatic ones. */
export function defaultBasis(rows: readonly RankInput[]): RankBasis {
  return rows.some((r) => r.reportId !== null && r.score.missing.some((x) => x.reason === "not_entered")) ? "auto" : "total";
}

/** Why a score is incomplete: each missing reason once, with the indicators it affects. */
export function whyIncomplete(s: ScoreResult): string {
  if (s.missing.some((x) => x.reason === "no_report")) return m.missing.no_report;
  const byReason = new Map<string, string[]>();
  for (const x of s.missing) byReason.set(x.reason, [...(byReason.get(x.reason) ?? []), x.name]);
  return [...byReason].map(([reason, names]) => m.missingList(m.missing[reason] ?? reason, names)).join("；");
}

export function rankAgencies(rows: readonly RankInput[], basis: RankBasis = "total"): RankedRow[] {
  const value = (sc: ScoreResult | null) =>
    !sc ? null : basis === "total" ? (sc.complete ? sc.total : null) : sc.total === null ? null : autoPoints(sc);
  const withValue = rows.map((r) => ({ r, v: value(r.score) }));
  const complete = withValue.filter((x) => x.v !== null).sort((a, b) => b.v! - a.v! || byName(a.r.agency, b.r.agency));
  const incomplete = withValue
    .filter((x) => x.v === null)
    // Those with a report first (closest to being ranked), then by known points.
    .sort(
      (a, b) =>
        Number(a.r.reportId === null) - Number(b.r.reportId === null) ||
        (b.r.score.total ?? -1) - (a.r.score.total ?? -1) ||
        byName(a.r.agency, b.r.agency),
    );
  const out: RankedRow[] = [];
  complete.forEach(({ r, v }, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.points === v ? prev.rank : i + 1;
    const before = value(r.previous);
    out.push(ranked(r, rank, before === null ? null : round2(v! - before), null, v));
  });
  for (const { r } of incomplete) {
    // Ranked on the automatic indicators, a pending manual item is no reason not to rank.
    const score = basis === "auto" ? { ...r.score, missing: r.score.missing.filter((x) => x.reason !== "not_entered") } : r.score;
    out.push(ranked(r, null, null, whyIncomplete(score), null));
  }
  return out;
}
