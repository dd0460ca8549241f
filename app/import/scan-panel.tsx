"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { uploadScan } from "./scan-actions";
import { ImportForm } from "./import-form";
import { MAX_SCAN_PAGES, MAX_UPLOAD_MB } from "@/lib/parse/limits";
import { msg } from "@/lib/messages";

interface ScanStatus {
  id: number;
  name: string;
  status: string;
  done: number;
  total: number;
  error: string | null;
  reportId: number | null;
}

const POLL_MS = 2000;

/**
 * Scanned reports: upload, then follow the OCR job. The scan's id is in the address
 * (`/import?scan=12`), so the page can be left and reopened; when OCR is done the usual preview
 * and save follow, from what the server stored.
 */
export function ScanPanel({
  scanId,
  mine,
  regions,
}: {
  scanId?: number;
  mine: ScanStatus[];
  regions: { id: number; name: string; depth: number }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [files, setFiles] = useState<File[]>([]);
  const [status, setStatus] = useState<ScanStatus | null>(null);

  useEffect(() => {
    if (!scanId) return;
    let stop = false;
    const poll = async () => {
      const r = await fetch(`/api/scans/${scanId}`, { cache: "no-store" }).catch(() => null);
      const s = r?.ok ? ((await r.json()) as ScanStatus) : null;
      if (stop) return;
      if (!s) setError(msg.scan.notReady);
      else setStatus(s);
      if (s && (s.status === "queued" || s.status === "running")) setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [scanId]);

  const onUpload = () =>
    start(async () => {
      setError(null);
      const fd = new FormData();
      for (const f of files) fd.append("files", f);
      const r = await uploadScan(fd).catch(() => ({ ok: false as const, error: msg.errors.uploadFailed(MAX_UPLOAD_MB) }));
      if (r.ok) router.push(`/import?scan=${r.scanId}`);
      else setError(r.error);
    });

  return (
    <section className="card" data-testid="scan-panel">
      <h2 style={{ marginTop: 0 }}>{msg.scan.title}</h2>
      <p className="muted">{msg.scan.hint(MAX_SCAN_PAGES, MAX_UPLOAD_MB)}</p>
      <div className="form-row">
        <input
          type="file"
          multiple
          aria-label={msg.scan.title}
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
        <button type="button" onClick={onUpload} disabled={pending || files.length === 0}>
          {pending ? msg.scan.uploading : msg.scan.upload}
        </button>
      </div>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      {scanId && status && (
        <div role="status" data-testid="scan-status" style={{ marginTop: "0.75rem" }}>
          <strong>{status.name}</strong>：{msg.scan.statusLabel[status.status] ?? status.status}
          {(status.status === "queued" || status.status === "running") && (
            <>
              {" "}
              <progress value={status.done} max={status.total || 1} /> {msg.scan.progress(status.done, status.total)}
            </>
          )}
          {status.error && <div className="alert error">{status.error}</div>}
          {status.reportId && (
            <>
              {" "}
              · <Link href={`/reports/${status.reportId}`}>{msg.scan.savedAs}</Link>
            </>
          )}
        </div>
      )}
      {scanId && status?.status === "done" && <ImportForm regions={regions} scanId={scanId} />}
      {mine.length > 0 && (
        <details style={{ marginTop: "0.75rem" }} open={!scanId}>
          <summary>{msg.scan.mine}</summary>
          <ul>
            {mine.map((s) => (
              <li key={s.id}>
                <Link href={`/import?scan=${s.id}`}>{s.name}</Link>：{msg.scan.statusLabel[s.status] ?? s.status}
                {s.reportId && (
                  <>
                    {" "}
                    · <Link href={`/reports/${s.reportId}`}>{msg.scan.savedAs}</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
