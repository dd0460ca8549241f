import Link from "next/link";
import type { AgencyListRow } from "@/db/queries/dashboard";

import { msg } from "@/lib/messages";

/** Agencies with their kind, region trail and the years on file (each year opens its report). */
export function AgencyTable({ rows }: { rows: AgencyListRow[] }) {
  return (
    <table className="list" data-testid="agency-list">
      <thead>
        <tr>
          <th>{msg.common.agency}</th>
          <th>{msg.common.kind}</th>
          <th>{msg.common.regionOf}</th>
          <th>{msg.common.filedYears}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={`/agencies/${a.id}`}>{a.name}</Link>
            </td>
            <td>{msg.agencyKinds[a.kind]}</td>
            <td>
              {a.regionTrail} <span className="muted">（{msg.regionLevels[a.regionLevel] ?? a.regionLevel}）</span>
            </td>
            <td>
              <div className="chips">
                {a.years.map((y) => (
                  <Link key={y.year} className="chip" href={`/reports/${y.reportId}`}>
                    {y.year}
                  </Link>
                ))}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
