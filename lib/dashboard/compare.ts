/**
 * Compare view: per agency-year numerator/base rows → chart rows, ranking cells with 同比 and the
 * min-base rule. Pure; the SQL ranks and fetches, this decides what is shown.
 */
import { isRate, type Measure } from "./measures";
import { ratio, yearOverYear, type HiddenReason, type YearChange } from "./yoy";

export interface Shown {
  value: number | null;
  hidden: HiddenReason | null;
  base: number | null;
}

/** A measure's shown value from its raw numerator and base (rates obey the min-base rule). */
export function shownValue(m: Measure, num: number | null, den: number | null): Shown {
  if (!isRate(m)) return { value: num, hidden: num === null ? "no-data" : null, base: null };
  const r = ratio(num, den, m.minBase ?? 1);
  return { value: r.value, hidden: r.hidden, base: r.base };
}

export interface RankCell {
  current: Shown;
  previous: Shown;
  change: YearChange;
}

export function rankCell(
  m: Measure,
  cur: { num: number | null; den: number | null },
  prev: { num: number | null; den: number | null },
): RankCell {
  const current = shownValue(m, cur.num, cur.den);
  const previous = shownValue(m, prev.num, prev.den);
  return { current, previous, change: yearOverYear(current.value, previous.value, m.polarity, { rate: isRate(m) }) };
}

/** Chart rows: one per year, a value column and a report column per agency. */
export function compareRows(
  m: Measure,
  series: readonly { agencyId: number; year: number; reportId: number; num: number | null; den: number | null }[],
  from: number,
  to: number,
): ({ year: number } & Record<string, number | null>)[] {
  const rows: ({ year: number } & Record<string, number | null>)[] = [];
  for (let year = from; year <= to; year++) rows.push({ year } as { year: number } & Record<string, number | null>);
  for (const s of series) {
    const row = rows[s.year - from];
    if (!row) continue;
    row[`a${s.agencyId}`] = shownValue(m, s.num, s.den).value;
    row[`r_a${s.agencyId}`] = s.reportId;
  }
  return rows;
}
