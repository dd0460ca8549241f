"use client";
/**
 * Correct a cell where it stands: click (or focus and press Enter on) a figure in the tables and a
 * small form opens under it — its current value, the new one, the reason. The server keeps the old
 * value in the cell's history and re-runs the checks (correctCellAction).
 */
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { msg } from "@/lib/messages";
import { correctCellAction } from "./actions";
import { FormStatus } from "@/components/form/form-status";

interface Props {
  reportId: number;
  /** Every correctable cell: its label and its current value as shown. */
  cells: Record<string, { label: string; value: string }>;
  initialKey?: string;
  children: ReactNode;
}

export function CellCorrector({ reportId, cells, initialKey, children }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<{ key: string; top: number; left: number } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  const openAt = (td: HTMLElement) => {
    const key = td.dataset.key;
    if (!key || !(key in cells) || !root.current) return;
    const box = root.current.getBoundingClientRect();
    const r = td.getBoundingClientRect();
    setMessage(null);
    setOpen({ key, top: r.bottom - box.top + 4, left: Math.max(0, Math.min(r.left - box.left, box.width - 320)) });
  };

  // The figures become focusable, so the form opens from the keyboard too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once after mount, for the tables rendered then and the cell the URL names.
  useEffect(() => {
    for (const td of root.current?.querySelectorAll<HTMLElement>("td[data-key]") ?? []) {
      if (!(td.dataset.key! in cells)) continue;
      td.tabIndex = 0;
      td.classList.add("correctable");
      td.setAttribute("aria-haspopup", "dialog");
    }
    const first = initialKey ? root.current?.querySelector<HTMLElement>(`td[data-key="${CSS.escape(initialKey)}"]`) : null;
    if (first) openAt(first);
  }, []);

  const cell = open ? cells[open.key] : null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegation for the table cells inside, which are focusable and announce the dialog.
    <div
      ref={root}
      className="cell-corrector"
      onClick={(e) => {
        const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-key]");
        if (td) openAt(td);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") setOpen(null);
        const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-key]");
        if (td && (e.key === "Enter" || e.key === " ")) {
          e.preventDefault();
          openAt(td);
        }
      }}
    >
      {children}
      {open && cell && (
        <form
          role="dialog"
          aria-label={msg.reportPage.correctThis(cell.label)}
          className="cell-correct-form card"
          style={{ top: open.top, left: open.left }}
          data-testid="correct-cell"
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          onSubmit={(e) => {
            e.preventDefault();
            const fd = new FormData(e.currentTarget);
            fd.set("reportId", String(reportId));
            fd.set("key", open.key);
            start(async () => {
              const r = await correctCellAction(fd);
              setMessage(r.ok ? { ok: true, text: r.message } : { ok: false, text: r.error });
            });
          }}
        >
          <strong>{cell.label}</strong>
          <label>
            {msg.reportPage.currentValue}
            <input type="text" value={cell.value} readOnly size={8} />
          </label>
          <label>
            {msg.reportPage.newValueLabel}
            {/* biome-ignore lint/a11y/noAutofocus: the form opens on purpose, to be typed in. */}
            <input key={open.key} type="text" name="value" size={10} inputMode="decimal" autoFocus />
          </label>
          <label>
            {msg.reportPage.correctReason}
            <input type="text" name="reason" size={24} required />
          </label>
          <p className="form-row">
            <button type="submit" disabled={pending}>
              {pending ? msg.common.saving : msg.reportPage.saveCorrection}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(null)}>
              {msg.reportPage.cancel}
            </button>
          </p>
          <FormStatus status={message} block />
        </form>
      )}
    </div>
  );
}
