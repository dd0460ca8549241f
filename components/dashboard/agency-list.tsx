import Link from "next/link";
import type { ReactNode } from "react";
import type { AgencyKind } from "@/lib/report/agency";
import { msg } from "@/lib/messages";

export interface AgencyColumn<T> {
  head: ReactNode;
  cell: (agency: T) => ReactNode;
  className?: string;
}

/**
 * A table of agencies: every list opens with the agency's name (linking to its page) and kind;
 * `columns` add what each list is about (its region, its reports, the years on file).
 */
export function AgencyList<T extends { id: number; name: string; kind: AgencyKind }>({
  rows,
  columns,
  compact = true,
  testId,
}: {
  rows: T[];
  columns: AgencyColumn<T>[];
  compact?: boolean;
  testId?: string;
}) {
  return (
    <table className={compact ? "list compact" : "list"} data-testid={testId}>
      <thead>
        <tr>
          <th>{msg.common.agency}</th>
          <th>{msg.common.kind}</th>
          {columns.map((c, i) => (
            <th key={i}>{c.head}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={`/agencies/${a.id}`}>{a.name}</Link>
            </td>
            <td>{msg.agencyKinds[a.kind]}</td>
            {columns.map((c, i) => (
              <td key={i} className={c.className}>
                {c.cell(a)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
