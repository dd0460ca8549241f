import Link from "next/link";
import { getDb } from "@/db/index";
import { getRanking, listScoringYears } from "@/db/queries/scoring";
import { getRubric } from "@/db/queries/rubrics";
import { roleMay } from "@/lib/auth/permissions";
import { msg } from "@/lib/messages";
import { currentUser, requireReader } from "@/app/session";
import { rankingQuery, rankingSearchSchema } from "../schema";
import { ManualGrid, type GridRow } from "./grid";

export const dynamic = "force-dynamic";

const m = msg.scoring;
const PER_PAGE = 100;

/** Manual indicators of every agency in the ranking's scope that filed that year, one grid. */
export default async function ManualGridPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireReader();
  const actor = await currentUser();
  const s = rankingSearchSchema.parse(await searchParams);
  const db = await getDb();
  const year = s.year ?? (await listScoringYears(db))[0];
  const rubric = (await getRubric(db, s.rubric, s.version)) ?? (await getRubric(db, 1));
  const back = `/scoring?${rankingQuery({ region: s.region, level: s.level, year, rubric: s.rubric, version: s.version })}`;
  if (!roleMay(actor, "score") || !rubric || year === undefined) {
    return (
      <>
        <h1>{m.manualGrid}</h1>
        <p className="alert error">{!rubric || year === undefined ? m.empty : m.manual.refused}</p>
        <Link href={back}>{m.title}</Link>
      </>
    );
  }
  const manual = rubric.definition.indicators.filter((x) => x.method.kind === "manual");
  const { rows } = await getRanking(db, { regionId: s.region, level: s.level }, year, rubric, "auto");
  const filed = rows.filter((r) => r.reportId !== null);
  const pages = Math.max(1, Math.ceil(filed.length / PER_PAGE));
  const page = Math.min(s.page, pages);
  const grid: GridRow[] = filed.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((r) => ({
    agencyId: r.agencyId,
    agency: r.agency,
    region: r.region,
    values: Object.fromEntries(
      manual.map((x) => {
        const it = r.score.items.find((i) => i.indicatorId === x.id);
        return [x.id, it?.entry ? it.points : null];
      }),
    ),
  }));
  const scope = Object.fromEntries(
    Object.entries({ region: s.region, level: s.level, year, rubric: rubric.id, version: rubric.version }).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, String(v)]],
    ),
  );
  const link = (p: number) => `/scoring/manual?${rankingQuery({ ...scope, page: p })}`;
  return (
    <>
      <p className="small">
        <Link href={back}>{m.title}</Link>
      </p>
      <h1>{m.manual.title(year)}</h1>
      <p className="muted">{m.manual.intro}</p>
      <div className="card">
        {grid.length === 0 ? (
          <p className="empty">{m.manual.noAgencies}</p>
        ) : (
          <ManualGrid
            scope={scope}
            indicators={manual.map((x) => ({ id: x.id, name: x.name, max: x.max }))}
            rows={grid}
            fileName={`${m.manualGrid}-${year}`}
          />
        )}
        {pages > 1 && (
          <p className="small pager">
            {page > 1 && <Link href={link(page - 1)}>{m.prev}</Link>} {m.manual.page(page, pages, filed.length)}{" "}
            {page < pages && <Link href={link(page + 1)}>{m.next}</Link>}
          </p>
        )}
      </div>
    </>
  );
}
