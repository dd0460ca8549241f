/**
 * One page of a ranking, ranked in SQL. getRanking (scoring.ts) scores every agency in scope in
 * JavaScript: a province of 40,000 agencies took seconds, for a page that shows 50. Here Postgres
 * reads each report's automatic points from the report_scores rollup (report-scores.ts), adds the
 * assessor's entries, sums, sorts and ranks, and returns one page; only that page (and the chart's
 * leaders) is then scored in JavaScript by scoreReport, for the items and evidence on screen.
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
  scope: Scope,
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
  const itemCols = sql.join(
    // Only rows with an entry read the items one by one (pick() below).
    d.indicators.map((x, i) => sql`case when e.agency_id is not null then ${itemSql(x, i)} end as ${sql.raw(`i${i}`)}`),
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
  const plain = {
    total: manual.length ? "null::float8" : "s.auto",
    auto: "s.auto",
    known: "s.known",
    pend: manual.length ? "true" : "false",
  };
  // float8, not numeric: the window sorts below compare tens of thousands of these.
  const pick = (k: keyof typeof plain) => `(case when s.entered then ${withEntries[k]} else ${plain[k]} end)::float8`;
  const pendingExpr = `case when s.entered then ${withEntries.pend} else ${plain.pend} end`;
  const totalExpr = pick("known");
  const valueFor = (b: RankBasis) => pick(b);

  const scoped = scopeWhere(scope) ?? sql`true`;
  const base = sql`
    with ag as (
      select agencies.id from agencies join regions on regions.id = agencies.region_id where ${scoped}
    ), e as (
      select sc.agency_id, ${entryCols} from scores sc join score_items si on si.score_id = sc.id
      where sc.rubric_id = ${rubric.id} and sc.rubric_version = ${rubric.version} and sc.year = ${year}
        and sc.agency_id in (select id from ag) and si.method in ('manual', 'override') and si.points is not null
      group by sc.agency_id
    ), s as (
      select rs.agency_id, rs.auto, rs.known, e.agency_id is not null as entered,
             ${itemCols}
      from report_scores rs join ag on ag.id = rs.agency_id
      left join e on e.agency_id = rs.agency_id
      where rs.rubric_id = ${rubric.id} and rs.rubric_version = ${rubric.version} and rs.year = ${year}
    )`;
  const [collation, basisRow] = await Promise.all([
    zhCollation(db),
    opts.basis
      ? Promise.resolve(null)
      : db
          .execute(sql`${base} select exists (select 1 from s where (${sql.raw(pendingExpr)})) as pending`)
          .then((r) => rowsOf<{ pending: boolean }>(r)[0]),
  ]);
  // rank.ts defaultBasis: on the automatic indicators while a reporting agency's manual item is pending.
  const basis: RankBasis = opts.basis ?? (basisRow?.pending ? "auto" : "total");
  const v = sql.raw(valueFor(basis));
  const nameOrder = collation ? sql.raw(`a.name collate "${collation}", k.agency_id`) : sql`k.agency_id`;
  const offset = (Math.max(1, opts.page) - 1) * opts.perPage;
  // A province ranks tens of thousands of agencies but scores fall on a few dozen values: the
  // agencies are counted per sort key (g, k1, k2, k3), positions and ranks come from those counts,
  // and only the keys that reach into the page or the leaders are read back agency by agency and
  // ordered by name — no sort or window over the whole scope.
  const q = sql`${base}, k as materialized (
      -- rank.ts order: ranked rows by points, then those with a report by known points, then the rest.
      select ag.id as agency_id,
             (cur.v is null)::int as g, coalesce(-cur.v, 0) as k1,
             case when cur.v is null then (not coalesce(cur.has, false))::int else 0 end as k2,
             case when cur.v is null then -coalesce(cur.t, -1) else 0 end as k3, coalesce(cur.pend, false) as pend
      from ag
      left join (select s.agency_id, ${v} as v, ${sql.raw(totalExpr)} as t, true as has, (${sql.raw(pendingExpr)}) as pend
                 from s) cur on cur.agency_id = ag.id
    ), h as (
      select g, k1, k2, k3, count(*)::int as cnt, count(*) filter (where pend)::int as pend from k group by g, k1, k2, k3
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
    )
    select k.agency_id, a.name, w.before + row_number() over (partition by w.before order by ${nameOrder})::int as pos,
           w.before, case when w.g = 0 then w.before + 1 end as rank, w.total, w.ranked, w.pending
    from w join k on k.g = w.g and k.k1 = w.k1 and k.k2 = w.k2 and k.k3 = w.k3
    join agencies a on a.id = k.agency_id
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
