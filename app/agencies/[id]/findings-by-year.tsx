import Link from "next/link";
import { getDb } from "@/db/index";
import { listAgencyFindingsByYear } from "@/db/queries/findings";
import { ruleById } from "@/lib/checks/rules";
import { Empty } from "@/components/dashboard/card";

/** The agency's findings per year: counts by severity, what is still open, which rules. */
export async function AgencyFindingsByYear({ agencyId }: { agencyId: number }) {
  const rows = await listAgencyFindingsByYear(await getDb(), agencyId);
  if (rows.length === 0) return <Empty>各年度报告均未发现问题。</Empty>;
  return (
    <table className="list compact" data-testid="agency-findings">
      <thead>
        <tr>
          <th>年度</th>
          <th>错误</th>
          <th>警告</th>
          <th>提示</th>
          <th>待审核</th>
          <th>涉及规则</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.year}>
            <td>
              <Link href={`/reports/${r.reportId}`}>{r.year} 年度</Link>
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
