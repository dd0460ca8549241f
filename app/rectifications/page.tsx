import Link from "next/link";
import { pageHref } from "@/lib/url";
import { getDb } from "@/db/index";
import { countRectifications, listRectifications, type RectificationFilter } from "@/db/queries/rectifications";
import { listRegions } from "@/db/queries/regions";
import { DataStatus, ItemStatus } from "@/components/rectification/status";
import { describeCell } from "@/lib/report/cell-keys";
import { roleMay } from "@/lib/auth/permissions";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { rectSearchSchema, type RectSearch } from "./schema";
import { NamedOptions, pathDepth } from "@/components/form/named-options";

export const dynamic = "force-dynamic";

const m = msg.rect;
const PAGE_SIZE = 50;

function href(s: RectSearch, change: Partial<RectSearch>, base = "/rectifications"): string {
  return pageHref(base, { ...s, ...change, page: change.page ?? 1 });
}

export default async function RectificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireReader();
  const s = rectSearchSchema.parse(await searchParams);
  const filter: RectificationFilter = {
    status: s.status,
    regionId: s.region,
    agencyId: s.agency,
    year: s.year,
    agencyIds: s.mine && user ? user.agencyIds : undefined,
  };
  const db = await getDb();
  const [rows, total, regions] = await Promise.all([
    listRectifications(db, filter, PAGE_SIZE, (s.page - 1) * PAGE_SIZE),
    countRectifications(db, filter),
    listRegions(db),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const statuses = ["unfinished", "open", "overdue", "responded", "accepted"] as const;
  const statusLabel = (k: string) => (k === "overdue" ? m.filters.overdue : k === "unfinished" ? msg.rect.summary.open : m.status[k]);
  const download = (format: string) => href({ ...s, page: 1, format } as RectSearch, {}, "/api/rectifications/export");

  return (
    <>
      <h1>{m.title}</h1>
      <p className="muted">{m.intro}</p>
      <div className="card">
        <form method="get" action="/rectifications" className="form-row">
          <label>
            {m.filters.region}
            <select name="region" defaultValue={s.region ?? ""}>
              <option value="">{m.filters.allRegions}</option>
              <NamedOptions items={regions} depthOf={(r) => pathDepth(r.path)} />
            </select>
          </label>
          <label>
            {m.filters.year}
            <input type="number" name="year" min={2000} max={2100} defaultValue={s.year ?? ""} style={{ width: "6rem" }} />
          </label>
          {s.status && <input type="hidden" name="status" value={s.status} />}
          {s.agency && <input type="hidden" name="agency" value={s.agency} />}
          {user && user.agencyIds.length > 0 && (
            <label>
              <span>
                <input type="checkbox" name="mine" value="1" defaultChecked={Boolean(s.mine)} /> {m.filters.mine}
              </span>
            </label>
          )}
          <button type="submit">{m.filters.submit}</button>
        </form>
        <div className="facets">
          <strong>{m.filters.status}</strong>
          <Link href={href(s, { status: undefined })} className={s.status ? "" : "active"}>
            {m.filters.all}
          </Link>
          {statuses.map((k) => (
            <Link key={k} href={href(s, { status: k })} className={s.status === k ? "active" : k === "overdue" ? "overdue" : ""}>
              {statusLabel(k)}
            </Link>
          ))}
          {roleMay(user, "respond") && <Link href={href({ page: 1 }, { mine: "1", status: "open" })}>{m.mine}</Link>}
        </div>
      </div>
      <div className="form-row" style={{ alignItems: "center" }}>
        <p data-testid="rect-total" style={{ margin: 0 }}>
          {m.total(total)}
        </p>
        <span className="export-buttons">
          {m.download}
          <a href={download("csv")} download>
            CSV
          </a>
          <a href={download("xlsx")} download>
            XLSX
          </a>
        </span>
        {(s.region || s.agency) && (
          <span className="export-buttons" data-testid="rect-documents">
            {m.docs.title}：
            {s.region && (
              <>
                <a href={`/api/rectifications/documents/bulletin?region=${s.region}`} download>
                  {m.docs.bulletin}（{m.docs.docx}）
                </a>
                <a href={`/api/rectifications/documents/bulletin?region=${s.region}&format=xlsx`} download>
                  {m.docs.bulletin}（{m.docs.xlsx}）
                </a>
              </>
            )}
            {s.agency && (
              <a href={`/api/rectifications/documents/notice?agency=${s.agency}`} download>
                {m.docs.notice}
              </a>
            )}
          </span>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="empty">{m.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="list rect-table" data-testid="rect-list">
            <thead>
              <tr>
                <th>{m.columns.id}</th>
                <th>{m.columns.agency}</th>
                <th>{m.columns.finding}</th>
                <th>{m.columns.due}</th>
                <th>{m.columns.status}</th>
                <th>{m.columns.data}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.overdueDays > 0 ? "overdue-row" : undefined} data-testid={`rect-row-${r.id}`}>
                  <td>
                    <Link href={`/rectifications/${r.id}`}>{r.id}</Link>
                  </td>
                  <td>
                    <Link href={`/agencies/${r.agencyId}`}>{r.agency}</Link> {r.year}
                    <div className="muted small">{r.region}</div>
                  </td>
                  <td>
                    <Link href={`/rectifications/${r.id}`}>{r.message}</Link>
                    <div className="muted small">
                      {r.cells.slice(0, 3).map(describeCell).join("；")}
                      {r.cells.length > 3 ? "…" : ""}
                    </div>
                  </td>
                  <td className="nowrap">{m.day(r.dueOn)}</td>
                  <td>
                    <ItemStatus status={r.status} overdueDays={r.overdueDays} />
                  </td>
                  <td>
                    <DataStatus value={r.dataStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <p className="form-row">
          {s.page > 1 && <Link href={href(s, { page: s.page - 1 })}>{msg.dashboard.overview.prev}</Link>}
          {s.page < pages && <Link href={href(s, { page: s.page + 1 })}>{msg.dashboard.overview.next}</Link>}
        </p>
      )}
    </>
  );
}
