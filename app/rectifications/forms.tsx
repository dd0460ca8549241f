"use client";
/**
 * The forms of the 整改 loop, each a small client leaf around its wrapped server action so the
 * answer (done, or why not) shows beside the button.
 */
import { useActionState } from "react";
import { msg } from "@/lib/messages";
import { acceptRectificationAction, openRectificationsAction, respondRectificationAction, returnRectificationAction } from "./actions";
import type { RectResult } from "./schema";

const m = msg.rect;

function Result({ r, testId }: { r: RectResult | null; testId: string }) {
  if (!r) return null;
  return (
    <p className={`alert ${r.ok ? "ok" : "error"}`} role="status" data-testid={testId}>
      {r.ok ? r.message : r.error}
    </p>
  );
}

/** Open items: ticked findings (checkboxes with form="rect-open"), the whole filtered set, or a report's. */
export function OpenForm({
  hidden,
  defaultDue,
  minDue,
  filteredCount,
  reportMode,
}: {
  hidden: Record<string, string | number | undefined>;
  defaultDue: string;
  minDue: string;
  filteredCount?: number;
  reportMode?: boolean;
}) {
  const [r, action, pending] = useActionState(openRectificationsAction, null);
  return (
    <form id="rect-open" action={action} className="rect-open" data-testid="rect-open-form">
      <strong>{m.open.title}</strong>
      {Object.entries(hidden).map(([k, v]) =>
        v === undefined || v === "" ? null : <input key={k} type="hidden" name={k} value={String(v)} />,
      )}
      <div className="form-row">
        <label>
          {m.open.due}
          <input type="date" name="dueOn" defaultValue={defaultDue} min={minDue} required />
        </label>
        <label style={{ flex: "1 1 16rem" }}>
          {m.open.note}
          <input type="text" name="note" maxLength={1000} />
        </label>
      </div>
      <div className="form-row">
        {reportMode ? (
          <button type="submit" name="mode" value="report" disabled={pending}>
            {m.open.report}
          </button>
        ) : (
          <>
            <button type="submit" name="mode" value="ids" disabled={pending}>
              {m.open.selected}
            </button>
            {filteredCount !== undefined && filteredCount > 0 && (
              <button type="submit" name="mode" value="filter" className="secondary" disabled={pending}>
                {m.open.filtered(filteredCount)}
              </button>
            )}
          </>
        )}
      </div>
      <Result r={r} testId="rect-open-result" />
    </form>
  );
}

export function RespondForm({ itemId }: { itemId: number }) {
  const [r, action, pending] = useActionState(respondRectificationAction, null);
  return (
    <form action={action} data-testid="rect-respond-form">
      <input type="hidden" name="itemId" value={itemId} />
      <fieldset className="form-row">
        <legend>{m.respond.kind}</legend>
        <label>
          <span>
            <input type="radio" name="kind" value="corrected" defaultChecked /> {m.response.corrected}
          </span>
        </label>
        <label>
          <span>
            <input type="radio" name="kind" value="explained" /> {m.response.explained}
          </span>
        </label>
      </fieldset>
      <div className="form-row">
        <label style={{ flex: "1 1 20rem" }}>
          {m.respond.text}
          <textarea name="text" rows={3} maxLength={2000} />
        </label>
        <label>
          {m.respond.attachment}
          <input type="file" name="attachment" />
        </label>
      </div>
      <button type="submit" disabled={pending}>
        {m.respond.submit}
      </button>
      <Result r={r} testId="rect-respond-result" />
    </form>
  );
}

export function ReviewForms({ itemId }: { itemId: number }) {
  const [a, accept, pendingA] = useActionState(acceptRectificationAction, null);
  const [b, ret, pendingB] = useActionState(returnRectificationAction, null);
  return (
    <div data-testid="rect-review-forms">
      <form action={accept} className="form-row">
        <input type="hidden" name="itemId" value={itemId} />
        <button type="submit" disabled={pendingA}>
          {m.review.accept}
        </button>
      </form>
      <Result r={a} testId="rect-accept-result" />
      <form action={ret} className="form-row">
        <input type="hidden" name="itemId" value={itemId} />
        <label style={{ flex: "1 1 20rem" }}>
          {m.review.reason}
          <input type="text" name="reason" maxLength={1000} />
        </label>
        <button type="submit" className="secondary" disabled={pendingB}>
          {m.review.return}
        </button>
      </form>
      <Result r={b} testId="rect-return-result" />
    </div>
  );
}
