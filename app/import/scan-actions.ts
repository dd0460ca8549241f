"use server";
import { defineAction, type Prepared } from "@/db/queries/actions";
import { createScan } from "@/db/queries/scans";
import { isPdf } from "@/lib/parse/pdf";
import { isImage } from "@/lib/parse/scan";
import { MAX_SCAN_PAGES, MAX_UPLOAD_MB } from "@/lib/parse/limits";
import { msg } from "@/lib/messages";
import { serverAction } from "@/app/server-action";
import { uploadScanSchema, type UploadScanResult } from "./scan-schema";

/**
 * A scanned report (one image-only PDF, or page images in page order): stored with its OCR job in
 * one transaction. OCR runs in the background (db/jobs.ts "scan.ocr"); the import page polls it
 * and previews the result like any other upload.
 */
export const uploadScan = serverAction(
  defineAction({
    write: "scan.upload",
    input: uploadScanSchema,
    fields: () => ({}),
    fail: (error: string): UploadScanResult => ({ ok: false, error }),
    prepare: async (_db, _input, form): Promise<Prepared<{ name: string; bytes: Uint8Array }[], UploadScanResult>> => {
      const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
      if (!files.length) return { ok: false, result: { ok: false as const, error: msg.errors.empty } };
      if (files.length > MAX_SCAN_PAGES) return { ok: false, result: { ok: false as const, error: msg.scan.tooManyPages(MAX_SCAN_PAGES) } };
      const total = files.reduce((n, f) => n + f.size, 0);
      if (total > MAX_UPLOAD_MB * 1024 * 1024)
        return { ok: false, result: { ok: false as const, error: msg.errors.tooLarge(MAX_UPLOAD_MB) } };
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const pdf = read.length === 1 && isPdf(read[0].bytes);
      if (!pdf && !read.every((f) => isImage(f.bytes))) return { ok: false, result: { ok: false as const, error: msg.scan.mixedUpload } };
      return { ok: true, value: read };
    },
    target: () => ({}),
    run: async (tx, files, actor) => {
      const scanId = await createScan(tx, files, actor?.id ?? null);
      return {
        result: { ok: true as const, scanId },
        audit: {
          action: "scan.upload",
          target: `scan:${scanId}`,
          after: { files: files.map((f) => f.name), bytes: files.reduce((n, f) => n + f.bytes.length, 0) },
        },
      };
    },
  }),
);
