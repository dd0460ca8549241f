import Link from "next/link";
import type { AgencyListRow } from "@/db/queries/dashboard";
import { AGENCY_KIND_LABELS, REGION_LEVEL_LABELS } from "@/lib/report/agency";

/** Agencies with their kind, region trail and the years on file (each year opens its report). */
export function AgencyTable({ rows }: { rows: AgencyListRow[] }) {
  return (
    <table className="list" data-testid="agency-list">
      <thead>
        <tr>
          <th>单位</th>
          <th>类型</th>
          <th>所属地区</th>
          <th>已报送年度</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={`/agencies/${a.id}`}>{a.name}</Link>
            </td>
            <td>{AGENCY_KIND_LABELS[a.kind]}</td>
            <td>
              {a.regionTrail} <span className="muted">（{REGION_LEVEL_LABELS[a.regionLevel] ?? a.regionLevel}）</span>
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
