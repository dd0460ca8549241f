import Link from "next/link";
import { pageHref } from "@/lib/url";
import { getDb } from "@/db/index";
import { LevelSelect, RegionSelect } from "@/components/filters/region-select";
import { REVIEW_STATUSES, countFindings, listFindings } from "@/db/queries/findings";
import { findingsSearchSchema, toFindingFilter, type FindingsSearch } from "./search";
import { listRegions } from "@/db/queries/regions";
import { RULES, SEVERITIES } from "@/lib/checks/rules";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { can, roleMay } from "@/lib/auth/permissions";
import { beijingToday } from "@/lib/rectification/state";
import { OpenForm } from "@/app/rectifications/forms";
import { ReviewControls } from "@/app/reports/[id]/review-controls";

export const dynamic = "force-dynamic";

const STATUS_LABELS: Record<string, string> = {
  open: msg.common.pending,
  confirmed: msg.common.confirmed,
  dismissed: msg.common.dismissed,
};
const PAGE_SIZE = 50;
// A page is an index walk of PAGE_SIZE rows after an offset: bounded, so the deepest page costs
// what page 200 costs whatever the queue holds (the downloads carry every row).
const MAX_PAGES = 200;
type Search = FindingsSearch;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function href(s: Search, change: Partial<Search>): string {
  return pageHref("/findings", { ...s, ...change, page: change.page ?? 1 });
}

/** The same view as a file: every row under the current filters. */
function exportHref(s: Search, format: "csv" | "xlsx"): string {
  const q = new URL(href(s, {}), "http://x").searchParams;
  q.set("format", format);
  return `/api/findings/export?${q}`;
}

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireReader();
  const mayOpen = roleMay(user, "rectify");
  // Per row: the reviewer's scope (their region or agencies) decides, as it does for the action.
  const mayReview = (f: { agencyId: number; regionPath: string }) =>
    can(user, "review", { agencyId: f.agencyId, regionPath: f.regionPath });
  const s = findingsSearchSchema.parse(await searchParams);
  const filter = toFindingFilter(s);
  const db = await getDb();
  const [rows, counts, regions] = await Promise.all([
    listFindings(db, filter, Math.min(s.page, MAX_PAGES), PAGE_SIZE),
    countFindings(db, filter),
    listRegions(db),
  ]);
  const capped = counts.total > MAX_PAGES * PAGE_SIZE;
  const pages = Math.min(MAX_PAGES, Math.max(1, Math.ceil(counts.total / PAGE_SIZE)));
  const facet = (
    list: { value: string | null; n: number }[],
    key: keyof Search,
    label: (v: string) => string,
    order: readonly string[] = [],
  ) => (
    <div className="facets">
      <Link href={href(s, { [key]: undefined })} className={s[key] === undefined ? "active" : ""}>
        {msg.findingsPage.all}
      </Link>
      {list
        .filter((x) => x.value !== null)
        .sort((a, b) => (order.length ? order.indexOf(a.value!) - order.indexOf(b.value!) : String(a.value).localeCompare(String(b.value))))
        .map((x) => (
          <Link key={x.value} href={href(s, { [key]: x.value as never })} className={String(s[key]) === x.value ? "active" : ""}>
            {label(x.value!)}（{x.n}）
          </Link>
        ))}
    </div>
  );

  return (
    <>
      <h1>{msg.findingsPage.title}</h1>
      <p className="muted">{msg.findingsPage.intro}</p>
      <div className="card">
        <form method="get" action="/findings" className="form-row">
          <RegionSelect regions={regions} value={s.region} label={msg.common.region} allLabel={msg.common.allRegions} />
          <LevelSelect value={s.level} label={msg.common.level} anyLabel={msg.common.allLevels} />
          {s.rule && <input type="hidden" name="rule" value={s.rule} />}
          {s.severity && <input type="hidden" name="severity" value={s.severity} />}
          {s.year && <input type="hidden" name="year" value={s.year} />}
          {s.status && <input type="hidden" name="status" value={s.status} />}
          <button type="submit">{msg.findingsPage.filter}</button>
        </form>
        <strong>{msg.common.severity}</strong>
        {facet(counts.severity, "severity", (v) => msg.severity[v] ?? v, SEVERITIES)}
        <strong>{msg.findingsPage.reviewStatus}</strong>
        {facet(counts.status, "status", (v) => STATUS_LABELS[v] ?? v, REVIEW_STATUSES)}
        <strong>{msg.common.year}</strong>
        {facet(counts.year, "year", (v) => msg.common.yearOf(v))}
        <strong>{msg.common.rule}</strong>
        {facet(counts.rule, "rule", (v) => RULES.find((r) => r.id === v)?.title ?? v)}
      </div>

      <div className="form-row" style={{ alignItems: "center" }}>
        <p data-testid="findings-total" style={{ margin: 0 }}>
          {msg.findingsPage.total(counts.total)}
          {pages > 1 && msg.findingsPage.pageOf(Math.min(s.page, pages), pages)}
          {capped && <span className="muted small">（{msg.findings.pagesCapped(MAX_PAGES * PAGE_SIZE)}）</span>}
        </p>
        <span className="export-buttons" data-testid="findings-downloads">
          {msg.findingsPage.download}
          <a href={exportHref(s, "csv")} download>
            CSV
          </a>
          <a href={exportHref(s, "xlsx")} download>
            XLSX
          </a>
        </span>
      </div>
      {mayOpen && counts.total > 0 && (
        <OpenForm
          hidden={{ rule: s.rule, severity: s.severity, region: s.region, level: s.level, year: s.year, status: s.status }}
          defaultDue={addDays(beijingToday(), 30)}
          minDue={beijingToday()}
          filteredCount={counts.total}
        />
      )}
      {rows.length === 0 ? (
        <p className="empty">{msg.findingsPage.empty}</p>
      ) : (
        <table className="list" data-testid="findings-queue">
          <thead>
            <tr>
              {mayOpen && (
                <th>
                  <span className="sr-only">{msg.rect.open.select}</span>
                </th>
              )}
              <th>{msg.common.severityShort}</th>
              <th>{msg.common.agency}</th>
              <th>{msg.common.year}</th>
              <th>{msg.common.finding}</th>
              <th>{msg.common.review}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.id}>
                {mayOpen && (
                  <td>
                    <input
                      type="checkbox"
                      name="findingId"
                      value={f.id}
                      form="rect-open"
                      aria-label={`${msg.rect.open.select} ${f.agency} ${f.year} ${f.message}`}
                    />
                  </td>
                )}
                <td>
                  <span className={`badge ${f.severity}`}>{msg.severity[f.severity]}</span>
                </td>
                <td>
                  <Link href={`/agencies/${f.agencyId}`}>{f.agency}</Link>
                  <div className="muted" style={{ fontSize: "0.8rem" }}>
                    {f.region}
                  </div>
                </td>
                <td>{f.year}</td>
                <td>
                  <Link href={`/reports/${f.reportId}${f.cells[0] ? `?cell=${encodeURIComponent(f.cells[0])}` : ""}`}>{f.message}</Link>
                  <div className="muted" style={{ fontSize: "0.8rem" }}>
                    {RULES.find((r) => r.id === f.rule)?.title ?? msg.findings.otherRule}
                  </div>
                </td>
                <td style={{ minWidth: "6rem" }}>
                  {/* Reviewed here, row by row, as on the report page (the action checks the scope of each). */}
                  {mayReview(f) ? (
                    <ReviewControls findingId={f.id} status={f.status} reviewer={f.reviewer} comment={f.comment} canReview />
                  ) : f.status ? (
                    `${STATUS_LABELS[f.status]}（${f.reviewer}）`
                  ) : (
                    <span className="muted">{msg.common.pending}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <p className="form-row">
          {s.page > 1 && <Link href={href(s, { page: s.page - 1 })}>{msg.common.prev}</Link>}
          {s.page < pages && <Link href={href(s, { page: Math.min(s.page, pages) + 1 })}>{msg.common.next}</Link>}
        </p>
      )}
    </>
  );
}
