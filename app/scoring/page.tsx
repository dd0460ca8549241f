import Link from "next/link";
import { getDb } from "@/db/index";
import { LevelSelect, RegionSelect } from "@/components/filters/region-select";
import { listRegions } from "@/db/queries/regions";
import { listScoringYears } from "@/db/queries/scoring";
import { getRankingPage } from "@/db/queries/scoring-rank";
import { getRubric, listRubrics } from "@/db/queries/rubrics";
import { RankingChart, type RankingBar } from "@/components/scoring/ranking-chart";
import { msg } from "@/lib/messages";
import { rankingQuery, rankingSearchSchema } from "./schema";
import { requireReader } from "@/app/session";
import { RankingTable } from "./ranking-table";

const PER_PAGE = 50;
const CHART_TOP = 30;

export const dynamic = "force-dynamic";

const m = msg.scoring;

export default async function ScoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireReader();
  const s = rankingSearchSchema.parse(await searchParams);
  const db = await getDb();
  const [regions, years, rubricList] = await Promise.all([listRegions(db), listScoringYears(db), listRubrics(db)]);
  const year = s.year ?? years[0];
  const rubric = (await getRubric(db, s.rubric, s.version)) ?? (await getRubric(db, 1));
  if (!rubric || year === undefined) {
    return (
      <>
        <h1>{m.title}</h1>
        <p className="empty">{m.empty}</p>
      </>
    );
  }
  const region = regions.find((r) => r.id === s.region);
  // Ranked in SQL: only the page shown and the chart's leaders are scored item by item.
  const ranking = await getRankingPage(db, { regionId: s.region, level: s.level }, year, rubric, {
    basis: s.basis,
    page: s.page,
    perPage: PER_PAGE,
    top: CHART_TOP,
  });
  const { rows: shown, basis } = ranking;
  const allIndicators = rubric.definition.indicators;
  // Ranked on the automatic indicators, the manual columns would be empty: they are left out.
  const indicators = basis === "auto" ? allIndicators.filter((x) => x.method.kind !== "manual") : allIndicators;
  const manualNames = allIndicators.filter((x) => x.method.kind === "manual").map((x) => x.name);
  const pendingAgencies = ranking.pending;
  const rankMax = basis === "auto" ? indicators.reduce((n, x) => n + x.max, 0) : ranking.max;
  const state = { region: s.region, level: s.level, year, rubric: rubric.id, version: s.version, basis: s.basis };
  const otherBasis = basis === "auto" ? "total" : "auto";
  const pages = Math.max(1, Math.ceil(ranking.total / PER_PAGE));
  const page = Math.min(s.page, pages);
  const pager =
    pages > 1 ? (
      <p className="small pager" data-testid="ranking-pager">
        {page > 1 && <Link href={`/scoring?${rankingQuery({ ...state, page: page - 1 })}`}>{m.prev}</Link>}{" "}
        {m.page(page, pages, ranking.total)}{" "}
        {page < pages && <Link href={`/scoring?${rankingQuery({ ...state, page: page + 1 })}`}>{m.next}</Link>}
      </p>
    ) : null;
  // The chart draws the leaders and the table shows one page: a province ranks thousands of
  // agencies, which the downloads carry whole.
  const rankedCount = ranking.ranked;
  const bars: RankingBar[] = ranking.leaders.map((r) => ({
    agency: r.agency,
    rank: r.rank!,
    total: r.points!,
    ...Object.fromEntries(r.score.items.map((i) => [i.indicatorId, i.points ?? 0])),
  }));
  const regionName = region?.name ?? msg.common.allRegions;
  const title = m.chartTitle(
    `${regionName}${s.level ? `（${msg.regionLevels[s.level]}）` : ""}`,
    year,
    msg.scoringPage.rubricVersion(rubric.name, rubric.version),
  );

  return (
    <>
      <h1>{m.title}</h1>
      <p className="muted">{m.intro}</p>
      <div className="card">
        <form method="get" action="/scoring" className="form-row" data-testid="ranking-filter">
          <RegionSelect regions={regions} value={s.region} label={msg.common.region} allLabel={msg.common.allRegions} />
          <LevelSelect value={s.level} label={msg.common.level} anyLabel={msg.common.allLevels} />
          <label>
            {msg.common.year}
            <select name="year" defaultValue={year}>
              {/* A year from the address with no reports yet stays selected, as the heading names it. */}
              {[...new Set([year, ...years])]
                .sort((a, b) => b - a)
                .map((y) => (
                  <option key={y} value={y}>
                    {y}
                    {msg.common.yearSuffix}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {msg.scoringPage.rubric}
            <select name="rubric" defaultValue={rubric.id}>
              {rubricList.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                  {msg.scoringPage.versionSuffix(r.version)}
                </option>
              ))}
            </select>
          </label>
          {s.basis && <input type="hidden" name="basis" value={s.basis} />}
          <button type="submit">{msg.scoringPage.viewRanking}</button>
          <Link href="/scoring/rubrics">{m.rubrics.title}</Link>
        </form>
      </div>

      <div className="card">
        <h2 style={{ marginTop: 0 }}>{title}</h2>
        <p className="muted">
          <Link href={`/scoring/rubrics/${rubric.id}?version=${rubric.version}`}>{m.sheet.rubric(rubric.name, rubric.version)}</Link>
          {msg.scoringPage.rankingNote(m.rubrics.maxTotal(ranking.total ? ranking.max : 0))}
        </p>
        <p data-testid="ranking-basis">
          <strong>{m.basis[basis]}</strong>：{basis === "auto" ? m.basisAutoNote(pendingAgencies, manualNames, rankMax) : m.basisTotalNote}{" "}
          <Link href={`/scoring?${rankingQuery({ ...state, basis: otherBasis })}`}>{m.basisSwitch(m.basis[otherBasis])}</Link>
          {manualNames.length > 0 && (
            <>
              {" · "}
              <Link
                href={`/scoring/manual?${rankingQuery({ region: s.region, level: s.level, year, rubric: rubric.id, version: rubric.version })}`}
                data-testid="manual-grid-link"
              >
                {m.manualGrid}
              </Link>
            </>
          )}
        </p>
        <p className="form-row">
          <a href={`/api/scoring/ranking?${rankingQuery({ ...state, format: "csv" })}`} download data-testid="download-csv">
            {m.downloadCsv}
          </a>
          <a href={`/api/scoring/ranking?${rankingQuery({ ...state, format: "xlsx" })}`} download data-testid="download-xlsx">
            {m.downloadXlsx}
          </a>
        </p>
        <RankingChart
          rows={bars}
          indicators={indicators.map((x) => ({ id: x.id, name: x.name }))}
          max={rankMax}
          title={rankedCount > CHART_TOP ? m.chartTopTitle(title, CHART_TOP) : title}
          emptyText={m.chartEmpty}
          fileName={`${m.export.filename(year)}`}
        />
        {rankedCount > CHART_TOP && (
          <p className="muted small" data-testid="ranking-chart-top">
            {m.chartTop(CHART_TOP, rankedCount)}
          </p>
        )}
      </div>

      {ranking.total === 0 ? (
        <p className="empty">{m.empty}</p>
      ) : (
        <div className="card" style={{ overflowX: "auto" }}>
          <RankingTable rows={shown} indicators={indicators} year={year} rubric={rubric} basis={basis} />
          {pager}
        </div>
      )}
    </>
  );
}
