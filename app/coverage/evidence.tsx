/**
 * The coverage page's evidence card: for a year and a region, each agency with a website source and
 * what the harvest saw (published on D, first seen T / not found as of T), lateness by appearance.
 */
import Link from "next/link";
import { getDb } from "@/db/index";
import { countRegionSources, listRegionSources } from "@/db/queries/harvest";
import { listYearEvidence } from "@/db/queries/harvest-evidence";
import { Empty } from "@/components/dashboard/card";
import { evidenceFor } from "@/lib/harvest/evidence";
import { msg } from "@/lib/messages";
import { EvidenceText } from "@/components/harvest/evidence";

const say = msg.harvest.evidence;
const LIMIT = 200;

export async function CoverageEvidence({ year, regionId }: { year: number; regionId: number | null }) {
  const db = await getDb();
  const [counts, shown] = await Promise.all([
    countRegionSources(db, regionId),
    listRegionSources(db, regionId, { withSourceOnly: true, limit: LIMIT }),
  ]);
  const ev = new Map(
    (
      await listYearEvidence(
        db,
        shown.map((s) => s.agencyId),
        [year],
      )
    ).map((e) => [e.agencyId, e]),
  );
  return (
    <>
      <p className="small muted">{say.coverageHint}</p>
      {shown.length === 0 ? (
        <Empty>{msg.harvest.sources.none}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list compact" data-testid="coverage-evidence">
            <thead>
              <tr>
                <th>{msg.harvest.run.agency}</th>
                <th>{say.state}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => {
                const y = ev.get(s.agencyId);
                const e = evidenceFor({
                  year,
                  kind: s.kind,
                  hasSource: true,
                  checkedAt: s.checkedAt,
                  firstSeenAt: y?.firstSeenAt ?? null,
                  lastMissingAt: y?.lastMissingAt ?? null,
                  printedOn: y?.printedOn ?? null,
                  fetched: (y?.versions ?? 0) > 0,
                });
                return (
                  <tr key={s.agencyId} data-testid="coverage-evidence-row" data-state={e.state}>
                    <td>
                      <Link href={`/agencies/${s.agencyId}`}>{s.agency}</Link>
                    </td>
                    <td className="small">
                      <EvidenceText e={e} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {counts.withSource > LIMIT && <p className="small muted">{say.more(counts.withSource - LIMIT)}</p>}
      {counts.agencies > counts.withSource && <p className="small muted">{say.withoutSource(counts.agencies - counts.withSource)}</p>}
    </>
  );
}
