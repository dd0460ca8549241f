import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/index";
import { listRegionSources } from "@/db/queries/harvest";
import { listHarvestJobs, listYearEvidence } from "@/db/queries/harvest-evidence";
import { listRegions } from "@/db/queries/regions";
import { regionTarget } from "@/db/queries/users";
import { Card, Empty } from "@/components/dashboard/card";
import { AutoRefresh } from "@/components/harvest/auto-refresh";
import { HarvestJob, type HarvestAgencyView, type HarvestJobView } from "@/components/harvest/job-results";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { SourcesUpload, StartHarvest } from "./forms";
import { NamedOptions, pathDepth } from "@/components/form/named-options";

export const dynamic = "force-dynamic";

const say = msg.harvest;
const searchSchema = z.object({ region: z.coerce.number().int().positive().optional().catch(undefined) });

type JobRow = Awaited<ReturnType<typeof listHarvestJobs>>[number];

function toView({ job, by }: JobRow): HarvestJobView {
  const progress = (job.progress ?? {}) as { done?: number; total?: number; results?: HarvestAgencyView[] };
  const result = (job.result ?? {}) as { results?: HarvestAgencyView[]; counts?: Record<string, number> };
  const results = result.results ?? progress.results ?? [];
  const counts: Record<string, number> = result.counts ?? {};
  if (!result.counts) {
    for (const r of results) {
      if (r.status !== "done") counts[r.status] = (counts[r.status] ?? 0) + 1;
      for (const i of r.items) counts[i.status] = (counts[i.status] ?? 0) + 1;
    }
  }
  const payload = (job.payload ?? {}) as { scheduled?: boolean; by?: string };
  return {
    id: job.id,
    status: job.status,
    createdAt: job.createdAt,
    error: job.error,
    done: progress.done ?? 0,
    total: progress.total ?? 0,
    scheduled: Boolean(payload.scheduled),
    by: by ?? payload.by ?? "",
    results,
    counts,
  };
}

export default async function HarvestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireReader();
  const p = searchSchema.parse(await searchParams);
  const db = await getDb();
  const regionId = p.region ?? null;
  const [regions, sources, jobs, target] = await Promise.all([
    listRegions(db),
    listRegionSources(db, regionId),
    listHarvestJobs(db, regionId),
    regionTarget(db, regionId),
  ]);
  const mayManage = can(user, "manage_sources", target);
  const withSource = sources.filter((s) => s.listUrl);
  const evidence = await listYearEvidence(
    db,
    withSource.map((s) => s.agencyId),
  );
  const yearsOf = new Map<number, number[]>();
  for (const e of evidence) if (e.firstSeenAt) yearsOf.set(e.agencyId, [...(yearsOf.get(e.agencyId) ?? []), e.year]);
  const views = jobs.map(toView);
  const live = views.some((j) => j.status === "queued" || j.status === "running");

  return (
    <>
      <h1>{say.title}</h1>
      <p className="muted">{say.intro}</p>
      <form className="form-row" method="get" data-testid="harvest-region">
        <label>
          {say.run.region}
          <select name="region" defaultValue={regionId ?? ""}>
            <option value="">{say.run.allRegions}</option>
            <NamedOptions items={regions} depthOf={(r) => pathDepth(r.path)} />
          </select>
        </label>
        <button type="submit" className="secondary">
          {say.run.show}
        </button>
      </form>

      {mayManage && (
        <Card title={say.run.start} testId="card-harvest-start">
          <StartHarvest regionId={regionId} disabled={withSource.length === 0} />
          {withSource.length === 0 && <p className="muted">{say.run.nothing}</p>}
        </Card>
      )}

      <Card title={say.run.recent} testId="card-harvest-jobs">
        {live && <AutoRefresh />}
        {views.length === 0 ? <Empty>{say.run.nothing}</Empty> : <HarvestJob job={views[0]} />}
        {views.length > 1 && (
          <ul className="small muted">
            {views.slice(1).map((j) => (
              <li key={j.id}>
                {formatDateTime(j.createdAt)} · {say.run[j.status as "done"] ?? j.status} · {say.run.counts(j.counts)}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={say.sources.title} testId="card-sources">
        {mayManage && <SourcesUpload regionId={regionId} />}
        {withSource.length === 0 ? (
          <Empty>{say.sources.none}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="list compact" data-testid="sources-table">
              <thead>
                <tr>
                  <th>{say.run.agency}</th>
                  <th>{say.run.region}</th>
                  <th>{say.sources.listUrl}</th>
                  <th>{say.evidence.state}</th>
                </tr>
              </thead>
              <tbody>
                {withSource.map((s) => (
                  <tr key={s.agencyId}>
                    <td>
                      <Link href={`/agencies/${s.agencyId}`}>{s.agency}</Link>
                    </td>
                    <td>{s.regionName}</td>
                    <td className="small break">
                      <a href={s.listUrl!} rel="noreferrer nofollow">
                        {s.listUrl}
                      </a>
                    </td>
                    <td className="small">
                      {s.lastError ? (
                        <span className="error-text">{s.lastError}</span>
                      ) : s.checkedAt ? (
                        say.sources.checkedAt(s.checkedAt)
                      ) : (
                        ""
                      )}
                      {yearsOf.get(s.agencyId)?.length ? <div>{[...yearsOf.get(s.agencyId)!].sort((a, b) => b - a).join("、")}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
