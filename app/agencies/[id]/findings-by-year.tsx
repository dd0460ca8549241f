import Link from "next/link";
import { getDb } from "@/db/index";
import { listAgencyFindingsByYear } from "@/db/queries/findings";
import { ruleById } from "@/lib/checks/rules";
import { Empty } from "@/components/dashboard/card";

import { msg } from "@/lib/messages";

/** The agency's findings per year: counts by severity, what is still open, which rules. */
export async function AgencyFindingsByYear({ agencyId }: { agencyId: number }) {
  const rows = await listAgencyFindingsByYear(await getDb(), agencyId);
  if (rows.length === 0) return <Empty>{msg.agencyPage.noFindings}</Empty>;
  return (
    <table className="list compact" data-testid="agency-findings">
      <thead>
        <tr>
          <th>{msg.common.year}</th>
          <th>{msg.agencyPage.errors}</th>
          <th>{msg.agencyPage.warnings}</th>
          <th>{msg.agencyPage.infos}</th>
          <th>{msg.common.pending}</th>
          <th>{msg.agencyPage.rules}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.year}>
            <td>
              <Link href={`/reports/${r.reportId}`}>
                {r.year}
                {msg.agencyPage.yearSuffix}
              </Link>
            </td>
            <td>{r.errors > 0 ? <span className="badge error">{r.errors}</span> : 0}</td>
            <td>{r.warnings > 0 ? <span className="badge warning">{r.warnings}</span> : 0}</td>
            <td>{r.infos}</td>
            <td>{r.open}</td>
            <td className="muted small">{r.rules.map((id) => ruleById(id)?.title ?? id).join("；")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
