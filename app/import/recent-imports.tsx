import type { listRecentImports } from "@/db/queries/imports";
import { msg } from "@/lib/messages";
import { ImportOutcomeCells, ImportOutcomeHeads } from "@/components/import/import-outcome";

type Item = Awaited<ReturnType<typeof listRecentImports>>[number];

const time = (d: Date) =>
  d.toLocaleString("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

/** The latest attempts from import_log: what was imported, by any path, and what failed and why. */
export function RecentImports({ items }: { items: Item[] }) {
  return (
    <section className="card" data-testid="recent-imports">
      <h2 style={{ marginTop: 0 }}>{msg.importPage.recentTitle}</h2>
      {items.length === 0 ? (
        <p className="empty">{msg.importPage.noImports}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>{msg.common.time}</th>
              <th>{msg.common.file}</th>
              <ImportOutcomeHeads />
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-status={i.status}>
                <td style={{ whiteSpace: "nowrap" }}>{time(i.at)}</td>
                <td>{i.sourceName}</td>
                <ImportOutcomeCells status={i.status} message={i.message} reportId={i.reportId} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
