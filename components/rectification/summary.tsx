/** Unfinished and overdue 整改事项 per region or per agency, each row linking to the filtered list. */
import Link from "next/link";
import { msg } from "@/lib/messages";

const m = msg.rect.summary;

export interface SummaryRow {
  id: number;
  name: string;
  total: number;
  unfinished: number;
  responded: number;
  overdue: number;
}

export function RectSummary({ rows, by, testId }: { rows: SummaryRow[]; by: "region" | "agency"; testId: string }) {
  if (rows.length === 0) return <p className="empty">{m.none}</p>;
  const link = (r: SummaryRow, extra = "") => `/rectifications?${by === "agency" ? `agency=${r.id}` : `region=${r.id}`}${extra}`;
  return (
    <table className="list compact" data-testid={testId}>
      <thead>
        <tr>
          <th>{by === "agency" ? m.agency : m.region}</th>
          <th className="num">{m.open}</th>
          <th className="num">{m.responded}</th>
          <th className="num">{m.overdue}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={r.overdue > 0 ? "overdue-row" : undefined}>
            <td>
              {by === "agency" ? (
                <Link href={`/agencies/${r.id}`}>{r.name}</Link>
              ) : (
                <Link href={`/rectifications?region=${r.id}`}>{r.name}</Link>
              )}
            </td>
            <td className="num">
              <Link href={link(r, "&status=unfinished")}>{r.unfinished}</Link>
            </td>
            <td className="num">{r.responded}</td>
            <td className="num">
              {r.overdue > 0 ? (
                <Link href={link(r, "&status=overdue")} className="overdue">
                  <span aria-hidden="true">⚠ </span>
                  {r.overdue}
                </Link>
              ) : (
                0
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
