/** An item's state in words, with overdue in red and spelled out (never colour alone). */
import { msg } from "@/lib/messages";

const m = msg.rect;

export function ItemStatus({ status, overdueDays }: { status: string; overdueDays: number }) {
  return (
    <span className="rect-status">
      <span className={`rect-badge ${status}`}>{m.status[status] ?? status}</span>
      {overdueDays > 0 && (
        <span className="overdue" data-testid="overdue">
          <span aria-hidden="true">⚠ </span>
          {m.overdue(overdueDays)}
        </span>
      )}
    </span>
  );
}

export function DataStatus({ value }: { value: string }) {
  return (
    <span className={`data-status ${value}`} title={m.dataStatusHint[value]} data-testid="data-status">
      {value !== "present" && <span aria-hidden="true">{value === "gone" ? "✓ " : "≈ "}</span>}
      {m.dataStatus[value] ?? value}
    </span>
  );
}
