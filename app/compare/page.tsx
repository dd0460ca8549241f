import { LevelSelect, RegionSelect } from "@/components/filters/region-select";
import { getDb } from "@/db/index";
import type { CompareScope } from "@/db/queries/compare";
import { listReportYears } from "@/db/queries/coverage";
import { listRegionNodes } from "@/db/queries/directory";
import { Card, Empty } from "@/components/dashboard/card";
import { MEASURES, MEASURE_BY_ID } from "@/lib/dashboard/measures";
import { msg } from "@/lib/messages";
import { AGENCY_KINDS } from "@/lib/report/agency";
import { requireReader } from "@/app/session";
import { searchSchema } from "./search";
import { Results } from "./results";
import { AddAgency, SelectedAgencies } from "./selection";
import { YearRange } from "@/components/filters/year-range";

export const dynamic = "force-dynamic";

const dash = msg.dashboard;

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireReader();
  const p = searchSchema.parse(await searchParams);
  const db = await getDb();
  const [years, regions] = [await listReportYears(db), await listRegionNodes(db)];
  const m = MEASURE_BY_ID.get(p.metric)!;
  const last = years[0] ?? new Date().getFullYear() - 1;
  const to = p.to ?? last;
  const from = Math.min(p.from ?? Math.max(to - 5, years[years.length - 1] ?? to), to);
  const scope: CompareScope | null = p.agencies.length
    ? { agencyIds: p.agencies }
    : p.region || p.kind || p.level
      ? { regionId: p.region ?? null, kind: p.kind ?? null, level: p.level ?? null }
      : null;
  return (
    <>
      <h1>{dash.compare.title}</h1>
      <form className="filters" action="/compare" autoComplete="off">
        <label>
          {dash.compare.metric}
          <select name="metric" defaultValue={p.metric}>
            {MEASURES.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <YearRange from={from} to={to} fromLabel={dash.compare.from} toLabel={dash.compare.to} />
        {p.agencies.length > 0 && <input type="hidden" name="agencies" value={p.agencies.join(",")} />}
        <RegionSelect regions={regions} value={p.region} label={dash.compare.region} allLabel={dash.coverage.all} />
        <label>
          {dash.compare.kind}
          <select name="kind" defaultValue={p.kind ?? ""}>
            <option value="">{dash.compare.anyKind}</option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {msg.agencyKinds[k]}
              </option>
            ))}
          </select>
        </label>
        <LevelSelect value={p.level} label={dash.compare.level} anyLabel={dash.compare.anyLevel} />
        <button type="submit">{dash.compare.show}</button>
      </form>
      <SelectedAgencies p={p} />
      <form className="filters" action="/compare" autoComplete="off">
        {p.agencies.length > 0 && <input type="hidden" name="agencies" value={p.agencies.join(",")} />}
        <input type="hidden" name="metric" value={p.metric} />
        <label>
          {dash.compare.searchLabel}
          <input type="search" name="q" defaultValue={p.q} />
        </label>
        <button type="submit" className="secondary">
          {dash.tree.searchButton}
        </button>
      </form>
      {p.q && (
        <Card title={dash.compare.searchResults} testId="card-compare-search">
          <AddAgency p={p} />
        </Card>
      )}
      {scope ? <Results p={p} scope={scope} m={m} from={from} to={to} /> : <Empty>{dash.compare.empty}</Empty>}
    </>
  );
}
