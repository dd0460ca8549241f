import Link from "next/link";
import { notFound } from "next/navigation";
import { RULES } from "@/lib/checks/rules";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getReport } from "@/db/queries/reports";
import { getReportScan } from "@/db/queries/scans";
import { ScanPageView } from "@/components/scan-page-view";
import { listCellHistory, listReportFindings } from "@/db/queries/findings";
import { ReportTables, type CellView } from "@/components/report-tables";
import { describeLoc } from "@/lib/parse/document";
import { FORMAT_LABELS, cellKeys, describeCell } from "@/lib/report/template";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { markersFor } from "@/lib/checks/markers";
import { msg } from "@/lib/messages";
import { ReviewControls } from "./review-controls";
import { CellCorrector } from "./cell-corrector";
import { requireReader } from "@/app/session";
import { agencyTarget } from "@/db/queries/users";
import { can } from "@/lib/auth/permissions";
import { beijingToday } from "@/lib/rectification/state";
import { OpenForm } from "@/app/rectifications/forms";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });
const searchSchema = z.object({ cell: z.string().max(80).optional() });

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireReader();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { cell: focus } = searchSchema.catch({}).parse(await searchParams);
  const db = await getDb();
  const found = await getReport(db, parsed.data.id);
  if (!found) notFound();
  const { report, agency, cells } = found;
  const [findings, history, user, target] = await Promise.all([
    listReportFindings(db, parsed.data.id),
    listCellHistory(db, parsed.data.id),
    requireReader(),
    agencyTarget(db, agency.id),
  ]);
  const canReview = can(user, "review", target);
  const canCorrect = can(user, "correct", target);
  const canRectify = can(user, "rectify", target);
  const today = beijingToday();
  const views: Record<string, CellView> = Object.fromEntries(
    cells.map((c) => [c.key, { value: c.value, raw: c.raw, note: c.note, where: describeLoc(c.source) }]),
  );
  const notes = cells.filter((c) => c.note);
  const focused = focus ? cells.find((c) => c.key === focus) : undefined;
  // A figure read from a scan: the page image with its box, when the scan is kept.
  const scanned = focused?.source?.ocr && focused.source.page ? { page: focused.source.page, box: focused.source.ocr.box } : null;
  const scanId = scanned ? await getReportScan(db, report.id) : null;
  const keys = report.format === "pre2019" ? [] : cellKeys(report.format).filter((k) => k in views || report.missingCells.includes(k));
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const f of findings) counts[f.severity]++;

  return (
    <>
      <p className="muted">
        <Link href="/">{msg.common.agenciesAndYears}</Link> / <Link href={`/agencies/${agency.id}`}>{agency.name}</Link>
      </p>
      <h1>
        {agency.name}{msg.reportPage.title(report.year)}
      </h1>
      <div className="card">
        <dl className="meta" data-testid="report-meta">
          <dt>{msg.common.publisher}</dt>
          <dd>
            <Link href={`/agencies/${agency.id}`}>{agency.name}</Link>
          </dd>
          <dt>{msg.common.reportYear}</dt>
          <dd>{report.year}{msg.reportPage.yearSuffix}</dd>
          <dt>{msg.reportPage.tableFormat}</dt>
          <dd>
            {FORMAT_LABELS[report.format]}
            {report.mixedFormat && <span className="badge warning" style={{ marginLeft: 8 }}>{msg.reportPage.mixedFormat}</span>}
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

      {focused && (
        <div className="alert warn" data-testid="focused-cell">
          {describeCell(focused.key)}{msg.reportPage.focusedCell(formatNumber(focused.value) || msg.common.blank, focused.raw || msg.common.blank, describeLoc(focused.source) || msg.reportPage.inSource)}
          <Link href={`/reports/${report.id}/original?cell=${encodeURIComponent(focused.key)}${focusedLine(focused.source)}`} data-testid="view-original">{msg.reportPage.viewSource}</Link>
        </div>
      )}
      {scanned && scanId && <ScanPageView scanId={scanId} page={scanned.page} box={scanned.box} />}

      <div className="card">
        <h2 style={{ marginTop: 0 }}>
          {msg.reportPage.findingsCount(findings.length)}
          {findings.length > 0 && (
            <span className="muted" style={{ fontSize: "0.85rem", fontWeight: 400, marginLeft: 8 }}>
              {(["error", "warning", "info"] as const).filter((s) => counts[s]).map((s) => `${msg.severity[s]} ${counts[s]}`).join(" · ")}
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
                  {f.cells.length > 0 && <>：{f.cells.slice(0, 4).map(describeCell).join("；")}{f.cells.length > 4 && msg.common.moreCells(f.cells.length)}</>}
                </div>
                <ReviewControls findingId={f.id} status={f.status} reviewer={f.reviewer} comment={f.comment} canReview={canReview} />
              </li>
            ))}
          </ol>
        )}
        {canRectify && findings.length > 0 && (
          <OpenForm hidden={{ reportId: report.id }} reportMode minDue={today} defaultDue={new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)} />
        )}
        <p className="small no-print">
          <Link href={`/rectifications?agency=${agency.id}&year=${report.year}`}>{msg.rect.summary.all}</Link> · {msg.rect.docs.title}：
          <a href={`/api/rectifications/documents/checkup?agency=${agency.id}&year=${report.year}&format=docx`} download>{msg.rect.docs.checkup(report.year)}（{msg.rect.docs.docx}）</a> ·{" "}
          <a href={`/api/rectifications/documents/checkup?agency=${agency.id}&year=${report.year}&format=pdf`} download>{msg.rect.docs.pdf}</a>
        </p>
      </div>

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

      {report.format === "pre2019" ? (
        <div className="card empty">{msg.reportPage.pre2019}</div>
      ) : (
        <div className="card">
          <p className="export-buttons" data-testid="table-downloads">
            {msg.reportPage.downloadTables}<a href={`/api/reports/${report.id}/tables?format=csv`} download>CSV</a>
            <a href={`/api/reports/${report.id}/tables?format=xlsx`} download>XLSX</a>
          </p>
          {canCorrect ? (
            <>
              <p className="muted small" data-testid="correct-hint">{msg.reportPage.correctHint}</p>
              <CellCorrector
                reportId={report.id}
                initialKey={focus}
                cells={Object.fromEntries(keys.map((k) => [k, { label: describeCell(k), value: k in views ? formatNumber(views[k].value) : msg.common.missingCell }]))}
              >
                <ReportTables format={report.format} mixed={report.mixedFormat} cells={views} markers={markersFor(findings)} focus={focus} />
              </CellCorrector>
            </>
          ) : (
            <ReportTables format={report.format} mixed={report.mixedFormat} cells={views} markers={markersFor(findings)} focus={focus} />
          )}
          <p className="muted" style={{ fontSize: "0.8rem" }}>
            {msg.reportPage.blankNote}
          </p>
          {history.length > 0 && (
            <>
              <h3>{msg.reportPage.corrections}</h3>
              <table className="list" data-testid="cell-history">
                <thead>
                  <tr>
                    <th>{msg.common.time}</th>
                    <th>{msg.common.cell}</th>
                    <th>{msg.reportPage.oldValue}</th>
                    <th>{msg.reportPage.newValue}</th>
                    <th>{msg.reportPage.correctedBy}</th>
                    <th>{msg.common.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((h) => (
                    <tr key={h.id}>
                      <td>{formatDateTime(h.changedAt)}</td>
                      <td>{describeCell(h.key)}</td>
                      <td>{h.oldRaw === null ? msg.reportPage.noSuchCell : formatNumber(h.oldValue) || msg.common.blank}</td>
                      <td>{formatNumber(h.newValue) || msg.common.blank}</td>
                      <td>{h.changedBy}</td>
                      <td>{h.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}

      {(notes.length > 0 || report.unread.length > 0 || report.missingCells.length > 0) && (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{msg.reportPage.readingNotes}</h2>
          <ul>
            {notes.map((c) => (
              <li key={c.key}>
                {describeCell(c.key)}{msg.reportPage.cellNote(c.note)}
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

/** The anchor of the line a cell was read from in /reports/[id]/original. */
function focusedLine(loc: { at?: number; line?: number }): string {
  const n = loc.at ?? loc.line;
  return n ? `#L${n}` : "";
}
