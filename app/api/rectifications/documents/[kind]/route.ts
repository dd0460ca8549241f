/**
 * The documents offices send: ?agency= → 整改通知书 (.docx); ?region= → 通报 (.docx or .xlsx);
 * ?agency=&year= → 年报体检报告 (.docx or .pdf, the PDF converted from the same .docx by LibreOffice).
 */
import { z } from "zod";
import { getDb } from "@/db/index";
import { loadBulletin, loadCheckup, loadNotice } from "@/db/queries/documents";
import { bulletinBlocks, checkupBlocks, noticeBlocks } from "@/lib/documents/blocks";
import { DOCX_TYPE, blocksToDocx } from "@/lib/documents/docx";
import { PdfUnavailable, docxToPdf } from "@/lib/documents/pdf";
import { bulletinTables } from "@/lib/documents/tables";
import { XLSX_TYPE, attachment, toXlsx } from "@/lib/export/xlsx";
import { safeFileName } from "@/lib/export/table";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const schema = z.object({
  kind: z.enum(["notice", "bulletin", "checkup"]),
  agency: z.coerce.number().int().positive().optional(),
  region: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  format: z.enum(["docx", "xlsx", "pdf"]).default("docx"),
});

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
const file = (bytes: Uint8Array, type: string, name: string, ext: string) =>
  new Response(new Uint8Array(bytes), {
    headers: { "content-type": type, "content-disposition": attachment(`${safeFileName(name)}.${ext}`, `document.${ext}`) },
  });

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  await requireReader();
  const p = schema.safeParse({ ...Object.fromEntries(new URL(request.url).searchParams), kind: (await params).kind });
  if (!p.success) return text(msg.errors.invalidInput, 400);
  const { kind, agency, region, year, format } = p.data;
  const db = await getDb();
  const d = msg.rect.docs;
  if (kind === "notice" && agency) {
    const data = await loadNotice(db, agency);
    if (!data) return text(msg.notFound.agency, 404);
    return file(await blocksToDocx(noticeBlocks(data), { title: d.noticeTitle }), DOCX_TYPE, `${data.agency}-${d.noticeTitle}`, "docx");
  }
  if (kind === "bulletin" && region) {
    const data = await loadBulletin(db, region);
    if (!data) return text(msg.notFound.region, 404);
    const name = d.bulletinTitle(data.region);
    if (format === "xlsx") return file(await toXlsx(bulletinTables(data)), XLSX_TYPE, name, "xlsx");
    return file(await blocksToDocx(bulletinBlocks(data), { title: name }), DOCX_TYPE, name, "docx");
  }
  if (kind === "checkup" && agency && year) {
    const data = await loadCheckup(db, agency, year);
    if (!data) return text(d.noReport, 404);
    const name = d.checkupTitle(data.agency, year);
    // One page: 10-point text and narrow margins.
    const docx = await blocksToDocx(checkupBlocks(data), { title: name, size: 20, margin: 851 });
    if (format !== "pdf") return file(docx, DOCX_TYPE, name, "docx");
    try {
      return file(await docxToPdf(docx), "application/pdf", name, "pdf");
    } catch (e) {
      console.error("[checkup pdf]", e);
      return text(e instanceof PdfUnavailable ? d.pdfUnavailable : msg.errors.internal, 503);
    }
  }
  return text(msg.errors.invalidInput, 400);
}
