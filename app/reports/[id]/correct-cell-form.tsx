"use client";
import { useState, useTransition } from "react";
import { correctCellAction } from "./actions";

import { msg } from "@/lib/messages";

/** Fix a misread cell; the server keeps the old value in the cell's history and re-runs the checks. */
export function CorrectCellForm({ reportId, options, initialKey }: { reportId: number; options: { key: string; label: string; value: string }[]; initialKey?: string }) {
  const [key, setKey] = useState(initialKey && options.some((o) => o.key === initialKey) ? initialKey : (options[0]?.key ?? ""));
  const current = options.find((o) => o.key === key);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="form-row"
      data-testid="correct-cell"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        fd.set("reportId", String(reportId));
        start(async () => {
          const r = await correctCellAction(fd);
          setMessage(r.ok ? { ok: true, text: r.message } : { ok: false, text: r.error });
        });
      }}
    >
      <label>
        {msg.common.cell}
        <select name="key" value={key} onChange={(e) => setKey(e.target.value)}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>{o.label}</option>
          ))}
        </select>
      </label>
      <label>
        {msg.reportPage.currentValue}
        <input type="text" value={current?.value ?? ""} readOnly size={8} aria-label={msg.reportPage.currentValue} />
      </label>
      <label>
        {msg.reportPage.newValueLabel}
        <input type="text" name="value" size={10} inputMode="decimal" />
      </label>
      <label>
        {msg.reportPage.correctReason}
        <input type="text" name="reason" size={24} required />
      </label>
      <button type="submit" disabled={pending}>{pending ? msg.common.saving : msg.reportPage.saveCorrection}</button>
      {message && <span className={message.ok ? "ok-text" : "error-text"} role="status">{message.text}</span>}
    </form>
  );
}
