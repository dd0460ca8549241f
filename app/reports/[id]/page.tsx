import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getReport } from "@/db/queries/reports";
import { getReportScan } from "@/db/queries/scans";
import { ScanPageView } from "@/components/scan-page-view";
import { describeLoc } from "@/lib/parse/document";
import { describeCell } from "@/lib/report/cell-keys";
import { formatNumber } from "@/lib/format";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { HeadlineFigures, ReadingNotes, ReportFindings, ReportMeta, ReportTablesCard, StreamedCard } from "./sections";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });
const searchSchema = z.object({ cell: z.string().max(80).optional() });

/** Composes the cards of sections.tsx; the findings and the tables stream in on their own. */
export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireReader();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { cell: focus } = searchSchema.catch({}).parse(await searchParams);
  const found = await getReport(await getDb(), parsed.data.id);
  if (!found) notFound();
  const { report, agency, cells } = found;
  const focused = focus ? cells.find((c) => c.key === focus) : undefined;
  // A figure read from a scan: the page image with its box, when the scan is kept.
  const scanned = focused?.source?.ocr && focused.source.page ? { page: focused.source.page, box: focused.source.ocr.box } : null;
  const scanId = scanned ? await getReportScan(await getDb(), report.id) : null;

  return (
    <>
      <p className="muted">
        <Link href="/">{msg.common.agenciesAndYears}</Link> / <Link href={`/agencies/${agency.id}`}>{agency.name}</Link>
      </p>
      <h1>
        {agency.name}
        {msg.reportPage.title(report.year)}
      </h1>
      <ReportMeta report={report} agency={agency} />

      {focused && (
        <div className="alert warn" data-testid="focused-cell">
          {describeCell(focused.key)}
          {msg.reportPage.focusedCell(
            formatNumber(focused.value) || msg.common.blank,
            focused.raw || msg.common.blank,
            describeLoc(focused.source) || msg.reportPage.inSource,
          )}
          <Link
            href={`/reports/${report.id}/original?cell=${encodeURIComponent(focused.key)}${focusedLine(focused.source)}`}
            data-testid="view-original"
          >
            {msg.reportPage.viewSource}
          </Link>
        </div>
      )}
      {scanned && scanId && <ScanPageView scanId={scanId} page={scanned.page} box={scanned.box} />}

      <StreamedCard title={msg.common.findings} height={160}>
        <ReportFindings reportId={report.id} agencyId={agency.id} year={report.year} />
      </StreamedCard>
      <HeadlineFigures report={report} />
      <StreamedCard title={msg.reportPage.tablesCard} height={600}>
        <ReportTablesCard report={report} agency={agency} cells={cells} focus={focus} />
      </StreamedCard>
      <ReadingNotes report={report} cells={cells} />
    </>
  );
}

/** The anchor of the line a cell was read from in /reports/[id]/original. */
function focusedLine(loc: { at?: number; line?: number }): string {
  const n = loc.at ?? loc.line;
  return n ? `#L${n}` : "";
}
