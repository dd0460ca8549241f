/** Every change to this score's items: before and after, who, when and why. */
import type { getScoreSheet } from "@/db/queries/scoring";
import { ChangeTable } from "@/components/dashboard/change-table";
import { formatNumber } from "@/lib/format";
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
        <ChangeTable
          rows={history}
          testId="score-history"
          byHead={m.sheet.by}
          reasonHead={m.sheet.reason}
          columns={[
            { head: msg.common.indicator, cell: (h) => names.get(h.indicatorId) ?? h.indicatorId },
            {
              head: msg.scoringPage.change,
              cell: (h) => `${m.method[h.oldMethod ?? "auto"]} ${points(h.oldPoints)} → ${m.method[h.newMethod]} ${points(h.newPoints)}`,
            },
          ]}
        />
      )}
    </div>
  );
}
