import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format";
import { msg } from "@/lib/messages";

interface Change {
  id: number;
  changedAt: Date;
  changedBy: string;
  reason: string;
}

/**
 * A history of changes, newest as given: when, what, the change itself (one or more columns), who
 * and why. The report's cell corrections and a score sheet's item changes both read this way.
 */
export function ChangeTable<T extends Change>({
  rows,
  testId,
  columns,
  byHead,
  reasonHead = msg.common.reason,
}: {
  rows: readonly T[];
  testId: string;
  columns: { head: string; cell: (row: T) => ReactNode }[];
  byHead: string;
  reasonHead?: string;
}) {
  return (
    <table className="list" data-testid={testId}>
      <thead>
        <tr>
          <th>{msg.common.time}</th>
          {columns.map((c) => (
            <th key={c.head}>{c.head}</th>
          ))}
          <th>{byHead}</th>
          <th>{reasonHead}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{formatDateTime(r.changedAt)}</td>
            {columns.map((c) => (
              <td key={c.head}>{c.cell(r)}</td>
            ))}
            <td>{r.changedBy}</td>
            <td>{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
