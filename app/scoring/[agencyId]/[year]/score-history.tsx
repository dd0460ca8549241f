/** Every change to this score's items: before and after, who, when and why. */
import type { getScoreSheet } from "@/db/queries/scoring";
import { formatDateTime, formatNumber } from "@/lib/format";
import { msg } from "@/lib/messages";

const m = msg.scoring;
const points = (v: number | null) => (v === null ? "—" : formatNumber(v));

type History = NonNullable<Awaited<ReturnType<typeof getScoreSheet>>>["history"];

export function ScoreHistory({ history, names }: { history: History; names: ReadonlyMap<string, string> }) {
  return (
    <div className="card">
      <h2 style={{ marginTop: 0 }}>{m.sheet.history}</h2>
      {history.length === 0 ? (
        <p className="empty">{m.sheet.historyEmpty}</p>
      ) : (
        <table className="list" data-testid="score-history">
          <thead>
            <tr>
              <th>{msg.common.time}</th>
              <th>{msg.common.indicator}</th>
              <th>{msg.scoringPage.change}</th>
              <th>{m.sheet.by}</th>
              <th>{m.sheet.reason}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.changedAt)}</td>
                <td>{names.get(h.indicatorId) ?? h.indicatorId}</td>
                <td>
                  {m.method[h.oldMethod ?? "auto"]} {points(h.oldPoints)} → {m.method[h.newMethod]} {points(h.newPoints)}
                </td>
                <td>{h.changedBy}</td>
                <td>{h.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
