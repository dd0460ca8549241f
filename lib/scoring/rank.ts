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

export interface RankedRow extends RankInput {
  rank: number | null;
  change: number | null;
  /** Why there is no rank (Chinese), null when ranked. */
  unranked: string | null;
}

// One collator for every comparison (localeCompare with a locale builds its lookup each call), and
// rows written out field by field (a spread followed by more fields is V8's slow path): a
// province's ranking sorts and copies 8,000 rows.
const byName = new Intl.Collator("zh-CN").compare;
const ranked = (r: RankInput, rank: number | null, change: number | null, unranked: RankedRow["unranked"]): RankedRow => ({
  agencyId: r.agencyId,
  agency: r.agency,
  region: r.region,
  reportId: r.reportId,
  score: r.score,
  previous: r.previous,
  rank,
  change,
  unranked,
});

/** Why a score is incomplete: each missing reason once, with the indicators it affects. */
export function whyIncomplete(s: ScoreResult): string {
  if (s.missing.some((x) => x.reason === "no_report")) return m.missing.no_report;
  const byReason = new Map<string, string[]>();
  for (const x of s.missing) byReason.set(x.reason, [...(byReason.get(x.reason) ?? []), x.name]);
  return [...byReason].map(([reason, names]) => m.missingList(m.missing[reason] ?? reason, names)).join("；");
}

export function rankAgencies(rows: readonly RankInput[]): RankedRow[] {
  const complete = rows.filter((r) => r.score.complete).sort((a, b) => b.score.total! - a.score.total! || byName(a.agency, b.agency));
  const incomplete = rows
    .filter((r) => !r.score.complete)
    // Those with a report first (closest to being ranked), then by known points.
    .sort((a, b) => Number(a.reportId === null) - Number(b.reportId === null) || (b.score.total ?? -1) - (a.score.total ?? -1) || byName(a.agency, b.agency));
  const out: RankedRow[] = [];
  complete.forEach((r, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.score.total === r.score.total ? prev.rank : i + 1;
    const change = r.previous?.complete ? round2(r.score.total! - r.previous.total!) : null;
    out.push(ranked(r, rank, change, null));
  });
  for (const r of incomplete) out.push(ranked(r, null, null, whyIncomplete(r.score)));
  return out;
}
