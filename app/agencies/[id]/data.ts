import { cache } from "react";
import { getDb } from "@/db/index";
import { getAgency } from "@/db/queries/agencies";
import { getLatestReportYear } from "@/db/queries/coverage";
import { listAgencyReportCells } from "@/db/queries/dashboard";
import { listPostCorrections } from "@/db/queries/posts";
import { listAgencyReports } from "@/db/queries/reports";
import { buildAgencyYears } from "@/lib/dashboard/agency-years";
import { expectedSpan } from "@/lib/dashboard/filing";

/** The years the agency was expected to report (through the latest year anyone reported). */
export const loadExpectedSpan = cache(async (agencyId: number) => {
  const db = await getDb();
  const [found, latest, list] = [await getAgency(db, agencyId), await getLatestReportYear(db), await loadReportList(agencyId)];
  if (!found) return null;
  return expectedSpan(
    list.map((r) => r.year),
    found.agency,
    latest,
  );
});

/** One read of the agency's reports per request, shared by every card of the page. */
export const loadAgencyYears = cache(async (agencyId: number) => {
  const db = await getDb();
  const reports = await listAgencyReportCells(db, agencyId);
  const corrections = await listPostCorrections(
    db,
    reports.map((r) => r.id),
  );
  const span = await loadExpectedSpan(agencyId);
  return { reports, corrections, years: buildAgencyYears(reports, corrections, span) };
});

export const loadReportList = cache(async (agencyId: number) => listAgencyReports(await getDb(), agencyId));
