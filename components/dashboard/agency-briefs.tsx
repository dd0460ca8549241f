import Link from "next/link";
import type { AgencyBrief } from "@/db/queries/directory";
import { msg } from "@/lib/messages";
import { AgencyList, type AgencyColumn } from "./agency-list";

const dash = msg.dashboard;

const REGION: AgencyColumn<AgencyBrief> = {
  head: msg.common.regionOf,
  cell: (a) => <Link href={`/agencies?region=${a.regionId}`}>{a.regionName}</Link>,
};
const REPORTS: AgencyColumn<AgencyBrief> = {
  head: msg.common.reports,
  cell: (a) => `${dash.tree.reports(a.reports)} · ${dash.tree.lastYear(a.lastYear)}`,
  className: "muted small",
};

/** A list of agencies grouped by kind (government, departments, townships). */
export function AgencyBriefs({ rows, showRegion = false, testId }: { rows: AgencyBrief[]; showRegion?: boolean; testId?: string }) {
  return <AgencyList rows={rows} columns={showRegion ? [REGION, REPORTS] : [REPORTS]} testId={testId} />;
}
