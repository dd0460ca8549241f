/**
 * The read step for a scanned report, run as a job (`scan.ocr`, declared in db/jobs.ts): OCR page by
 * page, the result kept with the scan. The filer then checks it on the import page, which stores it
 * through the same door as any upload (app/import/actions.ts → pipeline/import.ts storeReport).
 * tesseract and pdftoppm run as child processes, so this process only waits on them and keeps
 * answering requests.
 */
import { JobInputError, type JobContext } from "../db/jobs";
import type { Job } from "../db/queries/jobs";
import { listScanFiles, saveScanResult } from "../db/queries/scans";
import { parseScan } from "../lib/parse/index";

export async function scanJob(job: Job, ctx: JobContext) {
  const scanId = Number((job.payload as { scanId?: number }).scanId);
  const files = await listScanFiles(ctx.db, scanId);
  if (!files.length) throw new JobInputError(`scan ${scanId} has no files`);
  await ctx.progress({ done: 0, total: 0 });
  const out = await parseScan(
    files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })),
    { onPage: (done, total) => ctx.progress({ done, total }) },
  );
  if (!out.ok) {
    await saveScanResult(ctx.db, scanId, { error: out.error });
    return { scanId, ok: false };
  }
  await saveScanResult(ctx.db, scanId, { report: out.report, pages: out.scan ?? [] });
  return { scanId, ok: true, cells: Object.keys(out.report.cells).length, unread: out.report.issues.length };
}
