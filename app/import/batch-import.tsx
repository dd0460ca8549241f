"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { importBatchFile } from "./actions";
import type { BatchFileResult } from "./schema";
import { isZip, listZip } from "@/lib/parse/archive";
import { MAX_UPLOAD_MB, MAX_ZIP_UNCOMPRESSED_MB } from "@/lib/parse/limits";
import { msg } from "@/lib/messages";
import { ImportOutcomeCells, ImportOutcomeHeads } from "@/components/import/import-outcome";

interface Row extends BatchFileResult {
  name: string;
}

/** A file to send: its bytes read on demand (a zip entry is inflated only when its turn comes). */
type Task = { name: string; read: () => Promise<{ ok: true; bytes: Blob | Uint8Array } | { ok: false; error: string }> };

const MB = 1024 * 1024;

/**
 * Several files or .zip archives at once. Archives are unzipped here in the browser, so that every
 * report goes to the server as its own request — one transaction each, each under the upload
 * limit — and the progress bar moves file by file. One bad file fails alone.
 */
export function BatchImport() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);

  const send = async (batchId: string, name: string, read: Task["read"]): Promise<Row> => {
    const fd = new FormData();
    fd.set("batchId", batchId);
    fd.set("name", name);
    let bytes: Awaited<ReturnType<Task["read"]>>;
    try {
      bytes = await read();
    } catch {
      bytes = { ok: false, error: msg.errors.zipEntryUnreadable(name) };
    }
    if (!bytes.ok) fd.set("clientError", bytes.error);
    else
      fd.set(
        "file",
        bytes.bytes instanceof Blob ? bytes.bytes : new Blob([bytes.bytes as Uint8Array<ArrayBuffer>]),
        name.split("/").pop() ?? name,
      );
    try {
      return { name, ...(await importBatchFile(fd)) };
    } catch {
      // The request itself failed: over the server's body limit, or the connection dropped.
      return { name, status: "failed", message: msg.errors.uploadFailed(MAX_UPLOAD_MB) };
    }
  };

  const start = async () => {
    if (files.length === 0) return;
    setRunning(true);
    setRows([]);
    const batchId = `batch-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const tasks: Task[] = [];
    for (const file of files) {
      const refuse = (error: string) => tasks.push({ name: file.name, read: async () => ({ ok: false, error }) });
      const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
      if (isZip(head, file.name)) {
        if (file.size > MAX_ZIP_UNCOMPRESSED_MB * MB) {
          refuse(msg.errors.zipTooLarge(MAX_ZIP_UNCOMPRESSED_MB));
          continue;
        }
        const zip = await listZip(await file.arrayBuffer());
        if (!zip.ok) refuse(zip.error);
        else if (zip.entries.length === 0 && zip.unsupported.length === 0) refuse(msg.errors.zipEmpty);
        else {
          for (const u of zip.unsupported)
            tasks.push({ name: `${file.name}/${u.path}`, read: async () => ({ ok: false, error: u.error }) });
          for (const e of zip.entries) tasks.push({ name: `${file.name}/${e.path}`, read: e.read });
        }
        continue;
      }
      // Refused before sending: the server would stop reading it at its limit anyway.
      if (file.size > MAX_UPLOAD_MB * MB) refuse(msg.errors.tooLargeFile(file.name, file.size / MB, MAX_UPLOAD_MB));
      else tasks.push({ name: file.name, read: async () => ({ ok: true, bytes: file }) });
    }
    setProgress({ done: 0, total: tasks.length });
    const done: Row[] = [];
    for (const t of tasks) {
      done.push(await send(batchId, t.name, t.read));
      setRows([...done]);
      setProgress({ done: done.length, total: tasks.length });
    }
    setRunning(false);
    router.refresh();
  };

  const count = (s: Row["status"]) => rows.filter((r) => r.status === s).length;

  return (
    <div className="card" data-testid="batch-import">
      <h2 style={{ marginTop: 0 }}>{msg.importPage.batchTitle}</h2>
      <p className="muted">{msg.importPage.batchIntro(MAX_UPLOAD_MB, MAX_ZIP_UNCOMPRESSED_MB)}</p>
      <div className="form-row">
        <label>
          {msg.importPage.chooseFiles}
          <input
            ref={input}
            type="file"
            multiple
            accept=".txt,.md,.html,.htm,.pdf,.docx,.doc,.wps,.zip,text/plain,text/html,application/pdf,application/zip"
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            disabled={running}
          />
        </label>
        <button type="button" onClick={start} disabled={running || files.length === 0}>
          {running ? msg.common.importing : msg.importPage.start(files.length ? msg.importPage.fileCount(files.length) : "")}
        </button>
      </div>
      {progress && (
        <div style={{ marginTop: "0.75rem" }}>
          <progress value={progress.done} max={progress.total || 1} aria-label={msg.importPage.progress} style={{ width: "100%" }} />
          <p className="muted" role="status" data-testid="batch-progress">
            {msg.import.batchProgress(progress.done, progress.total)}
            {!running && `。${msg.import.batchSummary(rows.length, count("created"), count("updated"), count("failed"))}`}
          </p>
        </div>
      )}
      {rows.length > 0 && (
        <table className="list" data-testid="batch-results">
          <thead>
            <tr>
              <th>{msg.common.file}</th>
              <ImportOutcomeHeads />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-status={r.status}>
                <td>{r.name}</td>
                <ImportOutcomeCells status={r.status} message={r.message} reportId={r.reportId} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
