"use client";
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { previewImport, saveImport } from "./actions";
import type { PreviewResult, SaveResult } from "./schema";
import { ReportTables } from "@/components/report-tables";
import { FindingsList } from "@/components/findings-list";
import { markersFor } from "@/lib/checks/markers";
import { FORMAT_LABELS } from "@/lib/report/template";
import { MAX_UPLOAD_MB } from "@/lib/parse/limits";
import { msg } from "@/lib/messages";
import { DivisionPicker } from "@/components/import/division-picker";
import { UnreadRows } from "./unread-rows";
import { NamedOptions } from "@/components/form/named-options";

type Preview = Extract<PreviewResult, { ok: true }>;

/**
 * Paste or upload a report and preview it. `import` mode then saves it; `check` mode (the draft
 * check) only shows the findings, compared with last year's stored report, and stores nothing.
 */
export function ImportForm({
  regions,
  mode = "import",
  scanId,
}: {
  regions: { id: number; name: string; depth: number }[];
  mode?: "import" | "check";
  /** A scan whose OCR has finished: previewed and saved from what the server stored. */
  scanId?: number;
}) {
  const checking = mode === "check";
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Extract<SaveResult, { ok: true }> | null>(null);
  const [pending, start] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);
  const metaForm = useRef<HTMLFormElement>(null);

  const source = () => {
    const fd = new FormData();
    if (scanId) fd.set("scanId", String(scanId));
    else if (file) fd.set("file", file);
    else fd.set("text", text);
    return fd;
  };

  const onPreview = (withMeta = false) =>
    start(async () => {
      setSaved(null);
      setError(null);
      const fd = source();
      if (withMeta && metaForm.current) new FormData(metaForm.current).forEach((v, k) => fd.set(k, v));
      const r = await previewImport(fd).catch(() => ({ ok: false as const, error: msg.errors.uploadFailed(MAX_UPLOAD_MB) }));
      if (r.ok) setPreview(r);
      else {
        setPreview(null);
        setError(r.error);
      }
    });

  const onSave = () =>
    start(async () => {
      if (!metaForm.current) return;
      const fd = source();
      new FormData(metaForm.current).forEach((v, k) => fd.set(k, v));
      const r = await saveImport(fd).catch(() => ({ ok: false as const, error: msg.errors.uploadFailed(MAX_UPLOAD_MB) }));
      if (r.ok) {
        setSaved(r);
        setError(null);
        setPreview(null);
      } else setError(r.error);
    });

  // A finished scan is previewed at once: there is nothing to paste or choose.
  const previewed = useRef(false);
  useEffect(() => {
    if (scanId && !previewed.current) {
      previewed.current = true;
      onPreview();
    }
  });

  return (
    <>
      {scanId ? null : (
        <div className="card">
          <label htmlFor="report-text" style={{ fontWeight: 600 }}>
            {msg.importPage.pasteLabel}
          </label>
          <textarea
            id="report-text"
            name="text"
            value={text}
            disabled={Boolean(file)}
            onChange={(e) => setText(e.target.value)}
            placeholder={msg.importPage.pastePlaceholder}
          />
          <div className="form-row" style={{ marginTop: "0.75rem" }}>
            <label>
              {msg.importPage.orUpload}
              <input
                ref={fileInput}
                type="file"
                name="file"
                accept=".txt,.md,.html,.htm,.pdf,.docx,.doc,.wps,text/plain,text/html,application/pdf"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  // Refused here, before sending: the server would stop reading it at its body limit.
                  if (f && f.size > MAX_UPLOAD_MB * 1024 * 1024) {
                    setError(msg.errors.tooLargeFile(f.name, f.size / 1024 / 1024, MAX_UPLOAD_MB));
                    setFile(null);
                    e.target.value = "";
                    return;
                  }
                  setError(null);
                  setFile(f);
                }}
              />
            </label>
            {file && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setFile(null);
                  if (fileInput.current) fileInput.current.value = "";
                }}
              >
                {msg.importPage.clearFile}
              </button>
            )}
            <button type="button" onClick={() => onPreview()} disabled={pending || (!file && !text.trim())}>
              {pending && !preview ? msg.importPage.reading : checking ? msg.importPage.check : msg.importPage.preview}
            </button>
          </div>
        </div>
      )}

      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      {saved && (
        <div className="alert ok" role="status">
          {saved.message}。<Link href={`/reports/${saved.reportId}`}>{msg.common.viewReport}</Link> ·{" "}
          <Link href={`/agencies/${saved.agencyId}`}>{msg.importPage.viewAgency}</Link>
        </div>
      )}

      {preview && (
        <div className="card" data-testid="import-preview">
          <h2 style={{ marginTop: 0 }}>
            {checking ? msg.importPage.checkResult : msg.importPage.preview}：{preview.sourceName}
          </h2>
          {checking && (
            <p className="muted" data-testid="draft-compare">
              {msg.importPage.draftNotSaved}
              {preview.prevReportId ? (
                <>
                  {msg.importPage.comparedWith}
                  <Link href={`/reports/${preview.prevReportId}`}>
                    {preview.agency}
                    {msg.importPage.comparedReport((preview.year ?? 0) - 1)}
                  </Link>
                  {msg.importPage.comparedEnd}
                </>
              ) : (
                msg.importPage.noPrevious(preview.agency || msg.importPage.unknownPublisher)
              )}
            </p>
          )}
          <form
            ref={metaForm}
            onSubmit={(e) => {
              e.preventDefault();
              if (checking) onPreview(true);
              else onSave();
            }}
          >
            <div className="form-row">
              <label>
                {msg.common.publisher}
                <input type="text" name="agency" defaultValue={preview.agency} required size={28} />
              </label>
              <label>
                {msg.common.reportYear}
                <input type="number" name="year" defaultValue={preview.year ?? ""} required min={2000} max={2100} />
              </label>
              {!checking && (
                <>
                  <label>
                    {msg.common.publishedOn}
                    <input type="date" name="publishedOn" defaultValue={preview.publishedOn ?? ""} />
                  </label>
                  <label>
                    {msg.importPage.agencyKind}
                    <select name="kind" defaultValue={preview.kind}>
                      {Object.entries(msg.agencyKinds).map(([k, label]) => (
                        <option key={k} value={k}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {msg.importPage.regionForNew}
                    <select name="regionId" defaultValue="">
                      <option value="">{msg.importPage.noRegion}</option>
                      <NamedOptions items={regions} depthOf={(r) => r.depth} />
                    </select>
                  </label>
                </>
              )}
            </div>
            {!checking && preview.newAgency && <DivisionPicker key={preview.sourceName + preview.agency} guessed={preview.division} />}
            <p className="muted">
              {msg.importPage.formatLabel}
              {FORMAT_LABELS[preview.format]}
              {preview.mixed && msg.importPage.mixedFormat}
              {msg.importPage.cellsRead(Object.keys(preview.cells).length)}
              {preview.missing > 0 && msg.importPage.missingSuffix(preview.missing)}
            </p>
            {!checking && preview.existingReportId && (
              <div className="alert warn">
                {msg.importPage.replaces(preview.agency, preview.year)}
                <Link href={`/reports/${preview.existingReportId}`}>{msg.importPage.viewExisting}</Link>
              </div>
            )}
            {preview.unreadRows.length > 0 && <UnreadRows rows={preview.unreadRows} checking={checking} />}
            {preview.unread.length > 0 && (
              <div className="alert warn">
                {msg.importPage.unrecognized}
                <ul>
                  {preview.unread.map((u, i) => (
                    <li key={i}>{u}</li>
                  ))}
                </ul>
              </div>
            )}
            <button type="submit" disabled={pending}>
              {checking ? (pending ? msg.importPage.checking : msg.importPage.recheck) : pending ? msg.common.saving : msg.importPage.save}
            </button>
          </form>
          {preview.findings.length > 0 && (
            <>
              <h3>{msg.common.findings}</h3>
              <FindingsList findings={preview.findings} />
            </>
          )}
          {preview.format !== "pre2019" ? (
            <ReportTables format={preview.format} mixed={preview.mixed} cells={preview.cells} markers={markersFor(preview.findings)} />
          ) : (
            <p className="empty">{msg.importPage.pre2019}</p>
          )}
        </div>
      )}
    </>
  );
}
