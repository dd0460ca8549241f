/** The agency's website source (editable by who may manage it) and what each harvested year proves. */
import { getDb } from "@/db/index";
import { getSource } from "@/db/queries/harvest";
import { listVersions, listYearEvidence } from "@/db/queries/harvest-evidence";
import { agencyTarget } from "@/db/queries/users";
import { EvidenceText } from "@/components/harvest/evidence";
import { can } from "@/lib/auth/permissions";
import { chinaDate, evidenceFor } from "@/lib/harvest/evidence";
import { formatDateTime } from "@/lib/format";
import { msg } from "@/lib/messages";
import { currentUser } from "@/app/session";
import { SourceForm } from "@/app/harvest/forms";

const say = msg.harvest;

export async function HarvestSection({ agencyId, kind }: { agencyId: number; kind: "government" | "department" | "township" }) {
  const db = await getDb();
  const [user, source, years, versions, target] = await Promise.all([
    currentUser(),
    getSource(db, agencyId),
    listYearEvidence(db, [agencyId]),
    listVersions(db, agencyId),
    agencyTarget(db, agencyId),
  ]);
  const due = Number(chinaDate(new Date()).slice(0, 4)) - 1;
  const shown = [...new Set([due, ...years.map((y) => y.year)])].sort((a, b) => b - a);
  const byYear = new Map(years.map((y) => [y.year, y]));
  const versionsOf = (year: number) => versions.filter((v) => v.year === year);
  return (
    <div data-testid="agency-harvest">
      {can(user, "manage_sources", target) ? (
        <SourceForm agencyId={agencyId} listUrl={source?.listUrl ?? null} />
      ) : source ? (
        <p className="small break">
          {say.sources.listUrl}：
          <a href={source.listUrl} rel="noreferrer nofollow">
            {source.listUrl}
          </a>
        </p>
      ) : null}
      {source?.checkedAt && <p className="small muted">{say.sources.checkedAt(source.checkedAt)}</p>}
      {source?.lastError && <p className="small error-text">{say.sources.lastError(source.lastError)}</p>}
      <table className="list compact" data-testid="agency-evidence">
        <thead>
          <tr>
            <th>{say.evidence.year}</th>
            <th>{say.evidence.state}</th>
            <th>{say.evidence.page}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((year) => {
            const y = byYear.get(year);
            const e = evidenceFor({
              year,
              kind,
              hasSource: Boolean(source),
              checkedAt: source?.checkedAt ?? null,
              firstSeenAt: y?.firstSeenAt ?? null,
              lastMissingAt: y?.lastMissingAt ?? null,
              printedOn: y?.printedOn ?? null,
              fetched: (y?.versions ?? 0) > 0,
            });
            const vs = versionsOf(year);
            return (
              <tr key={year} data-testid="evidence-row" data-year={year}>
                <td>{year}</td>
                <td className="small">
                  <EvidenceText e={e} />
                  {vs.length > 1 && (
                    <details>
                      <summary>{say.evidence.versions(vs.length)}</summary>
                      <ul>
                        {vs.map((v) => (
                          <li key={v.id}>
                            v{v.version} · {formatDateTime(v.fetchedAt)} · {v.contentHash.slice(0, 12)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td className="small break">
                  {y?.pageUrl && (
                    <a href={y.pageUrl} rel="noreferrer nofollow">
                      {say.evidence.page}
                    </a>
                  )}
                  {y?.attachmentUrl && (
                    <>
                      {" · "}
                      <a href={y.attachmentUrl} rel="noreferrer nofollow">
                        {say.evidence.attachment}
                      </a>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
