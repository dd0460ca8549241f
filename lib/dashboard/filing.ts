/**
 * An agency's filing history: every year it was expected to report — from active_from (else its
 * first report) through the latest year anyone has reported (capped by active_to) — each filed on
 * time, filed late, filed with no known date, or missing. The agency page spans these years, so an
 * agency that stopped after 2021 shows 2022–2025 as 未报送 gaps, as /coverage counts them.
 */
import { daysLate, type DeadlineKind } from "../report/deadline";

export interface ExpectedSpan {
  from: number;
  to: number;
}

export function expectedSpan(
  reportYears: readonly number[],
  agency: { activeFrom: number | null; activeTo: number | null },
  latestYear: number | null,
): ExpectedSpan | null {
  const first = agency.activeFrom ?? (reportYears.length ? Math.min(...reportYears) : null);
  if (first === null) return null;
  const lastFiled = reportYears.length ? Math.max(...reportYears) : first;
  let to = Math.max(lastFiled, latestYear ?? lastFiled);
  if (agency.activeTo !== null) to = Math.min(to, Math.max(agency.activeTo, lastFiled));
  return { from: Math.min(first, ...reportYears), to: Math.max(to, first) };
}

export type FilingStatus = "on-time" | "late" | "no-date" | "missing";

export interface FilingYear {
  year: number;
  status: FilingStatus;
  daysLate: number | null;
  reportId: number | null;
}

export function filingHistory(
  span: ExpectedSpan | null,
  reports: readonly { id: number; year: number; publishedOn: string | null }[],
  kind: DeadlineKind,
): FilingYear[] {
  if (!span) return [];
  const byYear = new Map(reports.map((r) => [r.year, r]));
  const out: FilingYear[] = [];
  for (let year = span.from; year <= span.to; year++) {
    const r = byYear.get(year);
    if (!r) {
      out.push({ year, status: "missing", daysLate: null, reportId: null });
      continue;
    }
    const late = daysLate(year, kind, r.publishedOn);
    out.push({ year, status: late === null ? "no-date" : late > 0 ? "late" : "on-time", daysLate: late, reportId: r.id });
  }
  return out;
}
