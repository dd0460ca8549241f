"use server";
import { logFailure } from "@/db/queries/imports";
import { readReport, storeReport } from "@/pipeline/import";
import { findReportId } from "@/db/queries/reports";
import { agencyExists } from "@/db/queries/agencies";
import { checkDraft } from "@/db/queries/checks";
import { defineAction, type ActionActor } from "@/db/queries/actions";
import { getScanParsed, linkScanReport } from "@/db/queries/scans";
import type { Db } from "@/db/index";
import { scanCropUrl } from "@/lib/parse/scan-url";
import { describeLoc } from "@/lib/parse/document";
import { fillUnread, MAX_UPLOAD_MB, type ParseOutcome, type ParsedReport } from "@/lib/parse/index";
import { describeCell } from "@/lib/report/cell-keys";
import { inferAgencyKind } from "@/lib/report/agency";
import { divisionByCode, guessDivision } from "@/lib/report/divisions";
import { msg } from "@/lib/messages";
import { serverAction } from "@/app/server-action";
import { clientAddress } from "@/app/session";
import {
  batchFileSchema,
  FILL_PREFIX,
  previewImportSchema,
  saveImportSchema,
  type BatchFileResult,
  type PreviewResult,
  type SaveResult,
} from "./schema";

/**
 * The pipeline's read step for the page (pipeline/import.ts): the uploaded file, or the pasted text as
 * a file of its own, read in a child process; or a scan whose OCR job has finished, as stored (never
 * as sent back).
 */
async function readUpload(
  form: FormData,
  db?: Db,
  actor?: ActionActor,
): Promise<{ ok: true; name: string; parsed: ParseOutcome; scanId?: number } | { ok: false; error: string }> {
  const scanId = Number(form.get("scanId") ?? 0);
  if (scanId && db) {
    const scan = await getScanParsed(db, scanId, actor?.role === "admin" ? null : (actor?.id ?? -1));
    if (!scan) return { ok: false, error: msg.scan.notReady };
    return { ok: true, name: scan.name, parsed: { ok: true, report: scan.report }, scanId };
  }
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_UPLOAD_MB * 1024 * 1024) return { ok: false, error: msg.errors.tooLarge(MAX_UPLOAD_MB) };
    return {
      ok: true,
      name: file.name,
      parsed: await readReport(
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        { untrusted: true, client: await clientAddress() },
      ),
    };
  }
  const text = String(form.get("text") ?? "");
  if (!text.trim()) return { ok: false, error: msg.importPage.pasteOrChoose };
  return {
    ok: true,
    name: msg.importPage.pastedText,
    parsed: await readReport(
      { name: msg.importPage.pastedText, bytes: new TextEncoder().encode(text) },
      { untrusted: true, client: await clientAddress() },
    ),
  };
}

const failed = (error: string) => ({ ok: false as const, error });

/** Read what was pasted or uploaded and show what would be stored; nothing is saved. */
export const previewImport = serverAction(
  defineAction({
    write: "draft.check",
    input: previewImportSchema,
    fields: (form) => ({ agency: form.get("agency") ?? "", year: form.get("year") ?? "" }),
    fail: (error: string): PreviewResult => failed(error),
    prepare: async (db, input, form, actor) => {
      const upload = await readUpload(form, db, actor);
      if (!upload.ok) return { ok: false, result: upload };
      if (!upload.parsed.ok) return { ok: false, result: upload.parsed };
      return { ok: true, value: { input, name: upload.name, report: upload.parsed.report, scanId: upload.scanId } };
    },
    target: () => ({}),
    run: async (tx, { input, name, report: r, scanId }) => {
      // In the draft check the user may name the agency and year to compare with.
      const agency = input.agency || (r.agency ?? "");
      const year = input.year ?? r.year;
      const checked = await checkDraft(
        tx,
        { format: r.format, cells: r.cells, mixed: r.mixed, year, publishedOn: r.publishedOn, narrative: r.narrative, missing: r.missing },
        agency || null,
      );
      const result: PreviewResult = {
        ok: true,
        sourceName: name,
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
            // A scan: the image of the row, to type the figures from.
            // (Not for a row never found: there is no place on the page to show.)
            crop: scanId && i.code !== "row_not_found" && i.loc.ocr && i.loc.page ? scanCropUrl(scanId, i.loc.page, i.loc.ocr.box) : null,
          })),
        missing: r.missing.length,
        existingReportId: agency && year ? await findReportId(tx, agency, year) : null,
        division: null,
        newAgency: Boolean(agency) && !(await agencyExists(tx, agency)),
      };
      if (result.newAgency) {
        const d = guessDivision(agency);
        result.division = d ? { code: d.code, fullName: d.fullName } : null;
      }
      return { result, audit: null };
    },
  }),
);

/**
 * Store the report: the same file or text is sent again and parsed again here — the server never
 * trusts cells sent back by the browser, only the user's corrections to the metadata.
 * 填报人 import for their own agencies; only an administrator creates a new agency this way.
 */
export const saveImport = serverAction(
  defineAction({
    write: "report.import",
    input: saveImportSchema,
    fields: (form) => ({
      agency: form.get("agency") ?? "",
      year: form.get("year") ?? "",
      publishedOn: form.get("publishedOn") ?? "",
      regionId: form.get("regionId") ?? "",
      kind: form.get("kind") ?? "",
      divisionCode: form.get("divisionCode") ?? "",
    }),
    fail: (error: string): SaveResult => failed(error),
    prepare: async (db, v, form, actor) => {
      const division = v.divisionCode ? divisionByCode(v.divisionCode) : null;
      if (v.divisionCode && !division) return { ok: false, result: failed(msg.importPreview.divisionUnknown(v.divisionCode)) };
      const upload = await readUpload(form, db, actor);
      if (!upload.ok) return { ok: false, result: upload };
      if (!upload.parsed.ok) {
        await logFailure(db, { sourceName: upload.name, error: upload.parsed.error, agency: v.agency, year: v.year });
        return { ok: false, result: upload.parsed };
      }
      // Cells the filer typed in beside the source text of rows the reader could not read.
      const typed = Object.fromEntries(
        [...form.entries()].flatMap(([k, val]) =>
          k.startsWith(FILL_PREFIX) && typeof val === "string" ? [[k.slice(FILL_PREFIX.length), val]] : [],
        ),
      );
      const completed = fillUnread(upload.parsed.report, typed);
      if (!completed.ok) return { ok: false, result: completed };
      const filledByHand = Object.keys(typed).filter((k) => typed[k].trim());
      return { ok: true, value: { v, name: upload.name, report: completed.report, filledByHand, division, scanId: upload.scanId } };
    },
    target: (p) => ({ agency: p.v.agency }),
    run: async (tx, { v, name, report, filledByHand, division, scanId }) => {
      // A directory pick wins over the list of existing regions: it is the more precise of the two.
      const region = division ? { regionChain: division.chain } : { regionId: v.regionId };
      const r = await storeReport(tx, report, name, {
        agency: v.agency,
        year: v.year,
        publishedOn: v.publishedOn,
        ...region,
        kind: v.kind,
      });
      if (!r.ok) return { result: r, audit: null };
      if (scanId) await linkScanReport(tx, scanId, r.reportId);
      return {
        result: { ok: true as const, message: r.message, reportId: r.reportId, agencyId: r.agencyId, replaced: r.replaced },
        audit: {
          action: r.replaced ? "report.replace" : "report.create",
          target: `report:${r.reportId}`,
          after: {
            agency: r.agency,
            year: r.year,
            source: name,
            cells: Object.keys(report.cells).length,
            ...(filledByHand.length ? { filledByHand } : {}),
          },
        },
        revalidate: ["/", `/agencies/${r.agencyId}`],
      };
    },
    onFailure: async (db, { v, name }, error) => logFailure(db, { sourceName: name, error, agency: v.agency, year: v.year }),
  }),
);

/**
 * One file of a batch (the browser sends them one by one, unzipped, so each is its own request and
 * its own transaction). A file the browser already refused (too large, not unzippable) comes as
 * its name and the reason only, to be logged with the batch. The agency is known only once the
 * file is read, so the scope is checked per file, after parsing and before storing (signed out, or
 * a role that never imports, is refused before anything is read or logged).
 */
export const importBatchFile = serverAction(
  defineAction({
    write: "report.import",
    input: batchFileSchema,
    fields: (form) => ({
      batchId: form.get("batchId") ?? "",
      name: form.get("name") ?? "",
      clientError: form.get("clientError") ?? undefined,
    }),
    fail: (message: string): BatchFileResult => ({ status: "failed", message }),
    prepare: async (db, { batchId, name, clientError }, form) => {
      const fail = async (error: string) => {
        await logFailure(db, { sourceName: name, error, batchId });
        return { ok: false as const, result: { status: "failed" as const, message: error } };
      };
      if (clientError) return fail(clientError);
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return fail(msg.errors.empty);
      if (file.size > MAX_UPLOAD_MB * 1024 * 1024) return fail(msg.errors.tooLarge(MAX_UPLOAD_MB));
      const parsed = await readReport(
        { name, bytes: new Uint8Array(await file.arrayBuffer()) },
        { untrusted: true, client: await clientAddress() },
      );
      if (!parsed.ok) return fail(parsed.error);
      return { ok: true, value: { batchId, name, report: parsed.report as ParsedReport } };
    },
    target: (p) => ({ agency: p.report.agency ?? "" }),
    run: async (tx, { batchId, name, report }) => {
      const r = await storeReport(tx, report, name, { batchId });
      if (!r.ok) return { result: { status: "failed" as const, message: r.error }, audit: null };
      return {
        result: { status: r.replaced ? ("updated" as const) : ("created" as const), message: r.message, reportId: r.reportId },
        audit: {
          action: r.replaced ? "report.replace" : "report.create",
          target: `report:${r.reportId}`,
          after: { agency: r.agency, year: r.year, source: name, batch: batchId, cells: Object.keys(report.cells).length },
        },
        revalidate: ["/", `/agencies/${r.agencyId}`],
      };
    },
    onFailure: async (db, { batchId, name }, error) => logFailure(db, { sourceName: name, error, batchId }),
  }),
);
