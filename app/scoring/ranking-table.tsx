/** The ranking as a table: one page of rows, each linking to its score sheet. */
import Link from "next/link";
import type { RankBasis, RankedRow } from "@/lib/scoring/rank";
import type { Rubric } from "@/lib/scoring/rubric";
import { formatNumber } from "@/lib/format";
import { msg } from "@/lib/messages";

const m = msg.scoring;

export function RankingTable({
  rows,
  indicators,
  year,
  rubric,
  basis,
}: {
  rows: readonly RankedRow[];
  indicators: Rubric["definition"]["indicators"];
  year: number;
  rubric: { id: number; version: number };
  basis: RankBasis;
}) {
  return (
    <table className="list" data-testid="ranking">
      <thead>
        <tr>
          <th>{m.columns.rank}</th>
          <th>{m.columns.agency}</th>
          <th>{basis === "auto" ? m.columns.autoPoints : m.columns.total}</th>
          {indicators.map((x) => (
            <th key={x.id} title={x.name} style={{ fontSize: "0.8rem" }}>
              {x.name}
              <div className="muted">{x.max}</div>
            </th>
          ))}
          <th>{m.columns.change}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const sheet = `/scoring/${r.agencyId}/${year}?rubric=${rubric.id}&version=${rubric.version}`;
          return (
            <tr key={r.agencyId} data-agency={r.agency}>
              <td>{r.rank ?? <span className="muted">{m.unranked}</span>}</td>
              <td>
                <Link href={sheet}>{r.agency}</Link>
                <div className="muted" style={{ fontSize: "0.8rem" }}>
                  {r.region}
                </div>
                {r.unranked && (
                  <div className="muted" style={{ fontSize: "0.8rem" }} data-testid="unranked-reason">
                    {m.unrankedWhy([r.unranked])}
                  </div>
                )}
                {!r.unranked && r.pending.length > 0 && (
                  <div className="muted" style={{ fontSize: "0.8rem" }} data-testid="pending">
                    {m.pending(r.pending)}
                  </div>
                )}
              </td>
              <td data-testid="total">
                <strong>
                  {r.points === null
                    ? basis === "total" && r.score.total !== null
                      ? formatNumber(r.score.total)
                      : "—"
                    : formatNumber(r.points)}
                </strong>
              </td>
              {indicators.map((x) => {
                const it = r.score.items.find((i) => i.indicatorId === x.id);
                return (
                  <td key={x.id} title={it?.missing ? m.missing[it.missing] : it?.note}>
                    {it?.points === null || it?.points === undefined ? <span className="muted">—</span> : formatNumber(it.points)}
                    {it?.method === "override" && <sup className="muted">{msg.scoringPage.override}</sup>}
                  </td>
                );
              })}
              <td>
                {r.rank === null ? (
                  ""
                ) : r.change === null ? (
                  <span className="muted" title={m.noChange}>
                    —
                  </span>
                ) : (
                  m.change(r.change)
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
