/**
 * What the harvest proves about one agency-year, and lateness measured by when the report really
 * appeared: a report that prints 1月20日 but was not on the list when we read it on 2月3日 appeared
 * after 2月3日, whatever it prints. Pure: the coverage page and the agency page both read this.
 */
import { daysLate, type DeadlineKind } from "../report/deadline";

export interface EvidenceInput {
  year: number;
  kind: DeadlineKind;
  hasSource: boolean;
  /** The last time the agency's list was read to the end. */
  checkedAt: Date | null;
  firstSeenAt: Date | null;
  lastMissingAt: Date | null;
  printedOn: string | null;
  /** Whether a version of the report was fetched and read (false: the link was there, the file was not). */
  fetched: boolean;
}

export type Evidence =
  | {
      state: "published";
      printedOn: string | null;
      firstSeenAt: Date;
      /** Set when a reading of the list after the printed date did not show the report. */
      appearedAfter: Date | null;
      daysLatePrinted: number | null;
      /** Days late by when it appeared (a lower bound when appearedAfter is set); null when unknown. */
      daysLateEvidence: number | null;
    }
  | { state: "listed"; firstSeenAt: Date }
  | { state: "not_found"; asOf: Date }
  | { state: "no_source" }
  | { state: "unchecked" };

/** The calendar day in China of a moment (deadlines are Beijing dates). */
export const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function evidenceFor(e: EvidenceInput): Evidence {
  if (e.firstSeenAt && !e.fetched) return { state: "listed", firstSeenAt: e.firstSeenAt };
  if (e.firstSeenAt) {
    const printedLate = daysLate(e.year, e.kind, e.printedOn);
    const contradicted = e.lastMissingAt && (!e.printedOn || chinaDate(e.lastMissingAt) >= e.printedOn) ? e.lastMissingAt : null;
    const byEvidence = contradicted ? daysLate(e.year, e.kind, chinaDate(contradicted)) : printedLate;
    return {
      state: "published",
      printedOn: e.printedOn,
      firstSeenAt: e.firstSeenAt,
      appearedAfter: contradicted,
      daysLatePrinted: printedLate,
      daysLateEvidence: byEvidence === null || printedLate === null ? byEvidence : Math.max(byEvidence, printedLate),
    };
  }
  if (!e.hasSource) return { state: "no_source" };
  if (!e.checkedAt) return { state: "unchecked" };
  return { state: "not_found", asOf: e.checkedAt };
}
