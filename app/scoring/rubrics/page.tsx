import Link from "next/link";
import { getDb } from "@/db/index";
import { listRubrics } from "@/db/queries/rubrics";
import { requireReader } from "@/app/session";
import { roleMay } from "@/lib/auth/permissions";
import { formatDateTime, formatNumber } from "@/lib/format";
import { maxTotal } from "@/lib/scoring/rubric";
import { msg } from "@/lib/messages";

export const dynamic = "force-dynamic";
const m = msg.scoring.rubrics;

export default async function RubricsPage() {
  const [rows, user] = await Promise.all([listRubrics(await getDb()), requireReader()]);
  const editable = roleMay(user, "manage_rubrics");
  return (
    <>
      <p className="muted">
        <Link href="/scoring">{msg.scoring.title}</Link>
      </p>
      <h1>{m.title}</h1>
      <p className="muted">{m.intro}</p>
      {editable && (
        <p>
          <Link href="/scoring/rubrics/new">{m.newRubric}</Link>
        </p>
      )}
      <table className="list" data-testid="rubrics">
        <thead>
          <tr>
            <th>{msg.common.name}</th>
            <th>{msg.scoringPage.version}</th>
            <th>{msg.common.indicator}</th>
            <th>{msg.scoringPage.maxPoints}</th>
            <th>{msg.scoringPage.modified}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/scoring/rubrics/${r.id}`}>{r.name}</Link>
              </td>
              <td>
                {m.version(r.version)}
                {r.versions > 1 && <span className="muted">{msg.scoringPage.versions(r.versions)}</span>}
              </td>
              <td>{r.definition.indicators.length}</td>
              <td>{formatNumber(maxTotal(r.definition))}</td>
              <td>{m.createdBy(r.createdBy, formatDateTime(r.createdAt))}</td>
              <td>
                <Link href={`/scoring/rubrics/${r.id}`}>{m.view}</Link>
                {editable && (
                  <>
                    {" · "}
                    <Link href={`/scoring/rubrics/${r.id}/edit`}>{m.edit}</Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
