/** Coverage by year: how many agencies were expected to report, from a few spans of years. */

export interface ExpectedSpan {
  from: number | null;
  to: number | null;
  n: number;
}

/** Agencies expected in each year: from ≤ year ≤ to (to open-ended when null; no from: never). */
export function expectedByYear(spans: readonly ExpectedSpan[], years: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const y of years) {
    let n = 0;
    for (const s of spans) if (s.from !== null && s.from <= y && (s.to === null || s.to >= y)) n += s.n;
    out.set(y, n);
  }
  return out;
}

export interface CoverageYear {
  year: number;
  expected: number;
  filed: number;
  late: number;
  /** filed / expected, null when nobody was expected. */
  rate: number | null;
}

export function coverageByYear(
  spans: readonly ExpectedSpan[],
  filed: readonly { year: number; filed: number; late: number }[],
  maxYears = 10,
): CoverageYear[] {
  if (filed.length === 0) return [];
  const last = Math.max(...filed.map((f) => f.year));
  const first = Math.max(Math.min(...filed.map((f) => f.year)), last - maxYears + 1);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const expected = expectedByYear(spans, years);
  return years.map((year) => {
    const f = filed.find((x) => x.year === year);
    const e = expected.get(year) ?? 0;
    return { year, expected: e, filed: f?.filed ?? 0, late: f?.late ?? 0, rate: e > 0 ? Math.min(1, (f?.filed ?? 0) / e) : null };
  });
}
