/**
 * The report page's cards. The findings and the tables each load what they show, in their own
 * Suspense and error boundary (StreamedCard), the way the agency page is split: a slow or failing
 * query stays inside its card.
 */
import Link from "next/link";
import { ChangeTable } from "@/components/dashboard/change-table";
import { Suspense, type ReactNode } from "react";
import { RULES } from "@/lib/checks/rules";
import { getDb } from "@/db/index";
import type { getReport } from "@/db/queries/reports";
import { listCellHistory, listReportFindings } from "@/db/queries/findings";
import { ReportTables, type CellView } from "@/components/report-tables";
import { CardBoundary } from "@/components/dashboard/card-boundary";
import { Skeleton } from "@/components/dashboard/card";
import { describeLoc } from "@/lib/parse/document";
import { FORMAT_LABELS } from "@/lib/report/template";
import { cellKeys, describeCell } from "@/lib/report/cell-keys";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { markersFor } from "@/lib/checks/markers";
import { msg } from "@/lib/messages";
import { ReviewControls } from "./review-controls";
import { CellCorrector } from "./cell-corrector";
import { ScrollToCell } from "@/components/report/scroll-to-cell";
import { beijingToday } from "@/lib/rectification/state";
import { OpenForm } from "@/app/rectifications/forms";
import { requireReader } from "@/app/session";
import { agencyTarget } from "@/db/queries/users";
import { can } from "@/lib/auth/permissions";

export type FoundReport = NonNullable<Awaited<ReturnType<typeof getReport>>>;

/** A card that loads on its own: a failure or a slow query stays inside it. */
export function StreamedCard({ title, height, children }: { title: string; height: number; children: ReactNode }) {
  return (
    <CardBoundary title={title}>
      <Suspense fallback={<Skeleton height={height} />}>{children}</Suspense>
    </CardBoundary>
  );
}

/** Who published it, when, in which format, from which file. */
export function ReportMeta({ report, agency }: Pick<FoundReport, "report" | "agency">) {
  return (
    <div className="card">
      <dl className="meta" data-testid="report-meta">
        <dt>{msg.common.publisher}</dt>
        <dd>
          <Link href={`/agencies/${agency.id}`}>{agency.name}</Link>
        </dd>
        <dt>{msg.common.reportYear}</dt>
        <dd>
          {report.year}
          {msg.reportPage.yearSuffix}
        </dd>
        <dt>{msg.reportPage.tableFormat}</dt>
        <dd>
          {FORMAT_LABELS[report.format]}
          {report.mixedFormat && (
            <span className="badge warning" style={{ marginLeft: 8 }}>
              {msg.reportPage.mixedFormat}
            </span>
          )}
        </dd>
        <dt>{msg.common.publishedOn}</dt>
        <dd>{formatDate(report.publishedOn) || <span className="muted">{msg.common.unknown}</span>}</dd>
        <dt>{msg.reportPage.source}</dt>
        <dd>
          {report.sourceName} · <Link href={`/reports/${report.id}/source`}>{msg.reportPage.viewSourceText}</Link>
        </dd>
        <dt>{msg.reportPage.importedAt}</dt>
        <dd>
          {formatDateTime(report.importedAt)} <span className="muted">{msg.reportPage.parserVersion(report.parserVersion)}</span>
        </dd>
      </dl>
    </div>
  );
}

/** The findings of the checks, each with its review controls. */
export async function ReportFindings({ reportId, agencyId, year }: { reportId: number; agencyId: number; year: number }) {
  const db = await getDb();
  const [findings, user, target] = await Promise.all([listReportFindings(db, reportId), requireReader(), agencyTarget(db, agencyId)]);
  const canReview = can(user, "review", target);
  const canRectify = can(user, "rectify", target);
  const today = beijingToday();
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const f of findings) counts[f.severity]++;
  return (
    <div className="card">
      <h2 style={{ marginTop: 0 }}>
        {msg.reportPage.findingsCount(findings.length)}
        {findings.length > 0 && (
          <span className="muted" style={{ fontSize: "0.85rem", fontWeight: 400, marginLeft: 8 }}>
            {(["error", "warning", "info"] as const)
              .filter((s) => counts[s])
              .map((s) => `${msg.severity[s]} ${counts[s]}`)
              .join(" · ")}
          </span>
        )}
      </h2>
      {findings.length === 0 ? (
        <p className="empty">{msg.reportPage.noFindings}</p>
      ) : (
        <ol className="findings" data-testid="findings">
          {findings.map((f, i) => (
            <li key={f.id} id={`finding-${i + 1}`} data-rule={f.rule}>
              <span className={`badge ${f.severity}`}>{msg.severity[f.severity]}</span> {f.message}
              <div className="muted" style={{ fontSize: "0.8rem" }}>
                [{i + 1}] {RULES.find((r) => r.id === f.rule)?.title ?? msg.findings.otherRule}
                {f.cells.length > 0 && (
                  <>
                    ：{f.cells.slice(0, 4).map(describeCell).join("；")}
                    {f.cells.length > 4 && msg.common.moreCells(f.cells.length)}
                  </>
                )}
              </div>
              <ReviewControls findingId={f.id} status={f.status} reviewer={f.reviewer} comment={f.comment} canReview={canReview} />
            </li>
          ))}
        </ol>
      )}
      {canRectify && findings.length > 0 && (
        <OpenForm
          hidden={{ reportId }}
          reportMode
          minDue={today}
          defaultDue={new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)}
        />
      )}
      <p className="small no-print">
        <Link href={`/rectifications?agency=${agencyId}&year=${year}`}>{msg.rect.summary.all}</Link> · {msg.rect.docs.title}：
        <a href={`/api/rectifications/documents/checkup?agency=${agencyId}&year=${year}&format=docx`} download>
          {msg.rect.docs.checkup(year)}（{msg.rect.docs.docx}）
        </a>{" "}
        ·{" "}
        <a href={`/api/rectifications/documents/checkup?agency=${agencyId}&year=${year}&format=pdf`} download>
          {msg.rect.docs.pdf}
        </a>
      </p>
    </div>
  );
}

/** Figures the prose states (what pre-2019 reports without tables still say). */
export function HeadlineFigures({ report }: Pick<FoundReport, "report">) {
  return (
    <>
      {report.headline.length > 0 && (
        <div className="card" data-testid="headline-figures">
          <h2 style={{ marginTop: 0 }}>{msg.headline.title}</h2>
          <p className="muted small">{msg.headline.note}</p>
          <table className="list compact">
            <tbody>
              {report.headline.map((h) => (
                <tr key={h.key}>
                  <th>{msg.headline.labels[h.key] ?? h.key}</th>
                  <td className="num">{formatNumber(h.value)}</td>
                  <td className="muted small">“{h.sentence}”</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The three tables as printed, their downloads, the correction form and the corrections made. */
export async function ReportTablesCard({
  report,
  agency,
  cells,
  focus,
}: Pick<FoundReport, "report" | "agency" | "cells"> & { focus: string | undefined }) {
  const db = await getDb();
  const [findings, history, user, target] = await Promise.all([
    listReportFindings(db, report.id),
    listCellHistory(db, report.id),
    requireReader(),
    agencyTarget(db, agency.id),
  ]);
  const canCorrect = can(user, "correct", target);
  const views = cellViews(cells);
  const keys = report.format === "pre2019" ? [] : cellKeys(report.format).filter((k) => k in views || report.missingCells.includes(k));
  return (
    <>
      {report.format === "pre2019" ? (
        <div className="card empty">{msg.reportPage.pre2019}</div>
      ) : (
        <div className="card">
          <p className="export-buttons" data-testid="table-downloads">
            {msg.reportPage.downloadTables}
            <a href={`/api/reports/${report.id}/tables?format=csv`} download>
              CSV
            </a>
            <a href={`/api/reports/${report.id}/tables?format=xlsx`} download>
              XLSX
            </a>
          </p>
          {canCorrect ? (
            <>
              <p className="muted small" data-testid="correct-hint">
                {msg.reportPage.correctHint}
              </p>
              <CellCorrector
                reportId={report.id}
                initialKey={focus}
                cells={Object.fromEntries(
                  keys.map((k) => [
                    k,
                    { label: describeCell(k), value: k in views ? formatNumber(views[k].value) : msg.common.missingCell },
                  ]),
                )}
              >
                <ReportTables
                  format={report.format}
                  mixed={report.mixedFormat}
                  cells={views}
                  markers={markersFor(findings)}
                  focus={focus}
                />
              </CellCorrector>
            </>
          ) : (
            <ReportTables format={report.format} mixed={report.mixedFormat} cells={views} markers={markersFor(findings)} focus={focus} />
          )}
          {focus && <ScrollToCell cellKey={focus} />}
          <p className="muted" style={{ fontSize: "0.8rem" }}>
            {msg.reportPage.blankNote}
          </p>
          {history.length > 0 && (
            <>
              <h3>{msg.reportPage.corrections}</h3>
              <ChangeTable
                rows={history}
                testId="cell-history"
                byHead={msg.reportPage.correctedBy}
                columns={[
                  { head: msg.common.cell, cell: (h) => describeCell(h.key) },
                  {
                    head: msg.reportPage.oldValue,
                    cell: (h) => (h.oldRaw === null ? msg.reportPage.noSuchCell : formatNumber(h.oldValue) || msg.common.blank),
                  },
                  { head: msg.reportPage.newValue, cell: (h) => formatNumber(h.newValue) || msg.common.blank },
                ]}
              />
            </>
          )}
        </div>
      )}
    </>
  );
}

/** What the reader noted: cell notes, rows it could not read, cells the document lacks. */
export function ReadingNotes({ report, cells }: Pick<FoundReport, "report" | "cells">) {
  const notes = cells.filter((c) => c.note);
  return (
    <>
      {(notes.length > 0 || report.unread.length > 0 || report.missingCells.length > 0) && (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{msg.reportPage.readingNotes}</h2>
          <ul>
            {notes.map((c) => (
              <li key={c.key}>
                {describeCell(c.key)}
                {msg.reportPage.cellNote(c.note)}
              </li>
            ))}
            {report.unread.map((u, i) => (
              <li key={i}>
                {u.message}
                {u.where && <span className="muted">（{u.where}）</span>}
              </li>
            ))}
            {report.missingCells.length > 0 && <li>{msg.reportPage.missingCells(report.missingCells.length)}</li>}
          </ul>
        </div>
      )}
    </>
  );
}

const cellViews = (cells: FoundReport["cells"]): Record<string, CellView> =>
  Object.fromEntries(cells.map((c) => [c.key, { value: c.value, raw: c.raw, note: c.note, where: describeLoc(c.source) }]));
