"use client";
import { useState, useTransition } from "react";
import { reviewFindingAction } from "./actions";

const STATUS_LABEL: Record<string, string> = { confirmed: "已确认", dismissed: "已排除" };

/** Confirm or dismiss one finding with a comment; the reviewer is the signed-in user. */
export function ReviewControls({ findingId, status, reviewer, comment, canReview }: { findingId: number; status: string | null; reviewer: string | null; comment: string | null; canReview: boolean }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(comment ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  const send = (next: "confirmed" | "dismissed" | "open") =>
    start(async () => {
      const fd = new FormData();
      fd.set("findingId", String(findingId));
      fd.set("status", next);
      fd.set("comment", note);
      const r = await reviewFindingAction(fd);
      setMessage(r.ok ? { ok: true, text: r.message } : { ok: false, text: r.error });
      if (r.ok) setOpen(false);
    });

  return (
    <div className="review" data-testid={`review-${findingId}`}>
      {status ? (
        <span className={`review-status ${status}`}>
          {STATUS_LABEL[status]}（{reviewer}{comment ? `：${comment}` : ""}）
          {canReview && <button type="button" className="link" onClick={() => send("open")} disabled={pending}>撤销</button>}
        </span>
      ) : (
        !open && canReview && (
          <button type="button" className="link" onClick={() => setOpen(true)}>审核</button>
        )
      )}
      {open && (
        <span className="review-form">
          <input type="text" placeholder="说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} aria-label="审核说明" size={24} />
          <button type="button" onClick={() => send("confirmed")} disabled={pending}>确认问题</button>
          <button type="button" className="secondary" onClick={() => send("dismissed")} disabled={pending}>排除</button>
        </span>
      )}
      {message && <span className={message.ok ? "ok-text" : "error-text"} role="status"> {message.text}</span>}
    </div>
  );
}
