"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { importParsed, logFailure } from "@/db/queries/imports";
import { findReportId } from "@/db/queries/reports";
import { checkDraft } from "@/db/queries/checks";
import { recordAudit } from "@/db/queries/audit";
import { authorize, authorizeWrite, currentUser } from "@/app/session";
import { describeLoc } from "@/lib/parse/document";
import { fillUnread, MAX_UPLOAD_MB, parseReportAsync, type ParseOutcome } from "@/lib/parse/index";
import { describeCell } from "@/lib/report/template";
import { inferAgencyKind } from "@/lib/report/agency";
import { roleMay } from "@/lib/auth/permissions";
import { msg } from "@/lib/messages";
import { batchFileSchema, FILL_PREFIX, saveImportSchema, type BatchFileResult, type PreviewResult, type SaveResult } from "./schema";

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
    unread: r.issues.filter((i) => !i.keys?.length).map((i) => `${i.message}（${describeLoc(i.loc)}）`),
    unreadRows: r.issues
      .filter((i) => i.keys?.some((k) => !(k in r.cells)))
      .map((i) => ({
        message: i.message,
        where: describeLoc(i.loc),
        source: i.source ?? null,
        cells: (i.keys ?? []).filter((k) => !(k in r.cells)).map((key) => ({ key, label: describeCell(key) })),
      })),
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
  const v = checked.data;
  const db = await getDb();
  // 填报人 import for their own agencies; only an administrator creates a new agency this way.
  const auth = await authorizeWrite("report.import", { agency: v.agency });
  if (!auth.ok) return auth;
  const upload = await readUpload(form);
  if (!upload.ok) return upload;
  if (!upload.parsed.ok) {
    await logFailure(db, { sourceName: upload.name, error: upload.parsed.error, agency: v.agency, year: v.year });
    return upload.parsed;
  }
  // Cells the filer typed in beside the source text of rows the reader could not read.
  const typed = Object.fromEntries([...form.entries()].flatMap(([k, v]) => (k.startsWith(FILL_PREFIX) && typeof v === "string" ? [[k.slice(FILL_PREFIX.length), v]] : [])));
  const completed = fillUnread(upload.parsed.report, typed);
  if (!completed.ok) return completed;
  let result: Awaited<ReturnType<typeof importParsed>>;
  try {
    result = await importParsed(db, completed.report, upload.name, {
      agency: v.agency,
      year: v.year,
      publishedOn: v.publishedOn,
      regionId: v.regionId,
      kind: v.kind,
    });
  } catch (e) {
    return { ok: false, error: msg.errors.saveFailed((e as Error).message.slice(0, 200)) }; // logged by importParsed
  }
  if (!result.ok) return result;
  await recordAudit(db, {
    actor: auth.user,
    action: result.replaced ? "report.replace" : "report.create",
    target: `report:${result.reportId}`,
    after: { agency: result.agency, year: result.year, source: upload.name, cells: Object.keys(completed.report.cells).length, filledByHand: Object.keys(typed).filter((k) => typed[k].trim()) },
  });
  revalidatePath("/");
  revalidatePath(`/agencies/${result.agencyId}`);
  return { ok: true, message: result.message, reportId: result.reportId, agencyId: result.agencyId, replaced: result.replaced };
}

/**
 * One file of a batch (the browser sends them one by one, unzipped, so each is its own request and
 * its own transaction). A file the browser already refused (too large, not unzippable) comes as
 * its name and the reason only, to be logged with the batch. The agency is known only once the
 * file is read, so the permission is asked per file, after parsing and before storing.
 */
export async function importBatchFile(form: FormData): Promise<BatchFileResult> {
  const input = batchFileSchema.safeParse({
    batchId: form.get("batchId") ?? "",
    name: form.get("name") ?? "",
    clientError: form.get("clientError") ?? undefined,
  });
  if (!input.success) return { status: "failed", message: input.error.issues.map((i) => i.message).join("；") };
  // Signed out, or a role that never imports: refused before anything is read or logged.
  if (!roleMay(await currentUser(), "import")) {
    const refused = await authorize("import");
    return { status: "failed", message: refused.ok ? msg.auth.signInRequired : refused.error };
  }
  const { batchId, name, clientError } = input.data;
  const db = await getDb();
  const fail = async (error: string) => {
    await logFailure(db, { sourceName: name, error, batchId });
    return { status: "failed" as const, message: error };
  };
  if (clientError) return fail(clientError);
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail(msg.errors.empty);
  if (file.size > MAX_UPLOAD_MB * 1024 * 1024) return fail(msg.errors.tooLarge(MAX_UPLOAD_MB));
  const parsed = await parseReportAsync({ name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!parsed.ok) return fail(parsed.error);
  const auth = await authorizeWrite("report.import", { agency: parsed.report.agency ?? "" });
  if (!auth.ok) return fail(auth.error);
  let r: Awaited<ReturnType<typeof importParsed>>;
  try {
    r = await importParsed(db, parsed.report, name, { batchId });
  } catch (e) {
    return { status: "failed", message: msg.errors.saveFailed((e as Error).message.slice(0, 200)) }; // logged by importParsed
  }
  if (!r.ok) return { status: "failed", message: r.error };
  await recordAudit(db, {
    actor: auth.user,
    action: r.replaced ? "report.replace" : "report.create",
    target: `report:${r.reportId}`,
    after: { agency: r.agency, year: r.year, source: name, batch: batchId, cells: Object.keys(parsed.report.cells).length },
  });
  revalidatePath("/");
  revalidatePath(`/agencies/${r.agencyId}`);
  return { status: r.replaced ? "updated" : "created", message: r.message, reportId: r.reportId };
}
