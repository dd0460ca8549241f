import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/index";
import { listAudit } from "@/db/queries/audit";
import { roleMay } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { actionLabel, auditChanges, targetLabel } from "@/lib/audit-view";

export const dynamic = "force-dynamic";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireReader();
  if (!roleMay(me, "view_audit")) return <div className="card">{me ? msg.auth.refused.role("view_audit") : msg.auth.signInRequired}</div>;
  const { page } = z.object({ page: z.coerce.number().int().min(1).default(1).catch(1) }).parse(await searchParams);
  const { rows, total } = await listAudit(await getDb(), { page });
  const pages = Math.max(1, Math.ceil(total / 50));
  return (
    <>
      <h1>{msg.admin.auditTitle}</h1>
      <p className="muted">{msg.admin.auditIntro(total)}</p>
      <table className="list" data-testid="audit">
        <thead>
          <tr>
            <th>{msg.common.time}</th>
            <th>{msg.common.user}</th>
            <th>{msg.admin.action}</th>
            <th>{msg.admin.target}</th>
            <th>{msg.audit.changes}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.username}</td>
              <td>{actionLabel(r.action)}</td>
              <td>
                {(() => {
                  const t = targetLabel(r.target);
                  if (t.kind === "report") return <Link href={`/reports/${t.id}`}>{t.text}</Link>;
                  if (t.kind === "agency") return <Link href={`/agencies/${t.id}`}>{t.text}</Link>;
                  return t.text;
                })()}
              </td>
              <td className="small">
                {(() => {
                  const changes = auditChanges(r.before, r.after);
                  if (changes.length === 0) return <span className="muted">{msg.audit.noChanges}</span>;
                  return (
                    <ul className="plain audit-changes">
                      {changes.map((c) => (
                        <li key={c.field}>
                          <span className="muted">{c.field}：</span>
                          {c.before === c.after ? (
                            c.after
                          ) : (
                            <>
                              <del>{c.before}</del> → <ins>{c.after}</ins>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  );
                })()}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-row">
        {page > 1 && <Link href={`/admin/audit?page=${page - 1}`}>{msg.common.prev}</Link>}
        {page < pages && <Link href={`/admin/audit?page=${page + 1}`}>{msg.common.next}</Link>}
      </p>
    </>
  );
}
