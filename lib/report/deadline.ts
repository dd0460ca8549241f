/**
 * Publication deadlines (domain.md §1, rule D1): reports on 2019 and later are due by 31 January of
 * the next year for departments (and townships, which publish with the county's departments), by
 * 31 March for a 本级政府's own report; reports under the 2008 regulation (≤ 2018) by 31 March.
 */
export type DeadlineKind = "government" | "department" | "township";

export function deadlineFor(year: number, kind: DeadlineKind): string {
  if (year <= 2018 || kind === "government") return `${year + 1}-03-31`;
  return `${year + 1}-01-31`;
}

/** Days late (> 0), or 0 when on time; null when the publication date is unknown. */
export function daysLate(year: number, kind: DeadlineKind, publishedOn: string | null): number | null {
  if (!publishedOn) return null;
  const due = Date.parse(`${deadlineFor(year, kind)}T00:00:00Z`);
  const got = Date.parse(`${publishedOn.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(got)) return null;
  return Math.max(0, Math.round((got - due) / 86_400_000));
}
