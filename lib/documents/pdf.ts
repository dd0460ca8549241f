/**
 * .docx → PDF with LibreOffice (Debian's libreoffice-writer-nogui), so the PDF is the Word
 * document itself, page for page, not a second rendering that could drift from it. One conversion
 * at a time, each with its own throwaway profile (two soffice processes sharing a profile block),
 * and a time limit.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const CANDIDATES = [process.env.SOFFICE_PATH, "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"];

export function sofficePath(): string | null {
  return CANDIDATES.find((p): p is string => Boolean(p && existsSync(p))) ?? null;
}

let queue: Promise<unknown> = Promise.resolve();

export class PdfUnavailable extends Error {}

export async function docxToPdf(docx: Uint8Array, timeoutMs = 90_000): Promise<Uint8Array> {
  const bin = sofficePath();
  if (!bin) throw new PdfUnavailable("soffice not found");
  const run = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dd-pdf-"));
    try {
      const input = path.join(dir, "doc.docx");
      await writeFile(input, docx);
      await new Promise<void>((resolve, reject) => {
        const p = spawn(
          bin,
          [
            `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`,
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            input,
          ],
          { stdio: "ignore" },
        );
        const timer = setTimeout(() => {
          p.kill("SIGKILL");
          reject(new Error("soffice timed out"));
        }, timeoutMs);
        p.on("error", (e) => {
          clearTimeout(timer);
          reject(e);
        });
        p.on("exit", (code) => {
          clearTimeout(timer);
          if (code === 0) resolve();
          else reject(new Error(`soffice exited ${code}`));
        });
      });
      return new Uint8Array(await readFile(path.join(dir, "doc.pdf")));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
