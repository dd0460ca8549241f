import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/index";
import { listRegionAgencies, listRegionNodes, searchAgencies } from "@/db/queries/directory";
import { AgencyBriefs } from "@/components/dashboard/agency-briefs";
import { Card, Empty } from "@/components/dashboard/card";
import { RegionTree } from "@/components/dashboard/region-tree";
import { ancestry, buildRegionTree } from "@/lib/dashboard/tree";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const dash = msg.dashboard;
const searchSchema = z.object({
  q: z.string().trim().max(50).catch("").default(""),
  region: z.coerce.number().int().positive().optional().catch(undefined),
});

async function Tree({ region }: { region: number | null }) {
  const rows = await listRegionNodes(await getDb());
  if (rows.length === 0) return <Empty>{dash.overview.agenciesEmpty}</Empty>;
  return <RegionTree roots={buildRegionTree(rows)} open={ancestry(rows, region)} current={region} />;
}

async function RegionAgencies({ region }: { region: number }) {
  const rows = await listRegionAgencies(await getDb(), region);
  if (rows.length === 0) return <Empty>{dash.tree.noAgencies}</Empty>;
  return <AgencyBriefs rows={rows} testId="region-agencies" />;
}

async function SearchResults({ q }: { q: string }) {
  const rows = await searchAgencies(await getDb(), q);
  if (rows.length === 0) return <Empty>{dash.tree.noResults(q)}</Empty>;
  return (
    <>
      <p className="muted small">{dash.tree.results(rows.length, q)}</p>
      <AgencyBriefs rows={rows} showRegion testId="search-results" />
    </>
  );
}

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireReader();
  const { q, region } = searchSchema.parse(await searchParams);
  const regionName = region ? (await listRegionNodes(await getDb())).find((r) => r.id === region)?.name : undefined;
  return (
    <>
      <h1>{dash.tree.title}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is what assistive technology announces today; <search> is newer. */}
      <form className="filters" action="/agencies" role="search" autoComplete="off">
        <label>
          {dash.tree.search}
          <input type="text" name="q" defaultValue={q} placeholder={msg.agencyPage.searchPlaceholder} aria-label={dash.tree.search} />
        </label>
        <button type="submit">{dash.tree.searchButton}</button>
      </form>
      <div className="layout-side">
        <Card title={dash.tree.regions} testId="card-tree" skeletonHeight={300}>
          <Tree region={region ?? null} />
        </Card>
        <div>
          {q ? (
            <Card title={dash.tree.searchButton} testId="card-search" skeletonHeight={200}>
              <SearchResults q={q} />
            </Card>
          ) : region && regionName ? (
            <Card
              title={dash.tree.agenciesIn(regionName)}
              testId="card-region-agencies"
              skeletonHeight={300}
              aside={
                <span className="small">
                  <Link href={`/regions/${region}`}>{dash.tree.totals}</Link> ·{" "}
                  <Link href={`/coverage?region=${region}`}>{dash.nav.coverage}</Link> ·{" "}
                  <Link href={`/compare?region=${region}`}>{dash.nav.compare}</Link>
                </span>
              }
            >
              <RegionAgencies region={region} />
            </Card>
          ) : (
            <p className="empty">{dash.tree.pick}</p>
          )}
        </div>
      </div>
    </>
  );
}
