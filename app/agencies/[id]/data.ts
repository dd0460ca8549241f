import { cache } from "react";
import { getDb } from "@/db/index";
import { listAgencyReportCells } from "@/db/queries/dashboard";
import { listPostCorrections } from "@/db/queries/posts";
import { listAgencyReports } from "@/db/queries/reports";
import { buildAgencyYears } from "@/lib/dashboard/agency-view";

/** One read of the agency's reports per request, shared by every card of the page. */
export const loadAgencyYears = cache(async (agencyId: number) => {
  const db = await getDb();
  const reports = await listAgencyReportCells(db, agencyId);
  const corrections = await listPostCorrections(db, reports.map((r) => r.id));
  return { reports, corrections, years: buildAgencyYears(reports, corrections) };
});

export const loadReportList = cache(async (agencyId: number) => listAgencyReports(await getDb(), agencyId));
