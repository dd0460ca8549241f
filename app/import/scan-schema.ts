import { z } from "zod";

/** The files come as the form's `files` entries; nothing else is read. */
export const uploadScanSchema = z.object({});
export type UploadScanResult = { ok: true; scanId: number } | { ok: false; error: string };
