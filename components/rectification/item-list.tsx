/** A compact list of one agency's 整改事项 (the agency page): state, overdue in words, data status. */
import Link from "next/link";
import { msg } from "@/lib/messages";
import { DataStatus, ItemStatus } from "./status";

export interface ItemRow {
  id: number;
  year: number;
  message: string;
  dueOn: string;
  status: string;
  overdueDays: number;
  dataStatus: string;
}

export function ItemList({ rows, testId }: { rows: ItemRow[]; testId: string }) {
  if (rows.length === 0) return <p className="empty">{msg.rect.summary.none}</p>;
  return (
    <ul className="plain" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.id} className={r.overdueDays > 0 ? "overdue-row" : undefined}>
          <ItemStatus status={r.status} overdueDays={r.overdueDays} /> {r.year}：<Link href={`/rectifications/${r.id}`}>{r.message}</Link>{" "}
          <span className="muted small">
            {msg.rect.columns.due} {msg.rect.day(r.dueOn)}
          </span>{" "}
          <DataStatus value={r.dataStatus} />
        </li>
      ))}
    </ul>
  );
}
