import { z } from "zod";

const regionId = z
  .string()
  .optional()
  .transform((s) => (s && /^\d+$/.test(s) ? Number(s) : null));

export const importSourcesSchema = z.object({ regionId });
export const startHarvestSchema = z.object({ regionId });
export const saveSourceSchema = z.object({
  agencyId: z.coerce.number().int().positive(),
  // Empty: remove the source.
  listUrl: z.string().trim().max(2000).default(""),
});

export type SourcesImportResult = { ok: true; message: string } | { ok: false; error: string };
export type StartHarvestResult = { ok: true; jobId: number; message: string } | { ok: false; error: string };
export type SaveSourceResult = { ok: true; message: string } | { ok: false; error: string };
