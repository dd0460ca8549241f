"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { importParsed } from "@/db/queries/imports";
import { findReportId } from "@/db/queries/reports";
import { checkDraft } from "@/db/queries/checks";
import { describeLoc } from "@/lib/parse/document";
import { MAX_UPLOAD_MB, parseReportAsync, type ParseOutcome } from "@/lib/parse/index";
import { inferAgencyKind } from "@/lib/report/agency";
import { msg } from "@/lib/messages";
import { saveImportSchema, type PreviewResult, type SaveResult } from "./schema";

/** The uploaded file, or the pasted text as a file of its own. */
async function readUpload(form: FormData): Promise<{ ok: true; name: string; parsed: ParseOutcome } | { ok: false; error: string }> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_UPLOAD_MB * 1024 * 1024) return { ok: false, error: msg.errors.tooLarge(MAX_UPLOAD_MB) };
    return { ok: true, name: file.name, parsed: await parseReportAsync({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer())}) };
  }
  const text = String(form.get("text") ?? "");
  if (!text.trim()) return { ok: false, error: "请粘贴年报文本或选择一个文件" };
  return { ok: true, name: "粘贴的文本", parsed: await parseReportAsync({ name: "粘贴的文本", bytes: new TextEncoder().encode(text) }) };
}

/** Read what was pasted or uploaded and show what would be stored; nothing is saved. */
export async function previewImport(form: FormData): Promise<PreviewResult> {
  const upload = await readUpload(form);
  if (!upload.ok) return upload;
  if (!upload.parsed.ok) return upload.parsed;
  const r = upload.parsed.report;
  // In the draft check the user may name the agency and year to compare with.
  const agency = String(form.get("agency") ?? "").trim() || (r.agency ?? "");
  const year = Number(form.get("year")) || r.year;
  const db = await getDb();
  const checked = await checkDraft(
    db,
    { format: r.format, cells: r.cells, mixed: r.mixed, year, publishedOn: r.publishedOn, narrative: r.narrative, missing: r.missing },
    agency || null,
  );
  return {
    ok: true,
    sourceName: upload.name,
    agency,
    year,
    publishedOn: r.publishedOn,
    format: r.format,
    mixed: r.mixed,
    kind: checked.agencyKind ?? inferAgencyKind(agency),
    cells: Object.fromEntries(
      Object.entries(r.details).map(([k, c]) => [k, { value: c.value, raw: c.raw, note: c.note ?? null, where: describeLoc(c.loc) }]),
    ),
    findings: checked.findings.map((f) => ({ ...f, cells: [...f.cells] })),
    prevReportId: checked.prevReportId,
    unread: r.issues.map((i) => `${i.message}（${describeLoc(i.loc)}）`),
    missing: r.missing.length,
    existingReportId: agency && year ? await findReportId(db, agency, year) : null,
  };
}

/**
 * Store the report: the same file or text is sent again and parsed again here — the server never
 * trusts cells sent back by the browser, only the user's corrections to the metadata.
 */
export async function saveImport(form: FormData): Promise<SaveResult> {
  const checked = saveImportSchema.safeParse({
    agency: form.get("agency") ?? "",
    year: form.get("year") ?? "",
    publishedOn: form.get("publishedOn") ?? "",
    regionId: form.get("regionId") ?? "",
    kind: form.get("kind") ?? "",
  });
  if (!checked.success) return { ok: false, error: checked.error.issues.map((i) => i.message).join("；") };
  const upload = await readUpload(form);
  if (!upload.ok) return upload;
  if (!upload.parsed.ok) return upload.parsed;
  const v = checked.data;
  const result = await importParsed(await getDb(), upload.parsed.report, upload.name, {
    agency: v.agency,
    year: v.year,
    publishedOn: v.publishedOn,
    regionId: v.regionId,
    kind: v.kind,
  });
  if (!result.ok) return result;
  revalidatePath("/");
  revalidatePath(`/agencies/${result.agencyId}`);
  return { ok: true, message: result.message, reportId: result.reportId, agencyId: result.agencyId, replaced: result.replaced };
}
