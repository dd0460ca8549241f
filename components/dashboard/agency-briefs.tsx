import Link from "next/link";
import type { AgencyBrief } from "@/db/queries/directory";
import { msg } from "@/lib/messages";

const dash = msg.dashboard;

/** A list of agencies grouped by kind (government, departments, townships). */
export function AgencyBriefs({ rows, showRegion = false, testId }: { rows: AgencyBrief[]; showRegion?: boolean; testId?: string }) {
  return (
    <table className="list compact" data-testid={testId}>
      <thead>
        <tr>
          <th>{msg.common.agency}</th>
          <th>{msg.common.kind}</th>
          {showRegion && <th>{msg.common.regionOf}</th>}
          <th>{msg.common.reports}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={`/agencies/${a.id}`}>{a.name}</Link>
            </td>
            <td>{msg.agencyKinds[a.kind]}</td>
            {showRegion && (
              <td>
                <Link href={`/agencies?region=${a.regionId}`}>{a.regionName}</Link>
              </td>
            )}
            <td className="muted small">
              {dash.tree.reports(a.reports)} · {dash.tree.lastYear(a.lastYear)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
