import Link from "next/link";
import { z } from "zod";
import { LevelSelect, RegionSelect } from "@/components/filters/region-select";
import { getDb } from "@/db/index";
import { listMeasureSeries, rankAgencies, type CompareScope, type RankRow } from "@/db/queries/compare";
import { listReportYears } from "@/db/queries/coverage";
import { listRegionNodes, searchAgencies } from "@/db/queries/directory";
import { getAgency } from "@/db/queries/agencies";
import { CompareChart } from "@/components/charts/compare-chart";
import { ChartExport } from "@/components/export/chart-export";
import { Card, Empty } from "@/components/dashboard/card";
import { cellHref } from "@/components/dashboard/links";
import { Sparkline } from "@/components/dashboard/sparkline";
import { compareRows, rankCell } from "@/lib/dashboard/compare";
import { TONE_COLORS, lineColor } from "@/components/charts/palette";
import { MEASURES, MEASURE_BY_ID, MEASURE_IDS, isRate, measureTraceKey, type Measure } from "@/lib/dashboard/measures";
import { formatDelta, formatPercent, formatValue } from "@/lib/dashboard/number-format";
import { msg } from "@/lib/messages";
import { AGENCY_KINDS, REGION_LEVELS } from "@/lib/report/agency";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const dash = msg.dashboard;
const PER_PAGE = 50;
const CHART_TOP = 10;

const searchSchema = z.object({
  metric: z.enum(MEASURE_IDS).catch("received").default("received"),
  agencies: z
    .string()
    .optional()
    .transform((s) =>
      [
        ...new Set(
          (s ?? "")
            .split(/[,，\s]+/)
            .map(Number)
            .filter((n) => Number.isInteger(n) && n > 0),
        ),
      ].slice(0, 20),
    ),
  region: z.coerce.number().int().positive().optional().catch(undefined),
  kind: z.enum(AGENCY_KINDS).optional().catch(undefined),
  level: z.enum(REGION_LEVELS).optional().catch(undefined),
  from: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  to: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  q: z.string().trim().max(50).catch("").default(""),
});
type Params = z.infer<typeof searchSchema>;

function query(p: Params, over: Partial<Record<string, string | number | undefined>>): string {
  const base: Record<string, string | number | undefined> = {
    metric: p.metric,
    agencies: p.agencies.length ? p.agencies.join(",") : undefined,
    region: p.region,
    kind: p.kind,
    level: p.level,
    from: p.from,
    to: p.to,
  };
  const merged = { ...base, ...over };
  const qs = Object.entries(merged)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join("&");
  return `/compare${qs ? `?${qs}` : ""}`;
}

function ValueCell({ m, row, shown }: { m: Measure; row: RankRow; shown: ReturnType<typeof rankCell> }) {
  const c = shown.current;
  if (c.hidden === "small-base" || c.hidden === "no-base")
    return (
      <span className="muted small" title={dash.smallBase(m.baseLabel ?? "", c.base)}>
        {dash.smallBase(m.baseLabel ?? "", c.base)}
      </span>
    );
  if (c.value === null || !row.reportId) return <span className="muted">{row.reportId ? "—" : dash.notFiled}</span>;
  return <Link href={cellHref(row.reportId, measureTraceKey(m))}>{formatValue(c.value, m.unit)}</Link>;
}

async function Results({ p, scope, m, from, to }: { p: Params; scope: CompareScope; m: Measure; from: number; to: number }) {
  const db = await getDb();
  const ranked = await rankAgencies(db, m, scope, to, { limit: PER_PAGE, offset: (p.page - 1) * PER_PAGE });
  if (!ranked) return <Empty>{dash.compare.noRegion}</Empty>;
  if (ranked.total === 0) return <Empty>{dash.compare.noData}</Empty>;
  const chartAgencies = ranked.rows.slice(0, "agencyIds" in scope ? 20 : CHART_TOP);
  const series = await listMeasureSeries(
    db,
    m,
    ranked.rows.map((r) => r.agencyId),
    from,
    to,
  );
  const rows = compareRows(m, series, from, to);
  const lines = chartAgencies.map((a, i) => ({ id: `a${a.agencyId}`, label: a.name, color: lineColor(i) }));
  const pages = Math.ceil(ranked.total / PER_PAGE);
  return (
    <>
      <Card title={dash.compare.chart} testId="card-compare-chart" skeletonHeight={360}>
        <ChartExport
          title={msg.comparePage.chartTitle(m.label)}
          subtitle={msg.comparePage.chartCaption(lines.length, from, to, m.unit === "%" ? msg.common.percent : m.unit)}
          legend={lines}
          table={{
            columns: [
              { key: "year", header: msg.common.year, numFmt: "0" },
              ...lines.map((l) => ({ key: l.id, header: l.label, numFmt: m.unit === "%" ? "0.0%" : "General" })),
            ],
            rows: rows.map((r) => ({
              year: r.year,
              ...Object.fromEntries(lines.map((l) => [l.id, typeof r[l.id] === "number" ? (r[l.id] as number) : null])),
            })),
          }}
        >
          <CompareChart rows={rows} lines={lines} unit={m.unit} cell={measureTraceKey(m)} />
        </ChartExport>
        <p className="muted small">
          {ranked.total > chartAgencies.length && dash.compare.chartTop(chartAgencies.length, ranked.total)}
          {isRate(m) && ` ${dash.compare.hiddenNote(m.minBase ?? 1, m.baseLabel ?? "")}`} {dash.compare.notFiledNote}
        </p>
      </Card>
      <Card title={dash.compare.ranking(to)} testId="card-ranking">
        <table className="list compact" data-testid="ranking">
          <thead>
            <tr>
              <th className="num">{dash.compare.rank}</th>
              <th>{dash.compare.agency}</th>
              <th className="num">{m.label}</th>
              {isRate(m) && <th className="num">{dash.compare.base}</th>}
              <th className="num">{dash.compare.change}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.rows.map((r, i) => {
              const cell = rankCell(m, { num: r.num, den: r.den }, { num: r.prevNum, den: r.prevDen });
              const c = cell.change;
              return (
                <tr key={r.agencyId}>
                  <td className="num">{(p.page - 1) * PER_PAGE + i + 1}</td>
                  <td>
                    <Link href={`/agencies/${r.agencyId}`}>{r.name}</Link> <span className="muted small">{r.regionName}</span>
                  </td>
                  <td className="num">
                    <ValueCell m={m} row={r} shown={cell} />
                  </td>
                  {isRate(m) && <td className="num">{r.den ?? "—"}</td>}
                  <td className="num" style={{ color: TONE_COLORS[c.tone] }}>
                    {c.delta === null ? (
                      <span className="muted">{r.prevReportId ? "—" : dash.prevMissing}</span>
                    ) : (
                      <>
                        {c.direction === "up" ? "▲" : c.direction === "down" ? "▼" : "＝"} {formatDelta(c.delta, m.unit)}
                        {c.pct !== null && <span className="small"> （{formatPercent(c.pct)}）</span>}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {pages > 1 && (
          <nav className="pager" aria-label={msg.common.pagination}>
            {p.page > 1 && <Link href={query(p, { page: p.page - 1 })}>{dash.overview.prev}</Link>}
            <span className="muted">{msg.comparePage.pageOf(p.page, pages, ranked.total)}</span>
            {p.page < pages && <Link href={query(p, { page: p.page + 1 })}>{dash.overview.next}</Link>}
          </nav>
        )}
      </Card>
      <Card title={dash.compare.multiples} testId="card-multiples">
        <div className="multiples">
          {ranked.rows.slice(0, 24).map((r) => {
            const values = rows.map((row) => (row[`a${r.agencyId}`] ?? null) as number | null);
            const last = [...values].reverse().find((v) => v !== null) ?? null;
            return (
              <div className="multiple" key={r.agencyId}>
                <Link href={`/agencies/${r.agencyId}`}>{r.name}</Link>
                <div>
                  <Sparkline values={values} width={180} height={48} label={`${r.name} ${m.label}`} />
                </div>
                <span className="muted">
                  {from}
                  {msg.comparePage.latest(to)}
                  {formatValue(last, m.unit)}
                </span>
              </div>
            );
          })}
        </div>
      </Card>
    </>
  );
}

async function AddAgency({ p }: { p: Params }) {
  const rows = await searchAgencies(await getDb(), p.q, 20);
  if (rows.length === 0) return <Empty>{dash.tree.noResults(p.q)}</Empty>;
  return (
    <ul className="plain" data-testid="compare-search">
      {rows.map((a) => (
        <li key={a.id}>
          {a.name} <span className="muted small">{a.regionName}</span>{" "}
          {p.agencies.includes(a.id) ? (
            <span className="muted small">{dash.compare.added}</span>
          ) : (
            <Link
              href={query(p, {
                agencies: [...new Set([...p.agencies, a.id])].join(","),
                region: undefined,
                kind: undefined,
                level: undefined,
                page: undefined,
              })}
            >
              {dash.compare.add}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The agencies being compared, by name, each with a way to take it out. */
async function SelectedAgencies({ p }: { p: Params }) {
  const db = await getDb();
  const found: { id: number; name: string }[] = [];
  for (const id of p.agencies) {
    const a = await getAgency(db, id);
    if (a) found.push({ id, name: a.agency.name });
  }
  if (found.length === 0) return null;
  return (
    <div className="selected-agencies" data-testid="compare-selected">
      <span className="muted small">{dash.compare.selected}：</span>
      <ul className="chips">
        {found.map((a) => {
          const rest = p.agencies.filter((x) => x !== a.id);
          return (
            <li key={a.id} className="chip">
              <Link href={`/agencies/${a.id}`}>{a.name}</Link>{" "}
              <Link
                href={query(p, { agencies: rest.length ? rest.join(",") : undefined, page: undefined })}
                aria-label={dash.compare.removeLabel(a.name)}
                className="chip-remove"
              >
                {dash.compare.remove} ×
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

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
        <label>
          {dash.compare.from}
          <input type="number" name="from" defaultValue={from} min={2000} max={2100} style={{ width: "6rem" }} />
        </label>
        <label>
          {dash.compare.to}
          <input type="number" name="to" defaultValue={to} min={2000} max={2100} style={{ width: "6rem" }} />
        </label>
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
