import Link from "next/link";
import type { AgencyListRow } from "@/db/queries/dashboard";
import { msg } from "@/lib/messages";
import { AgencyList, type AgencyColumn } from "./agency-list";

const COLUMNS: AgencyColumn<AgencyListRow>[] = [
  {
    head: msg.common.regionOf,
    cell: (a) => (
      <>
        {a.regionTrail} <span className="muted">（{msg.regionLevels[a.regionLevel] ?? a.regionLevel}）</span>
      </>
    ),
  },
  {
    head: msg.common.filedYears,
    cell: (a) => (
      <div className="chips">
        {a.years.map((y) => (
          <Link key={y.year} className="chip" href={`/reports/${y.reportId}`}>
            {y.year}
          </Link>
        ))}
      </div>
    ),
  },
];

/** Agencies with their kind, region trail and the years on file (each year opens its report). */
export function AgencyTable({ rows }: { rows: AgencyListRow[] }) {
  return <AgencyList rows={rows} columns={COLUMNS} compact={false} testId="agency-list" />;
}
