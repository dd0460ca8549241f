/**
 * The body of POST /api/export/xlsx: a table the page already shows. Anyone may send one, so the
 * body is read as a stream and dropped past MAX_TABLE_BODY_BYTES (a missing or false
 * Content-Length changes nothing), and the table may hold at most MAX_TABLE_CELLS cells — an 8–25 MB
 * body used to cost minutes and gigabytes.
 */
import { z } from "zod";

import { msg } from "../messages";

export const MAX_TABLE_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_TABLE_CELLS = 300_000;

export const exportTableSchema = z
  .object({
    title: z.string().min(1).max(200),
    columns: z
      .array(z.object({ key: z.string().max(100), header: z.string().max(200), numFmt: z.string().max(40).optional() }))
      .min(1)
      .max(200),
    rows: z.array(z.record(z.string(), z.union([z.string().max(2000), z.number().finite(), z.null()]))).max(50_000),
    notes: z.array(z.string().max(500)).max(10).optional(),
  })
  .refine((t) => t.rows.length * t.columns.length <= MAX_TABLE_CELLS && t.rows.every((r) => Object.keys(r).length <= t.columns.length));
export type ExportTableInput = z.infer<typeof exportTableSchema>;

export type TableRequest = { ok: true; table: ExportTableInput } | { ok: false; status: 400 | 413; error: string };

/** Read at most `max` bytes of a request body; null when it is longer. */
export async function readBodyCapped(request: Request, max: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > max) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    got += value.length;
    if (got > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(got);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function readTableRequest(request: Request): Promise<TableRequest> {
  const bytes = await readBodyCapped(request, MAX_TABLE_BODY_BYTES);
  if (!bytes) return { ok: false, status: 413, error: msg.exportFiles.tableTooLarge(MAX_TABLE_BODY_BYTES / 1024 / 1024) };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, status: 400, error: msg.exportFiles.badTable };
  }
  const parsed = exportTableSchema.safeParse(json);
  if (!parsed.success) return { ok: false, status: 400, error: msg.exportFiles.badTable };
  return { ok: true, table: parsed.data };
}
