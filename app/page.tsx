import Link from "next/link";
import { getDb } from "@/db/index";
import { listAgenciesWithYears } from "@/db/queries/agencies";
import { AGENCY_KIND_LABELS, REGION_LEVEL_LABELS } from "@/lib/report/agency";
import { msg } from "@/lib/messages";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const agencies = await listAgenciesWithYears(await getDb());
  const reports = agencies.reduce((n, a) => n + a.years.length, 0);
  return (
    <>
      <h1>{msg.app.name}</h1>
      <p className="muted">
        {msg.app.tagline}。共 {agencies.length} 个单位、{reports} 份年报。
      </p>
      {agencies.length === 0 ? (
        <div className="card empty">
          还没有任何年报。<Link href="/import">导入第一份年报</Link>
        </div>
      ) : (
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
            {agencies.map((a) => (
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
      )}
    </>
  );
}
