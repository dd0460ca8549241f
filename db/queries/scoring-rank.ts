/**
 * One page of a ranking, ranked in SQL. getRanking (scoring.ts) scores every agency in scope in
 * JavaScript: a province of 40,000 agencies took seconds, for a page that shows 50. Here Postgres
 * counts the agencies of the scope per points from the per-region score_counts rollup (each
 * report's automatic points, report-scores.ts), scores only the agencies with an assessor's entry,
 * places the page from those counts and reads back only the agencies it shows; only that page
 * (and the chart's leaders) is then scored in JavaScript by scoreReport, for the items and
 * evidence on screen.
 * The SQL is the twin of lib/scoring/score.ts and rank.ts: scoring-rank.test.ts checks that both
 * give the same order, ranks and points.
 */
import { sql, type SQL } from "drizzle-orm";
import type { RankBasis, RankedRow } from "../../lib/scoring/rank";
import { maxTotal, type Indicator, type Rubric } from "../../lib/scoring/rubric";
import type { Db } from "../index";
import { lit } from "./report-scores";
import { rowsOf } from "./rows";
import { getRanking } from "./scoring";
import { scopeWhere, type Scope } from "./scoring-evidence";

/** An assessor's entry, clamped to the indicator's range (score.ts `clamp`). */
const clamped = (x: Indicator, e: SQL) => sql`round(least(${lit(x.max)}, greatest(0, ${e}))::numeric, 2)`;

/** Each indicator's points for one rollup row `rs` and its entries `e`: the entry where one applies, else the automatic value. */
function itemSql(x: Indicator, i: number): SQL {
  const entry = sql.raw(`e.p${i}`);
  // Read from the table only for a row with an entry (the caller's case): the rest stay index-only.
  const auto = sql.raw(
    `(select ri.items[${i + 1}] from report_scores ri where ri.rubric_id = rs.rubric_id and ri.rubric_version = rs.rubric_version and ri.report_id = rs.report_id)`,
  );
  if (x.method.kind === "manual") return sql`case when ${entry} is not null then ${clamped(x, entry)} end`;
  return sql`case when ${sql.raw(`e.m${i}`)} = 'override' and ${entry} is not null then ${clamped(x, entry)} else ${auto} end`;
}

export interface RankingPage {
  rows: RankedRow[];
  basis: RankBasis;
  /** Agencies in scope, ranked or not. */
  total: number;
  ranked: number;
  /** Agencies with a report whose manual items are not all entered. */
  pending: number;
  /** The leaders (up to `top`), for the chart. */
  leaders: RankedRow[];
  max: number;
}

const collations = new WeakMap<object, Promise<string | null>>();
/**
 * Chinese names sort by pinyin (Intl.Collator zh-CN). The Postgres server's ICU has that collation
 * and sorts in SQL; PGlite's ICU has only the root one: there the tied names are sorted here.
 */
function zhCollation(db: Db): Promise<string | null> {
  let c = collations.get(db);
  if (!c) {
    c = db
      .execute(sql`select collname from pg_collation where collname = 'zh-Hans-x-icu' limit 1`)
      .then((r) => rowsOf<{ collname: string }>(r)[0]?.collname ?? null)
      .catch(() => null);
    collations.set(db, c);
  }
  return c;
}
const byName = new Intl.Collator("zh-CN").compare;

interface SqlRow {
  agency_id: number;
  name: string;
  pos: number;
  before: number;
  rank: number | null;
  total: number;
  ranked: number;
  pending: number;
}

/**
 * Page `page` (1-based, `perPage` rows) of the ranking getRanking gives for the same arguments,
 * and its leaders: the same rows, ranks, points and changes, scored for what is shown.
 */
export async function getRankingPage(
  db: Db,
  scope: Omit<Scope, "agencyIds">,
  year: number,
  rubric: Rubric,
  opts: { basis?: RankBasis; page: number; perPage: number; top: number },
): Promise<RankingPage> {
  const d = rubric.definition;
  const entryCols = sql.join(
    d.indicators.map(
      (x, i) =>
        sql`max(si.points) filter (where si.indicator_id = ${x.id}) as ${sql.raw(`p${i}`)}, max(si.method) filter (where si.indicator_id = ${x.id}) as ${sql.raw(`m${i}`)}`,
    ),
    sql`, `,
  );
  // Only the agencies with an entry are scored item by item.
  const itemCols = sql.join(
    d.indicators.map((x, i) => sql`${itemSql(x, i)} as ${sql.raw(`i${i}`)}`),
    sql`, `,
  );
  const items = d.indicators.map((_, i) => `s.i${i}`);
  const auto = d.indicators.map((x, i) => [x, i] as const).filter(([x]) => x.method.kind !== "manual");
  const manual = d.indicators.map((x, i) => [x, i] as const).filter(([x]) => x.method.kind === "manual");
  const sum = (is: string[]) => (is.length ? is.map((s) => `coalesce(${s}, 0)`).join(" + ") : "0");
  const allKnown = (is: string[]) => (is.length ? is.map((s) => `${s} is not null`).join(" and ") : "true");
  const autoItems = auto.map(([, i]) => `s.i${i}`);
  // rank.ts `value`: the total when complete, or the automatic items' sum when all are known. Most
  // agency-years have no entry: their values are the rollup's sums (no manual item entered, so
  // with a manual indicator in the rubric never complete); only those with entries are summed here.
  const withEntries = {
    total: `case when ${allKnown(items)} then round((${sum(items)})::numeric, 2) end`,
    auto: `case when ${allKnown(autoItems)} then round((${sum(autoItems)})::numeric, 2) end`,
    known: `round((${sum(items)})::numeric, 2)`,
    pend: manual.length ? manual.map(([, i]) => `s.i${i} is null`).join(" or ") : "false",
  };
  // float8, not numeric: the sorts below compare these.
  const pickWith = (k: keyof typeof withEntries) => `(${withEntries[k]})::float8`;
  const scoped = scopeWhere(scope) ?? sql`true`;
  const yearOf = (a: string) =>
    sql.raw(`${a}.rubric_id = ${Number(rubric.id)} and ${a}.rubric_version = ${Number(rubric.version)} and ${a}.year = ${Number(year)}`);
  // The agencies in scope are those of its regions: every count below is a sum of per-region
  // rollups (score_counts, coverage_counts) over these few rows; only the agencies with an
  // assessor's entry are scored one by one.
  const base = sql`
    with rg as materialized (select regions.id from regions where ${scoped}),
    e as (
      select sc.agency_id, ${entryCols} from scores sc join score_items si on si.score_id = sc.id
      join agency_coverage c on c.agency_id = sc.agency_id
      where ${yearOf("sc")} and c.region_id in (select id from rg) and si.method in ('manual', 'override') and si.points is not null
      group by sc.agency_id
    ), s as (
      select rs.agency_id, rs.auto, rs.known, ${itemCols}
      from e join reports r on r.agency_id = e.agency_id and r.year = ${year}
      join report_scores rs on rs.rubric_id = ${rubric.id} and rs.rubric_version = ${rubric.version} and rs.report_id = r.id
    ), ent as materialized (
      select s.agency_id, s.auto as pauto, s.known as pknown, ${sql.raw(pickWith("known"))} as t,
             (${sql.raw(withEntries.pend)}) as pend, ${sql.raw(pickWith("total"))} as v_total, ${sql.raw(pickWith("auto"))} as v_auto
      from s
    ), pairs as (
      -- (auto, known) per region-scope from the rollup, less the entered agencies' own rows.
      select auto, known, sum(n)::int as n from (
        select sc.auto, sc.known, sc.n from score_counts sc where ${yearOf("sc")} and sc.region_id in (select id from rg)
        union all select pauto, pknown, -1 from ent
      ) x group by auto, known having sum(n) <> 0
    ), unreported as materialized (
      select ((select coalesce(sum(n), 0) from coverage_counts where region_id in (select id from rg))
              - (select coalesce(sum(n), 0) from pairs) - (select count(*) from ent))::int as n
    )`;
  // rank.ts order: ranked rows by points, then those with a report by known points, then the rest.
  const keyOf = (v: string, t: string, has: string) =>
    `(${v} is null)::int as g, coalesce(-(${v}), 0) as k1, case when ${v} is null then (not ${has})::int else 0 end as k2,
     case when ${v} is null then -coalesce(${t}, -1) else 0 end as k3`;
  const plainV = (b: RankBasis) => (b === "total" && manual.length ? "null::float8" : "auto");
  const keys = (b: RankBasis) => sql`keys as (
      select ${sql.raw(keyOf(plainV(b), "known", "true"))}, null::int as agency_id, auto, known, n as cnt, ${sql.raw(manual.length ? "n" : "0")} as pend
      from pairs
      union all
      select ${sql.raw(keyOf(`v_${b}`, "t", "true"))}, agency_id, null, null, 1, pend::int from ent
      union all
      select 1, 0, 1, 1, null, null, null, n, 0 from unreported where n > 0
    )`;
  const [collation, basisRow] = await Promise.all([
    zhCollation(db),
    opts.basis
      ? Promise.resolve(null)
      : db
          .execute(sql`${base}, ${keys("auto")} select coalesce(sum(pend), 0) > 0 as pending from keys`)
          .then((r) => rowsOf<{ pending: boolean }>(r)[0]),
  ]);
  // rank.ts defaultBasis: on the automatic indicators while a reporting agency's manual item is pending.
  const basis: RankBasis = opts.basis ?? (basisRow?.pending ? "auto" : "total");
  const nameOrder = collation ? sql.raw(`a.name collate "${collation}", k.agency_id`) : sql`k.agency_id`;
  const offset = (Math.max(1, opts.page) - 1) * opts.perPage;
  // Scores fall on a few dozen values: positions and ranks come from the counts per sort key
  // (g, k1, k2, k3), and only the keys that reach into the page or the leaders are read back agency
  // by agency — through report_scores_points_idx for each (auto, known) pair of such a key — and
  // ordered by name.
  const q = sql`${base}, ${keys(basis)}, h as (
      select g, k1, k2, k3, sum(cnt)::int as cnt, sum(pend)::int as pend from keys group by g, k1, k2, k3 having sum(cnt) > 0
    ), o as (
      select g, k1, k2, k3, cnt,
             (sum(cnt) over (order by g, k1, k2, k3) - cnt)::int as before,
             sum(cnt) over ()::int as total,
             (sum(cnt) filter (where g = 0) over ())::int as ranked,
             sum(pend) over ()::int as pending
      from h
    ), w as (
      -- The keys whose agencies reach into the page or the leaders, whole.
      select * from o
      where (before < ${offset + opts.perPage} and before + cnt > ${offset}) or (before < ${opts.top} and g = 0)
    ), wp as materialized (
      -- The (auto, known) pairs under those keys.
      select p.auto, p.known, w.* from w join keys p on p.g = w.g and p.k1 = w.k1 and p.k2 = w.k2 and p.k3 = w.k3
      where p.known is not null and p.agency_id is null
    ), k as (
      -- Agencies with an entry, the agencies under each (auto, known) pair, those without a report.
      select p.agency_id, w.* from w join keys p on p.g = w.g and p.k1 = w.k1 and p.k2 = w.k2 and p.k3 = w.k3 and p.agency_id is not null
      union all
      select r.agency_id, wp.g, wp.k1, wp.k2, wp.k3, wp.cnt, wp.before, wp.total, wp.ranked, wp.pending
      from wp cross join lateral (
        select rs.agency_id from report_scores rs where ${yearOf("rs")} and wp.auto is null and rs.auto is null and rs.known = wp.known
        union all
        select rs.agency_id from report_scores rs where ${yearOf("rs")} and rs.auto = wp.auto and rs.known = wp.known
      ) r
      where r.agency_id not in (select agency_id from ent)
      union all
      select c.agency_id, w.* from w join agency_coverage c on w.g = 1 and w.k2 = 1 and c.region_id in (select id from rg)
      where not exists (select 1 from reports r join report_scores rs on rs.rubric_id = ${rubric.id} and rs.rubric_version = ${rubric.version}
                        and rs.report_id = r.id where r.agency_id = c.agency_id and r.year = ${year})
    )
    select k.agency_id, a.name, k.before + row_number() over (partition by k.before order by ${nameOrder})::int as pos,
           k.before, case when k.g = 0 then k.before + 1 end as rank, k.total, k.ranked, k.pending
    -- In scope: checked on the agency row read for its name anyway (a pair's agencies are those of
    -- every region); a probe by key per row (offset 0: not a hash of every agency).
    from k cross join lateral (
      select a.name from agencies a where a.id = k.agency_id and a.region_id = any(array(select id from rg)) offset 0
    ) a
    union all
    -- An empty page still says how many there are.
    select null, null, null, null, null, o.total, o.ranked, o.pending from o where not exists (select 1 from w) and o.before = 0
    order by pos nulls last`;
  const all = rowsOf<SqlRow>(await db.execute(q));
  // The last row of an empty page carries only the counts (agency_id null).
  const rows = all.filter((r) => r.agency_id !== null);
  // Without the Chinese collation, the rows of each tie come back whole and are put in order here.
  let ordered = rows;
  if (!collation) {
    const sorted = [...rows].sort((a, b) => a.before - b.before || byName(a.name, b.name) || a.agency_id - b.agency_id);
    // Within a tie, positions follow the sorted order from the tie's first position.
    const first = new Map<number, number>();
    ordered = sorted.map((r, i) => {
      if (!first.has(r.before)) first.set(r.before, i);
      return { ...r, pos: r.before + 1 + (i - first.get(r.before)!) };
    });
  }
  const total = all[0]?.total ?? 0;
  // A page past the end (the list shrank since the link was made) shows the last one.
  if (!rows.some((r) => r.pos > offset) && opts.page > 1 && offset > 0) {
    const last = Math.max(1, Math.ceil(total / opts.perPage));
    if (last < opts.page) return getRankingPage(db, scope, year, rubric, { ...opts, basis, page: last });
  }
  const shownRows = ordered.filter((r) => r.pos > offset && r.pos <= offset + opts.perPage);
  const leaderRows = ordered.filter((r) => r.rank !== null && r.pos <= opts.top);
  const ids = [...new Set([...shownRows, ...leaderRows].map((r) => r.agency_id))];
  const scored = ids.length ? (await getRanking(db, { agencyIds: ids }, year, rubric, basis)).rows : [];
  const byId = new Map(scored.map((r) => [r.agencyId, r]));
  const withRank = (r: SqlRow): RankedRow => ({ ...byId.get(r.agency_id)!, rank: r.rank });
  return {
    rows: shownRows.map(withRank),
    leaders: leaderRows.map(withRank),
    basis,
    total,
    ranked: all[0]?.ranked ?? 0,
    pending: all[0]?.pending ?? 0,
    max: maxTotal(d),
  };
}
