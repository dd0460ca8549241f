"use client";
import { useState, useTransition } from "react";
import { saveScoreEntryAction } from "./actions";

import { msg } from "@/lib/messages";
import { FormStatus } from "@/components/form/form-status";

interface Props {
  agencyId: number;
  year: number;
  rubricId: number;
  rubricVersion: number;
  indicatorId: string;
  name: string;
  max: number;
  manual: boolean;
  /** An entry exists (manual points, or an override): offer to clear it. */
  entered: boolean;
  current: number | null;
  labels: { enter: string; override: string; clear: string; clearManual: string; reason: string; save: string; saving: string };
}

/** Enter a manual indicator, or override an automatic one with a reason; the server records who and when. */
export function EntryForm(p: Props) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const base = () => {
    const fd = new FormData();
    fd.set("agencyId", String(p.agencyId));
    fd.set("year", String(p.year));
    fd.set("rubricId", String(p.rubricId));
    fd.set("rubricVersion", String(p.rubricVersion));
    fd.set("indicatorId", p.indicatorId);
    return fd;
  };
  const send = (fd: FormData) =>
    start(async () => {
      const r = await saveScoreEntryAction(fd);
      setMessage(r.ok ? { ok: true, text: r.message } : { ok: false, text: r.error });
      if (r.ok) setOpen(false);
    });

  return (
    <div className="review" data-testid={`entry-${p.indicatorId}`}>
      {!open && (
        <button type="button" className="link" onClick={() => setOpen(true)}>
          {p.manual ? p.labels.enter : p.labels.override}
        </button>
      )}
      {p.entered && !open && (
        <button
          type="button"
          className="link"
          disabled={pending}
          onClick={() => {
            const fd = base();
            fd.set("action", "clear");
            send(fd);
          }}
        >
          {p.manual ? p.labels.clearManual : p.labels.clear}
        </button>
      )}
      {open && (
        <form
          className="review-form"
          onSubmit={(e) => {
            e.preventDefault();
            const fd = base();
            const f = new FormData(e.currentTarget);
            fd.set("action", "set");
            fd.set("points", String(f.get("points") ?? ""));
            fd.set("reason", String(f.get("reason") ?? ""));
            send(fd);
          }}
        >
          <input
            type="number"
            name="points"
            min={0}
            max={p.max}
            step="0.5"
            required
            defaultValue={p.current ?? ""}
            aria-label={msg.scoringPage.entryPoints(p.name)}
            style={{ width: 72 }}
          />
          <span className="muted"> / {p.max}</span>
          <input
            type="text"
            name="reason"
            placeholder={p.labels.reason}
            required={!p.manual}
            aria-label={`${p.name} ${p.labels.reason}`}
            size={24}
          />
          <button type="submit" disabled={pending}>
            {pending ? p.labels.saving : p.labels.save}
          </button>
        </form>
      )}{" "}
      <FormStatus status={message} />
    </div>
  );
}
