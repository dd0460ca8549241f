"use client";
import { useState, useTransition } from "react";
import { reviewFindingAction } from "./actions";

import { msg } from "@/lib/messages";
import { FormStatus } from "@/components/form/form-status";

const STATUS_LABEL: Record<string, string> = { confirmed: msg.common.confirmed, dismissed: msg.common.dismissed };

/** Confirm or dismiss one finding with a comment; the reviewer is the signed-in user. */
export function ReviewControls({
  findingId,
  status,
  reviewer,
  comment,
  canReview,
}: {
  findingId: number;
  status: string | null;
  reviewer: string | null;
  comment: string | null;
  canReview: boolean;
}) {
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
          {STATUS_LABEL[status]}（{reviewer}
          {comment ? `：${comment}` : ""}）
          {canReview && (
            <button type="button" className="link" onClick={() => send("open")} disabled={pending}>
              {msg.reportPage.undo}
            </button>
          )}
        </span>
      ) : (
        !open &&
        canReview && (
          <button type="button" className="link" onClick={() => setOpen(true)}>
            {msg.common.review}
          </button>
        )
      )}
      {open && (
        <span className="review-form">
          <input
            type="text"
            placeholder={msg.reportPage.noteOptional}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-label={msg.reportPage.reviewNote}
            size={24}
          />
          <button type="button" onClick={() => send("confirmed")} disabled={pending}>
            {msg.reportPage.confirm}
          </button>
          <button type="button" className="secondary" onClick={() => send("dismissed")} disabled={pending}>
            {msg.reportPage.dismiss}
          </button>
        </span>
      )}{" "}
      <FormStatus status={message} />
    </div>
  );
}
