import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getRectification } from "@/db/queries/rectifications";
import { agencyTarget } from "@/db/queries/users";
import { DataStatus, ItemStatus } from "@/components/rectification/status";
import { can } from "@/lib/auth/permissions";
import { describeCell } from "@/lib/report/cell-keys";
import { formatDateTime } from "@/lib/format";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { RespondForm, ReviewForms } from "../forms";

export const dynamic = "force-dynamic";

const m = msg.rect;
const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

export default async function RectificationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireReader();
  const p = paramsSchema.safeParse(await params);
  if (!p.success) notFound();
  const db = await getDb();
  const item = await getRectification(db, p.data.id);
  if (!item) notFound();
  const target = await agencyTarget(db, item.agencyId);
  const d = m.detail;

  return (
    <>
      <p className="muted">
        <Link href="/rectifications">{m.title}</Link> / <Link href={`/agencies/${item.agencyId}`}>{item.agency}</Link>
      </p>
      <h1>{d.title(item.id)}</h1>
      <p>
        <ItemStatus status={item.status} overdueDays={item.overdueDays} /> · {m.columns.due}：{m.day(item.dueOn)} ·{" "}
        <DataStatus value={item.dataStatus} />
      </p>
      <section className="card" aria-label={d.finding}>
        <h2>{d.finding}</h2>
        <p>
          <span className={`badge ${item.severity}`}>{msg.severity[item.severity]}</span> {item.agency} {item.year}：{item.message}
        </p>
        {item.note && (
          <p>
            {m.columns.note}：{item.note}
          </p>
        )}
        {item.cells.length > 0 && (
          <>
            <h3>{d.cells}</h3>
            <ul className="plain">
              {item.cells.map((k) => (
                <li key={k}>
                  <Link href={`/reports/${item.reportId}?cell=${encodeURIComponent(k)}`}>{describeCell(k)}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="muted small">
          {m.dataStatusHint[item.dataStatus]}。{item.reimportedAt ? d.reimported(formatDateTime(item.reimportedAt)) : d.notReimported}。{" "}
          <Link href={`/reports/${item.reportId}`}>{d.openReport}</Link>
        </p>
      </section>
      <section className="card" aria-label={d.history}>
        <h2>{d.history}</h2>
        <ul className="plain" data-testid="rect-history">
          <li>{d.opened(item.openedBy, formatDateTime(item.openedAt))}</li>
          {item.returnCount > 0 && <li>{d.returned(item.returnCount, item.returnReason)}</li>}
          {item.respondedAt && item.respondedBy && (
            <li>
              {d.responded(item.respondedBy, formatDateTime(item.respondedAt))}：{item.response ? m.response[item.response] : ""}
              {item.responseText ? `——${item.responseText}` : ""}
              {item.attachment && (
                <>
                  {" "}
                  · {d.attachment}：
                  <a href={`/api/rectifications/${item.id}/attachment`} download>
                    {item.attachment}
                  </a>
                </>
              )}
            </li>
          )}
          {item.status === "accepted" && item.reviewedBy && item.reviewedAt && (
            <li>{d.reviewed(item.reviewedBy, formatDateTime(item.reviewedAt))}</li>
          )}
        </ul>
      </section>
      {item.status === "open" && can(user, "respond", target) && (
        <section className="card" aria-label={m.respond.title}>
          <h2>{m.respond.title}</h2>
          <p className="small">
            <Link href="/import">{m.respond.importLink}</Link>
          </p>
          <RespondForm itemId={item.id} />
        </section>
      )}
      {item.status === "responded" && can(user, "rectify", target) && (
        <section className="card" aria-label={m.review.accept}>
          <ReviewForms itemId={item.id} />
        </section>
      )}
    </>
  );
}
