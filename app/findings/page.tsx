import Link from "next/link";
import { getDb } from "@/db/index";
import { REVIEW_STATUSES, countFindings, listFindings } from "@/db/queries/findings";
import { findingsSearchSchema, toFindingFilter, type FindingsSearch } from "./search";
import { listRegions } from "@/db/queries/regions";
import { RULES, SEVERITIES } from "@/lib/checks/rules";
import { REGION_LEVEL_LABELS } from "@/lib/report/agency";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const STATUS_LABELS: Record<string, string> = { open: "待审核", confirmed: "已确认", dismissed: "已排除" };
const PAGE_SIZE = 50;
// A page is an index walk of PAGE_SIZE rows after an offset: bounded, so the deepest page costs
// what page 200 costs whatever the queue holds (the downloads carry every row).
const MAX_PAGES = 200;
type Search = FindingsSearch;

function href(s: Search, change: Partial<Search>): string {
  const next = { ...s, ...change, page: change.page ?? 1 };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) q.set(k, String(v));
  const str = q.toString();
  return str ? `/findings?${str}` : "/findings";
}

/** The same view as a file: every row under the current filters. */
function exportHref(s: Search, format: "csv" | "xlsx"): string {
  const q = new URL(href(s, {}), "http://x").searchParams;
  q.set("format", format);
  return `/api/findings/export?${q}`;
}

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireReader();
  const s = findingsSearchSchema.parse(await searchParams);
  const filter = toFindingFilter(s);
  const db = await getDb();
  const [rows, counts, regions] = await Promise.all([listFindings(db, filter, Math.min(s.page, MAX_PAGES), PAGE_SIZE), countFindings(db, filter), listRegions(db)]);
  const capped = counts.total > MAX_PAGES * PAGE_SIZE;
  const pages = Math.min(MAX_PAGES, Math.max(1, Math.ceil(counts.total / PAGE_SIZE)));
  const facet = (list: { value: string | null; n: number }[], key: keyof Search, label: (v: string) => string, order: readonly string[] = []) => (
    <div className="facets">
      <Link href={href(s, { [key]: undefined })} className={s[key] === undefined ? "active" : ""}>全部</Link>
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
      <h1>核对发现</h1>
      <p className="muted">全部单位的勾稽核对发现。筛选条件都在地址栏里，复制链接即可分享同一视图。</p>
      <div className="card">
        <form method="get" action="/findings" className="form-row">
          <label>
            地区
            <select name="region" defaultValue={s.region ?? ""}>
              <option value="">全部地区</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>{"　".repeat(r.path.split("/").filter(Boolean).length)}{r.name}</option>
              ))}
            </select>
          </label>
          <label>
            地区层级
            <select name="level" defaultValue={s.level ?? ""}>
              <option value="">全部层级</option>
              {Object.entries(REGION_LEVEL_LABELS).map(([k, v]) => (
                <option key={k} value={k}>{v}</option>
              ))}
            </select>
          </label>
          {s.rule && <input type="hidden" name="rule" value={s.rule} />}
          {s.severity && <input type="hidden" name="severity" value={s.severity} />}
          {s.year && <input type="hidden" name="year" value={s.year} />}
          {s.status && <input type="hidden" name="status" value={s.status} />}
          <button type="submit">筛选</button>
        </form>
        <strong>严重程度</strong>
        {facet(counts.severity, "severity", (v) => msg.severity[v] ?? v, SEVERITIES)}
        <strong>审核状态</strong>
        {facet(counts.status, "status", (v) => STATUS_LABELS[v] ?? v, REVIEW_STATUSES)}
        <strong>年度</strong>
        {facet(counts.year, "year", (v) => `${v} 年`)}
        <strong>规则</strong>
        {facet(counts.rule, "rule", (v) => RULES.find((r) => r.id === v)?.title ?? v)}
      </div>

      <div className="form-row" style={{ alignItems: "center" }}>
        <p data-testid="findings-total" style={{ margin: 0 }}>
          共 {counts.total} 条{pages > 1 && `，第 ${Math.min(s.page, pages)} / ${pages} 页`}
          {capped && <span className="muted small">（{msg.findings.pagesCapped(MAX_PAGES * PAGE_SIZE)}）</span>}
        </p>
        <span className="export-buttons" data-testid="findings-downloads">
          下载：<a href={exportHref(s, "csv")} download>CSV</a>
          <a href={exportHref(s, "xlsx")} download>XLSX</a>
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="empty">没有符合条件的核对发现。</p>
      ) : (
        <table className="list" data-testid="findings-queue">
          <thead>
            <tr>
              <th>程度</th>
              <th>单位</th>
              <th>年度</th>
              <th>发现</th>
              <th>审核</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.id}>
                <td><span className={`badge ${f.severity}`}>{msg.severity[f.severity]}</span></td>
                <td>
                  <Link href={`/agencies/${f.agencyId}`}>{f.agency}</Link>
                  <div className="muted" style={{ fontSize: "0.8rem" }}>{f.region}</div>
                </td>
                <td>{f.year}</td>
                <td>
                  <Link href={`/reports/${f.reportId}${f.cells[0] ? `?cell=${encodeURIComponent(f.cells[0])}` : ""}`}>{f.message}</Link>
                  <div className="muted" style={{ fontSize: "0.8rem" }}>{RULES.find((r) => r.id === f.rule)?.title ?? msg.findings.otherRule}</div>
                </td>
                <td>{f.status ? `${STATUS_LABELS[f.status]}（${f.reviewer}）` : <span className="muted">待审核</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <p className="form-row">
          {s.page > 1 && <Link href={href(s, { page: s.page - 1 })}>上一页</Link>}
          {s.page < pages && <Link href={href(s, { page: Math.min(s.page, pages) + 1 })}>下一页</Link>}
        </p>
      )}
    </>
  );
}
