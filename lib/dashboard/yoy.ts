/**
 * Derived numbers of the dashboard: 同比 (change on last year), shares, rates and the min-base rule.
 * A missing year is null all the way through — never 0 — so no change is computed across it.
 */

/** What a rise means: 主动公开 up is good, 行政复议纠错 up is bad, 新收申请 up is neither. */
export type Polarity = "up-good" | "up-bad" | "neutral";
export type Tone = "good" | "bad" | "neutral";

export interface YearChange {
  value: number | null;
  prev: number | null;
  /** value − prev; for rates in percentage points (×100). */
  delta: number | null;
  /** delta / prev; null when prev is 0 or missing, and for rates (their change is in points). */
  pct: number | null;
  direction: "up" | "down" | "flat" | null;
  tone: Tone;
}

export function yearOverYear(value: number | null, prev: number | null, polarity: Polarity, opts: { rate?: boolean } = {}): YearChange {
  if (value === null || prev === null) return { value, prev, delta: null, pct: null, direction: null, tone: "neutral" };
  const raw = value - prev;
  const delta = opts.rate ? raw * 100 : raw;
  const pct = opts.rate || prev === 0 ? null : raw / prev;
  const direction = Math.abs(raw) < 1e-9 ? "flat" : raw > 0 ? "up" : "down";
  let tone: Tone = "neutral";
  if (direction !== "flat" && polarity !== "neutral") {
    const good = (direction === "up") === (polarity === "up-good");
    tone = good ? "good" : "bad";
  }
  return { value, prev, delta, pct, direction, tone };
}

/** part / whole; null when either is missing or whole is 0. */
export function share(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return part / whole;
}

export type HiddenReason = "no-data" | "no-base" | "small-base";

export interface Ratio {
  value: number | null;
  base: number | null;
  /** Why the ratio is not shown: no data, a base of 0, or a base below the minimum. */
  hidden: HiddenReason | null;
}

/**
 * The min-base rule: a rate over fewer than `minBase` cases is hidden, with the reason — 1 纠错 of
 * 2 复议 is not a 50% correction rate anyone should rank on.
 */
export function ratio(num: number | null, den: number | null, minBase: number): Ratio {
  if (num === null || den === null) return { value: null, base: den, hidden: "no-data" };
  if (den === 0) return { value: null, base: 0, hidden: "no-base" };
  if (den < minBase) return { value: null, base: den, hidden: "small-base" };
  return { value: num / den, base: den, hidden: null };
}
