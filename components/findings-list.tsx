import { describeCell } from "@/lib/report/cell-keys";
import { msg } from "@/lib/messages";

export function FindingsList({
  findings,
}: {
  findings: readonly { id?: number; rule: string; severity: string; message: string; cells: readonly string[] }[];
}) {
  if (findings.length === 0) return <p className="empty">{msg.common.noFindings}</p>;
  return (
    <ol className="findings" data-testid="findings">
      {findings.map((f, i) => (
        <li key={f.id ?? i} data-rule={f.rule}>
          <span className={`badge ${f.severity}`}>{msg.severity[f.severity] ?? f.severity}</span> {f.message}
          <div className="muted" style={{ fontSize: "0.8rem" }}>
            {msg.common.findingCells(i + 1)}
            {f.cells.slice(0, 4).map(describeCell).join("；")}
            {f.cells.length > 4 && msg.common.moreCells(f.cells.length)}
          </div>
        </li>
      ))}
    </ol>
  );
}
