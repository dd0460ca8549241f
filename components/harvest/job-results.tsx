/**
 * One harvest run as the people who started it read it: its state, how far it got, and per agency
 * what happened to each report found (新增 / 更新 / 未变 / 失败 and why) or why nothing was found.
 */
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { msg } from "@/lib/messages";

const say = msg.harvest;

export interface HarvestItemView {
  year: number;
  title: string;
  url: string;
  status: string;
  detail: string;
  reportId?: number;
}
export interface HarvestAgencyView {
  agencyId: number;
  agency: string;
  listUrl: string;
  status: string;
  detail: string;
  items: HarvestItemView[];
}
export interface HarvestJobView {
  id: number;
  status: string;
  createdAt: Date;
  error: string | null;
  done: number;
  total: number;
  scheduled: boolean;
  by: string;
  results: HarvestAgencyView[];
  counts: Record<string, number>;
}

const STATUS_CLASS: Record<string, string> = {
  created: "ok-text",
  updated: "ok-text",
  unchanged: "muted",
  not_found: "error-text",
  failed: "error-text",
};

export function HarvestJob({ job }: { job: HarvestJobView }) {
  const state = say.run[job.status as "queued" | "running" | "done" | "failed" | "cancelled"] ?? job.status;
  return (
    <div data-testid="harvest-job" data-status={job.status}>
      <p>
        <strong data-testid="harvest-job-status">{state}</strong> · {formatDateTime(job.createdAt)} ·{" "}
        {job.scheduled ? say.run.scheduled : say.run.by(job.by)}
      </p>
      {job.total > 0 && (
        <p>
          <progress max={job.total} value={job.done} aria-label={say.run.running} /> {job.done} / {job.total}
        </p>
      )}
      {job.error && <p className="alert error">{say.jobFailed(job.error)}</p>}
      {job.results.length > 0 && <p data-testid="harvest-counts">{say.run.counts(job.counts)}</p>}
      {job.results.length > 0 && (
        <div className="table-scroll">
          <table className="list compact" data-testid="harvest-results">
            <thead>
              <tr>
                <th>{say.run.year}</th>
                <th>{say.run.outcome}</th>
                <th>{say.run.detail}</th>
              </tr>
            </thead>
            <tbody>
              {job.results.flatMap((a) => [
                // Each agency heads its own rows across the table: on a phone its name keeps the full width.
                <tr key={`a${a.agencyId}`} data-testid="harvest-agency" className="group-head">
                  <td colSpan={3}>
                    <Link href={`/agencies/${a.agencyId}`}>
                      <strong>{a.agency}</strong>
                    </Link>
                    {a.status !== "done" && <span className={STATUS_CLASS[a.status] ?? ""}> · {say.status[a.status]}</span>}
                    <div className="small muted">{a.detail}</div>
                  </td>
                </tr>,
                ...a.items.map((i) => (
                  <tr key={`a${a.agencyId}-${i.year}-${i.url}`} data-testid="harvest-item" data-status={i.status}>
                    <td>{i.reportId ? <Link href={`/reports/${i.reportId}`}>{i.year}</Link> : i.year}</td>
                    <td className={STATUS_CLASS[i.status] ?? ""}>{say.status[i.status]}</td>
                    <td className="small">
                      {i.detail}{" "}
                      <a href={i.url} rel="noreferrer nofollow" className="muted break">
                        {i.url}
                      </a>
                    </td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
