import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getReport } from "@/db/queries/reports";
import { ReportTables, type CellView } from "@/components/report-tables";
import { FindingsList } from "@/components/findings-list";
import { describeLoc } from "@/lib/parse/document";
import { FORMAT_LABELS } from "@/lib/report/template";
import { formatDate, formatDateTime } from "@/lib/format";
import { markersFor } from "@/lib/checks/markers";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const found = await getReport(await getDb(), parsed.data.id);
  if (!found) notFound();
  const { report, agency, cells, findings } = found;
  const views: Record<string, CellView> = Object.fromEntries(
    cells.map((c) => [c.key, { value: c.value, raw: c.raw, note: c.note, where: describeLoc(c.source) }]),
  );
  const notes = cells.filter((c) => c.note);

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

      {findings.length > 0 && (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>核对发现（{findings.length}）</h2>
          <FindingsList findings={findings} />
        </div>
      )}

      {report.format === "pre2019" ? (
        <div className="card empty">本报告为 2019 年以前的格式，没有全国统一表格；原文见“查看原文文本”。</div>
      ) : (
        <div className="card">
          <ReportTables format={report.format} mixed={report.mixedFormat} cells={views} markers={markersFor(findings)} />
          <p className="muted" style={{ fontSize: "0.8rem" }}>
            空白单元格表示原文印为空白（不按 0 显示）；“缺”表示原文没有这个单元格。鼠标停在数字上可看到原文写法和所在位置。
          </p>
        </div>
      )}

      {(notes.length > 0 || report.unread.length > 0 || report.missingCells.length > 0) && (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>读取说明</h2>
          <ul>
            {notes.map((c) => (
              <li key={c.key}>
                {c.key}：原文附注“{c.note}”
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
