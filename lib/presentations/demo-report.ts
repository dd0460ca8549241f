/**
 * Template-faithful fake reports for the scale demo (scripts/generate-demo.ts): every cell the
 * format prints, figures that satisfy the table identities (W1–W5, Y1 carried_over = last year's
 * carried_forward, Y2 in-force roll) unless an error is injected on purpose. Pure and seeded: the
 * same seed gives the same province.
 */
import { T3_COLUMNS, T4_GROUPS, T4_RESULTS, t2Key, t3Key, t3RowsFor, t4Key, type TableFormat } from "../report/template";
import { cellKeys } from "../report/cell-keys";

import { pick, randInt, type Rng } from "../random";

export type DemoKind = "government" | "department" | "township";

/** What carries from one year to the next for the same agency. */
export interface DemoState {
  carriedForward: Record<string, number>;
  rulesInForce: number;
  docsInForce: number;
  rulesTotalPublic: number;
  docsTotalPublic: number;
  scale: number;
}

export interface DemoReport {
  format: TableFormat;
  cells: Record<string, number | null>;
  /** The injected error, if any: the cells it touches and the check it breaks. */
  error: { rule: "t3.results_sum"; cells: string[]; column: string; sum: number; total: number; diff: number } | null;
  posts: { website: number; wechat: number | null; total: number };
}

const PART_WEIGHTS: Record<string, number> = {
  natural_person: 0.72,
  commercial: 0.14,
  research: 0.02,
  public_interest: 0.02,
  legal_service: 0.05,
  other_org: 0.05,
};

/** Shares of results (applied to what is handled); the rest is 予以公开. */
const RESULT_WEIGHTS: Record<string, number> = {
  partially_disclosed: 0.1,
  withheld_state_secret: 0.002,
  withheld_law_prohibited: 0.005,
  withheld_security_stability: 0.003,
  withheld_third_party: 0.01,
  withheld_internal_affairs: 0.01,
  withheld_process_info: 0.02,
  withheld_enforcement_file: 0.005,
  withheld_admin_query: 0.01,
  unavailable_not_held: 0.2,
  unavailable_needs_creation: 0.03,
  unavailable_unclear: 0.02,
  not_processed_petition: 0.03,
  not_processed_duplicate: 0.02,
  not_processed_publication: 0.005,
  not_processed_excessive: 0.005,
  not_processed_confirmation: 0.005,
  other: 0.04,
  other_no_correction: 0.02,
  other_unpaid_fee: 0.005,
  other_misc: 0.015,
};

export function initialState(rng: Rng, kind: DemoKind): DemoState {
  const scale = kind === "government" ? 40 + rng() * 300 : kind === "department" ? 1 + rng() * 40 : rng() * 4;
  return {
    carriedForward: {},
    rulesInForce: kind === "government" ? randInt(rng, 0, 20) : 0,
    docsInForce: kind === "township" ? randInt(rng, 0, 5) : randInt(rng, 5, 120),
    rulesTotalPublic: kind === "government" ? randInt(rng, 0, 30) : 0,
    docsTotalPublic: randInt(rng, 5, 200),
    scale,
  };
}

const poissonish = (rng: Rng, mean: number) => Math.max(0, Math.round(mean * (0.6 + rng() * 0.8)));

/**
 * One report. `blankZeros`: the agency prints zeros as blanks (null), as many small bodies do.
 * `injectError`: 办理结果总计 of one column is off, breaking W2 and W1 (a finding to show).
 */
export function generateReport(
  rng: Rng,
  kind: DemoKind,
  year: number,
  state: DemoState,
  opts: { blankZeros?: boolean; injectError?: boolean } = {},
): DemoReport {
  const format: TableFormat = year >= 2021 ? "2021" : "2019";
  const cells: Record<string, number | null> = {};
  const trend = 0.85 + rng() * 0.35;
  state.scale *= trend;

  // 表三, column by column, so each column balances on its own.
  const rows = t3RowsFor(format)
    .filter((r) => r.result)
    .map((r) => r.key);
  const totals: Record<string, number> = {};
  const nextForward: Record<string, number> = {};
  for (const col of T3_COLUMNS) {
    if (col.key === "total") continue;
    const received = poissonish(rng, state.scale * PART_WEIGHTS[col.key]);
    const carried = state.carriedForward[col.key] ?? poissonish(rng, state.scale * PART_WEIGHTS[col.key] * 0.05);
    const open = received + carried;
    const forward = Math.min(open, Math.round(open * rng() * 0.08));
    const handled = open - forward;
    let left = handled;
    const values: Record<string, number> = {};
    for (const r of rows) {
      if (r === "disclosed") continue;
      const v = Math.min(left, Math.floor(handled * (RESULT_WEIGHTS[r] ?? 0) * (0.5 + rng())));
      values[r] = v;
      left -= v;
    }
    values.disclosed = left;
    const put = (row: string, v: number) => {
      cells[t3Key(row, col.key)] = v;
      totals[row] = (totals[row] ?? 0) + v;
    };
    put("received", received);
    put("carried_over", carried);
    for (const r of rows) put(r, values[r]);
    put("total_handled", handled);
    put("carried_forward", forward);
    nextForward[col.key] = forward;
  }
  for (const [row, v] of Object.entries(totals)) cells[t3Key(row, "total")] = v;
  state.carriedForward = nextForward;

  // 表四: totals are the sum of their results.
  const suits = kind === "government" ? 3 : kind === "department" ? 0.6 : 0.05;
  for (const g of T4_GROUPS) {
    const n = poissonish(rng, suits * (g.key === "review" ? 1 : 0.5) * (rng() < 0.5 ? 0 : 2));
    const corrected = Math.min(n, Math.round(n * rng() * 0.25));
    const pending = Math.min(n - corrected, Math.round((n - corrected) * rng() * 0.2));
    const other = Math.min(n - corrected - pending, Math.round((n - corrected - pending) * rng() * 0.1));
    const upheld = n - corrected - pending - other;
    const v = { upheld, corrected, other, pending, total: n } as Record<string, number>;
    for (const r of T4_RESULTS) cells[t4Key(g.key, r.key)] = v[r.key];
  }

  // 表二.
  const big = kind === "department" ? 1 : kind === "government" ? 0.3 : 0.05;
  const licensing = poissonish(rng, 400 * big * (rng() < 0.3 ? 0 : 1));
  const penalty = poissonish(rng, 150 * big * (rng() < 0.4 ? 0 : 1));
  const coercion = poissonish(rng, 10 * big * (rng() < 0.6 ? 0 : 1));
  const rulesIssued = kind === "government" ? randInt(rng, 0, 2) : 0;
  const docsIssued = kind === "township" ? randInt(rng, 0, 1) : randInt(rng, 0, 12);
  if (format === "2021") {
    const rulesRepealed = Math.min(state.rulesInForce, randInt(rng, 0, 1));
    const docsRepealed = Math.min(state.docsInForce, randInt(rng, 0, 4));
    state.rulesInForce += rulesIssued - rulesRepealed;
    state.docsInForce += docsIssued - docsRepealed;
    Object.assign(cells, {
      [t2Key("rules", "issued")]: rulesIssued,
      [t2Key("rules", "repealed")]: rulesRepealed,
      [t2Key("rules", "in_force")]: state.rulesInForce,
      [t2Key("normative_docs", "issued")]: docsIssued,
      [t2Key("normative_docs", "repealed")]: docsRepealed,
      [t2Key("normative_docs", "in_force")]: state.docsInForce,
      [t2Key("licensing", "decisions")]: licensing,
      [t2Key("penalty", "decisions")]: penalty,
      [t2Key("coercion", "decisions")]: coercion,
      [t2Key("fees", "amount_wan")]: kind === "township" ? 0 : Math.round(rng() * rng() * 5000 * 10000) / 10000,
    });
  } else {
    state.rulesTotalPublic += rulesIssued;
    state.docsTotalPublic += docsIssued;
    const items = (n: number) => ({ prev: randInt(rng, 0, n), change: randInt(rng, -3, 3) });
    const lic = items(80);
    const svc = items(40);
    const pen = items(200);
    const coe = items(20);
    const fee = items(10);
    Object.assign(cells, {
      [t2Key("rules", "made")]: rulesIssued,
      [t2Key("rules", "published")]: rulesIssued,
      [t2Key("rules", "total_public")]: state.rulesTotalPublic,
      [t2Key("normative_docs", "made")]: docsIssued,
      [t2Key("normative_docs", "published")]: docsIssued,
      [t2Key("normative_docs", "total_public")]: state.docsTotalPublic,
      [t2Key("licensing", "prev_items")]: lic.prev,
      [t2Key("licensing", "change")]: lic.change,
      [t2Key("licensing", "decisions")]: licensing,
      [t2Key("other_services", "prev_items")]: svc.prev,
      [t2Key("other_services", "change")]: svc.change,
      [t2Key("other_services", "decisions")]: poissonish(rng, 50 * big),
      [t2Key("penalty", "prev_items")]: pen.prev,
      [t2Key("penalty", "change")]: pen.change,
      [t2Key("penalty", "decisions")]: penalty,
      [t2Key("coercion", "prev_items")]: coe.prev,
      [t2Key("coercion", "change")]: coe.change,
      [t2Key("coercion", "decisions")]: coercion,
      [t2Key("fees", "prev_items")]: fee.prev,
      [t2Key("fees", "change")]: fee.change,
      [t2Key("procurement", "items")]: kind === "township" ? 0 : randInt(rng, 0, 30),
      [t2Key("procurement", "amount_yuan")]: kind === "township" ? 0 : Math.round(rng() * 5e7) / 100,
    });
  }

  // Every key the format prints, in template order (the template decides what exists).
  const ordered: Record<string, number | null> = {};
  for (const k of cellKeys(format)) {
    const v = cells[k] ?? 0;
    ordered[k] = opts.blankZeros && v === 0 && k.startsWith("t3.") ? null : v;
  }

  let error: DemoReport["error"] = null;
  if (opts.injectError) {
    const col = pick(rng, ["natural_person", "total"] as const);
    const key = t3Key("total_handled", col);
    const sum = (ordered[key] ?? 0) as number;
    const diff = randInt(rng, 1, 5);
    ordered[key] = sum + diff;
    error = { rule: "t3.results_sum", cells: [key], column: col === "total" ? "总计" : "自然人", sum, total: sum + diff, diff };
  }

  const website = poissonish(rng, kind === "government" ? 2000 : kind === "department" ? 200 : 40);
  const wechat = rng() < 0.6 ? poissonish(rng, website * 0.4) : null;
  return { format, cells: ordered, error, posts: { website, wechat, total: website + (wechat ?? 0) } };
}

/** Section 一 of the fake report: the sentence the "posts published" extraction reads. */
export function demoNarrative(agency: string, year: number, posts: DemoReport["posts"]): string {
  const wechat = posts.wechat === null ? "" : `，通过微信公众号发布信息${posts.wechat}条`;
  return [
    "一、总体情况",
    `（一）主动公开。${year}年，${agency}通过政府网站发布信息${posts.website}条${wechat}，及时准确公开各类政府信息。`,
    "（二）依申请公开。严格按照规定办理政府信息公开申请，答复规范及时。",
    "（三）政府信息管理。（四）政府信息公开平台建设。（五）监督保障。（示例数据，由 npm run demo:generate 生成）",
  ].join("\n");
}
