/**
 * read → match: a report file's bytes to the cells of shared/spec/report-cells.md. The findings are
 * not computed here: the import pipeline checks a report once, against its stored neighbours
 * (pipeline/import.ts); `toContractJson` (parse --json) adds the within-report ones.
 * Pure. `parseReport` is synchronous and reads the text formats; `parseReportAsync` reads every
 * format (PDF and Word need async libraries) and is what callers with a file should use.
 */
import { reportFindings } from "../checks/rules";
import { msg } from "../messages";
import type { ReportFormat, TableFormat } from "../report/template";
import { cellKeys, describeCell } from "../report/cell-keys";
import { parseValue, type CellValue } from "../report/values";
import { binaryBytes, decodeBytes, kindOf, looksBinary, type TextKind } from "./decode";
import { describeLoc, type SourceDocument, type SourceKind } from "./document";
import { isOle, readDoc } from "./doc";
import { isDocx, readDocx } from "./docx";
import { readHtml } from "./html";
import type { HeadlineFigure } from "../report/headline-keys";
import { extractHeadline } from "./headline";
import { readLayout } from "./layout";
import { MAX_UPLOAD_MB } from "./limits";
import { matchCells } from "./match";
import type { ParseIssue, ReadCell } from "./read-cells";
import { readMeta } from "./metadata";
import { isPdf, readPdf } from "./pdf";
import { readText } from "./text";
import { OcrUnavailable } from "./ocr-engine";
import { isImage, readImages, readScannedPdf, type ScanOptions, type ScanPage, type ScanRead } from "./scan";

/** Bumped whenever a change to parsing can change what is read from the same file. */
export const PARSER_VERSION = "2026.11.2";
export { MAX_UPLOAD_MB } from "./limits";
export { decodeBytes, kindOf, type TextKind } from "./decode";

export interface ParsedReport {
  agency: string | null;
  year: number | null;
  format: ReportFormat;
  publishedOn: string | null;
  title: string | null;
  cells: Record<string, CellValue>;
  /** Per cell: the text as printed, its annotation and where it was read. */
  details: Record<string, ReadCell>;
  issues: ParseIssue[];
  /** Keys the format defines that the report does not print (a truncated document). */
  missing: string[];
  mixed: boolean;
  sourceKind: SourceKind;
  sourceText: string;
  /** The prose without the tables, for narrative and similarity checks. */
  narrative: string;
  /**
   * Headline figures the prose (or a pre-2019 统计表) states, each with its sentence: all a pre-2019
   * report has that compares with later years. Stored with the report (reports.headline).
   */
  headline: HeadlineFigure[];
  parserVersion: string;
}

export type ParseOutcome =
  | { ok: true; report: ParsedReport; scan?: ScanPage[] }
  | { ok: false; error: string /** A scan: readable with OCR (parseScan, as a job). */; scan?: true };

/** Text formats only (text, pipe/markdown, layout text, web page). PDF and Word: parseReportAsync. */
export function parseReport(input: { name: string; bytes: Uint8Array }): ParseOutcome {
  const early = checkSize(input.bytes);
  if (early) return early;
  if (isPdf(input.bytes) || isDocx(input.bytes, input.name) || isOle(input.bytes)) return { ok: false, error: msg.errors.asyncOnly };
  const text = decodeBytes(input.bytes);
  if (text === null) return { ok: false, error: binaryBytes(input.bytes) ? msg.errors.binary : msg.errors.encoding };
  if (looksBinary(text)) return { ok: false, error: msg.errors.binary };
  const kind = kindOf(input.name, text);
  if (!kind) return { ok: false, error: msg.errors.unsupportedType(input.name) };
  return parseReportText(text, kind);
}

/**
 * Every format: PDF (text layer) and Word .docx, then everything parseReport reads. Scans (an
 * image-only PDF, a PNG or JPEG) take seconds a page: only with `ocr`, else refused with `scan`
 * set so that the caller can run them as a job.
 */
export async function parseReportAsync(
  input: { name: string; bytes: Uint8Array },
  opts: { ocr?: boolean | ScanOptions } = {},
): Promise<ParseOutcome> {
  const early = checkSize(input.bytes);
  if (early) return early;
  const ocr = opts.ocr === true ? {} : opts.ocr || undefined;
  if (isPdf(input.bytes)) {
    const read = await readPdf(input.bytes);
    if (!read.ok && read.reason === "no_text" && ocr) return parseScan([input], ocr);
    if (!read.ok)
      return read.reason === "no_text"
        ? { ok: false, error: msg.errors.pdfNoText, scan: true }
        : { ok: false, error: msg.errors.pdfUnreadable };
    return parseDocument(read.doc);
  }
  if (isImage(input.bytes)) return ocr ? parseScan([input], ocr) : { ok: false, error: msg.errors.pdfNoText, scan: true };
  if (isDocx(input.bytes, input.name)) {
    const read = await readDocx(input.bytes);
    if (!read.ok) return { ok: false, error: msg.errors.docxUnreadable };
    return parseDocument(read.doc);
  }
  if (isOle(input.bytes)) {
    // Old Word .doc (and WPS in the same container); anything else in an OLE file says so.
    const read = await readDoc(input.bytes);
    if (!read.ok) return { ok: false, error: msg.errors.docUnreadable };
    return parseDocument(read.doc);
  }
  return parseReport(input);
}

/**
 * A scanned report: one image-only PDF, or page images in page order (a report photographed page
 * by page). Runs the OCR engine; callers on a server run it as a job (db/jobs.ts).
 */
export async function parseScan(files: { name: string; bytes: Uint8Array }[], opts: ScanOptions = {}): Promise<ParseOutcome> {
  for (const f of files) {
    const early = checkSize(f.bytes);
    if (early) return early;
  }
  let read: ScanRead;
  try {
    if (files.length === 1 && isPdf(files[0].bytes)) read = await readScannedPdf(files[0].bytes, opts);
    else if (files.every((f) => isImage(f.bytes)))
      read = await readImages(
        files.map((f) => f.bytes),
        opts,
      );
    else return { ok: false, error: msg.scan.mixedUpload };
  } catch (e) {
    if (e instanceof OcrUnavailable) return { ok: false, error: msg.scan.noEngine };
    throw e;
  }
  if (!read.ok) return { ok: false, error: read.reason === "no_text" ? msg.scan.noText : msg.scan.imageUnreadable };
  const out = parseDocument(read.doc);
  return out.ok ? { ...out, scan: read.pages } : out;
}

function checkSize(bytes: Uint8Array): ParseOutcome | undefined {
  if (bytes.length === 0) return { ok: false, error: msg.errors.empty };
  if (bytes.length > MAX_UPLOAD_MB * 1024 * 1024) return { ok: false, error: msg.errors.tooLarge(MAX_UPLOAD_MB) };
  return undefined;
}

export function parseReportText(text: string, kind: TextKind): ParseOutcome {
  if (!text.trim()) return { ok: false, error: msg.errors.empty };
  return parseDocument(kind === "html" ? readHtml(text) : kind === "layout" ? readLayout(text) : readText(text));
}

function parseDocument(doc: SourceDocument): ParseOutcome {
  const kind = doc.kind;
  // The stored text of these is documentText(lines), one line per row: each cell remembers its line.
  if (kind !== "text") {
    for (let i = 0; i < doc.lines.length; i++) {
      const l = doc.lines[i];
      l.loc.at = i + 1;
      if (l.kind === "row") for (const c of l.cells) c.loc.at = i + 1;
    }
  }
  const meta = readMeta(doc);
  const matched = matchCells(doc.lines);
  const hasTables = Object.keys(matched.cells).length > 0;
  if (!hasTables && (meta.year === null || meta.title === null)) return { ok: false, error: msg.errors.notReport };
  // The national template itself, as distributed: tables with no figure, no organ, no year.
  const blank = Object.values(matched.cells).every((c) => c.value === null);
  if (hasTables && blank && meta.year === null && meta.agency === null) return { ok: false, error: msg.errors.blankTemplate };

  const t2 = matched.evidence.t2;
  const t3 = matched.evidence.t3;
  const format: ReportFormat = hasTables ? ((t2 ?? t3 ?? "2021") as TableFormat) : "pre2019";
  const mixed = Boolean(t2 && t3 && t2 !== t3);

  const cells: Record<string, CellValue> = {};
  for (const [key, c] of Object.entries(matched.cells)) cells[key] = c.value;
  const narrative = doc.lines.flatMap((l) => (l.kind === "text" ? [l.text] : [])).join("\n");
  const expected = format === "pre2019" ? [] : cellKeys(format).filter((k) => !(mixed && /^t3\.other_/.test(k)));
  const missing = expected.filter((k) => !(k in cells) && !(mixed && k.startsWith("t3.other.")));
  if (kind === "scan") {
    // A scan is a whole report: every cell of its tables that was neither read nor listed is listed
    // now, for the filer to type in from the page images (never silently lost).
    const listed = new Set(matched.issues.flatMap((i) => i.keys ?? []));
    const lost = missing.filter((k) => !listed.has(k));
    if (lost.length) matched.issues.push({ code: "row_not_found", message: msg.scan.notFound(lost.length), loc: {}, keys: lost });
  }

  return {
    ok: true,
    report: {
      agency: meta.agency,
      year: meta.year,
      format,
      publishedOn: meta.publishedOn,
      title: meta.title,
      cells,
      details: matched.cells,
      issues: matched.issues,
      missing,
      mixed,
      sourceKind: kind,
      sourceText: doc.text,
      narrative,
      headline: extractHeadline(doc.lines),
      parserVersion: PARSER_VERSION,
    },
  };
}

/** The `parse --json` shape of shared/spec/report-cells.md (plus what was not understood), with the within-report findings. */
export function toContractJson(r: ParsedReport) {
  return {
    agency: r.agency,
    year: r.year,
    format: r.format,
    published_on: r.publishedOn,
    cells: r.cells,
    findings: reportFindings(r),
    notes: Object.fromEntries(
      Object.entries(r.details)
        .filter(([, d]) => d.note)
        .map(([k, d]) => [k, d.note]),
    ),
    missing: r.missing,
    headline: r.headline,
    unread: r.issues.map((i) => ({
      message: i.message,
      where: describeLoc(i.loc),
      ...(i.keys ? { keys: i.keys } : {}),
      ...(i.source ? { source: i.source } : {}),
      // A scan: where on which page, to look at (box: fractions of the page, x0 y0 x1 y1).
      ...(i.loc.ocr ? { page: i.loc.page, box: i.loc.ocr.box, confidence: i.loc.ocr.conf } : {}),
    })),
  };
}

/** The cells a report lists as unread, each with the row it belongs to (for the preview to ask for). */
export function unreadCells(r: ParsedReport): { key: string; issue: number }[] {
  return r.issues.flatMap((issue, n) => (issue.keys ?? []).filter((k) => !(k in r.cells)).map((key) => ({ key, issue: n })));
}

/**
 * The report with the values a filer typed in for cells the reader listed as unread. Only those
 * cells may be filled — the rest of the report is what the document says. Each typed value is read
 * like a printed cell (a number, or a blank as `/`, `—` or nothing); anything else is refused,
 * naming the cell.
 */
export function fillUnread(
  r: ParsedReport,
  typed: Record<string, string>,
): { ok: true; report: ParsedReport } | { ok: false; error: string } {
  const open = new Map(unreadCells(r).map((u) => [u.key, u.issue]));
  const cells = { ...r.cells };
  const details = { ...r.details };
  const filled = new Set<string>();
  for (const [key, text] of Object.entries(typed)) {
    const issue = open.get(key);
    if (issue === undefined) return { ok: false, error: msg.parse.fillNotUnread(describeCell(key)) };
    if (!text.trim()) continue;
    const v = parseValue(text);
    if (v.kind !== "value") return { ok: false, error: msg.parse.fillNotNumber(describeCell(key), text) };
    cells[key] = v.value;
    details[key] = { value: v.value, raw: text.trim(), note: msg.parse.filledByHand, loc: r.issues[issue].loc };
    filled.add(key);
  }
  if (!filled.size) return { ok: true, report: r };
  const issues = r.issues
    .map((i) => (i.keys ? { ...i, keys: i.keys.filter((k) => !filled.has(k)) } : i))
    .filter((i) => !i.keys || i.keys.length > 0);
  const missing = r.missing.filter((k) => !filled.has(k));
  return { ok: true, report: { ...r, cells, details, issues, missing } };
}
