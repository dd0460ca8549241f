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
import { CorrectCellForm } from "./correct-cell-form";
import { requireReader } from "@/app/session";
import { agencyTarget } from "@/db/queries/users";
import { can } from "@/lib/auth/permissions";

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
        <Link href="/">单位与年度</Link> / <Link href={`/agencies/${agency.id}`}>{agency.name}</Link>
      </p>
      <h1>
        {agency.name} {report.year} 年度政府信息公开工作年度报告
      </h1>
      <div className="card">
        <dl className="meta" data-testid="report-meta">
          <dt>发布机关</dt>
          <dd>
            <Link href={`/agencies/${agency.id}`}>{agency.name}</Link>
          </dd>
          <dt>报告年度</dt>
          <dd>{report.year} 年</dd>
          <dt>表格格式</dt>
          <dd>
            {FORMAT_LABELS[report.format]}
            {report.mixedFormat && <span className="badge warning" style={{ marginLeft: 8 }}>格式混用</span>}
          </dd>
          <dt>发布日期</dt>
          <dd>{formatDate(report.publishedOn) || <span className="muted">未识别</span>}</dd>
          <dt>来源</dt>
          <dd>
            {report.sourceName} · <Link href={`/reports/${report.id}/source`}>查看原文文本</Link>
          </dd>
          <dt>导入时间</dt>
          <dd>
            {formatDateTime(report.importedAt)} <span className="muted">（解析器 {report.parserVersion}）</span>
          </dd>
        </dl>
      </div>

      {focused && (
        <div className="alert warn" data-testid="focused-cell">
          {describeCell(focused.key)}：{formatNumber(focused.value) || "（空白）"}。原文写作“{focused.raw || "（空白）"}”，位于{describeLoc(focused.source) || "原文中"}。
          <Link href={`/reports/${report.id}/source`}>查看原文</Link>
        </div>
      )}
      {scanned && scanId && <ScanPageView scanId={scanId} page={scanned.page} box={scanned.box} />}

      <div className="card">
        <h2 style={{ marginTop: 0 }}>
          核对发现（{findings.length}）
          {findings.length > 0 && (
            <span className="muted" style={{ fontSize: "0.85rem", fontWeight: 400, marginLeft: 8 }}>
              {(["error", "warning", "info"] as const).filter((s) => counts[s]).map((s) => `${msg.severity[s]} ${counts[s]}`).join(" · ")}
            </span>
          )}
        </h2>
        {findings.length === 0 ? (
          <p className="empty">没有发现问题。</p>
        ) : (
          <ol className="findings" data-testid="findings">
            {findings.map((f, i) => (
              <li key={f.id} id={`finding-${i + 1}`} data-rule={f.rule}>
                <span className={`badge ${f.severity}`}>{msg.severity[f.severity]}</span> {f.message}
                <div className="muted" style={{ fontSize: "0.8rem" }}>
                  [{i + 1}] {RULES.find((r) => r.id === f.rule)?.title ?? msg.findings.otherRule}
                  {f.cells.length > 0 && <>：{f.cells.slice(0, 4).map(describeCell).join("；")}{f.cells.length > 4 && ` 等 ${f.cells.length} 个单元格`}</>}
                </div>
                <ReviewControls findingId={f.id} status={f.status} reviewer={f.reviewer} comment={f.comment} canReview={canReview} />
              </li>
            ))}
          </ol>
        )}
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
        <div className="card empty">本报告为 2019 年以前的格式，没有全国统一表格；原文见“查看原文文本”。</div>
      ) : (
        <div className="card">
          <p className="export-buttons" data-testid="table-downloads">
            表格下载：<a href={`/api/reports/${report.id}/tables?format=csv`} download>CSV</a>
            <a href={`/api/reports/${report.id}/tables?format=xlsx`} download>XLSX</a>
          </p>
          <ReportTables format={report.format} mixed={report.mixedFormat} cells={views} markers={markersFor(findings)} focus={focus} />
          <p className="muted" style={{ fontSize: "0.8rem" }}>
            空白单元格表示原文印为空白（不按 0 显示）；“缺”表示原文没有这个单元格。鼠标停在数字上可看到原文写法、所在位置和相关发现。
          </p>
          {canCorrect && (
            <>
              <h3>更正单元格</h3>
              <CorrectCellForm
                reportId={report.id}
                initialKey={focus}
                options={keys.map((k) => ({ key: k, label: describeCell(k), value: k in views ? formatNumber(views[k].value) : "缺" }))}
              />
            </>
          )}
          {history.length > 0 && (
            <>
              <h3>更正记录</h3>
              <table className="list" data-testid="cell-history">
                <thead>
                  <tr>
                    <th>时间</th>
                    <th>单元格</th>
                    <th>原值</th>
                    <th>新值</th>
                    <th>更正人</th>
                    <th>原因</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((h) => (
                    <tr key={h.id}>
                      <td>{formatDateTime(h.changedAt)}</td>
                      <td>{describeCell(h.key)}</td>
                      <td>{h.oldRaw === null ? "（原文无此格）" : formatNumber(h.oldValue) || "（空白）"}</td>
                      <td>{formatNumber(h.newValue) || "（空白）"}</td>
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
          <h2 style={{ marginTop: 0 }}>读取说明</h2>
          <ul>
            {notes.map((c) => (
              <li key={c.key}>
                {describeCell(c.key)}：原文附注“{c.note}”
              </li>
            ))}
            {report.unread.map((u, i) => (
              <li key={i}>
                {u.message}
                {u.where && <span className="muted">（{u.where}）</span>}
              </li>
            ))}
            {report.missingCells.length > 0 && <li>原文缺少 {report.missingCells.length} 个单元格（表中标为“缺”）</li>}
          </ul>
        </div>
      )}
    </>
  );
}
