/**
 * Where each cell of a report was read: kept once per report, as one jsonb object beside the
 * values (`reports.cell_sources`), instead of one row per cell. A row per cell cost ~47 KB per
 * report (tuple headers, the key repeated, a primary key and a key index); the same provenance as
 * one short-keyed object is a few hundred bytes once TOAST has compressed it.
 *
 * Stored per key: `r` the text as printed, left out when it is just the value written plainly
 * (`String(value)`, "" for a blank) — most cells — so nothing is lost; `n` a note; `s` the
 * location (lib/parse/document SourceLoc), left out when unknown. The value itself lives in
 * `reports.cell_values` (and its generated `cell_vector`), never here.
 */
import type { SourceLoc } from "./document";

export interface StoredCellSource {
  r?: string;
  n?: string;
  s?: SourceLoc;
}
export type CellSources = Record<string, StoredCellSource>;

/** A cell as the pages, exports and packages read it: value with its provenance. */
export interface CellWithSource {
  key: string;
  value: number | null;
  raw: string;
  note: string | null;
  source: SourceLoc;
}

const plain = (value: number | null): string => (value === null ? "" : String(value));

/** One cell's provenance in its stored form. */
export function packCellSource(
  value: number | null,
  raw: string,
  note: string | null | undefined,
  loc: SourceLoc | undefined,
): StoredCellSource {
  const out: StoredCellSource = {};
  if (raw !== plain(value)) out.r = raw;
  if (note) out.n = note;
  if (loc && Object.keys(loc).length > 0) out.s = loc;
  return out;
}

/** The provenance of every read cell of a parsed report, in its stored form. */
export function packCellSources(
  details: Record<string, { value: number | null; raw: string; note?: string; loc?: SourceLoc }>,
): CellSources {
  const out: CellSources = {};
  for (const [key, c] of Object.entries(details)) out[key] = packCellSource(c.value, c.raw, c.note, c.loc);
  return out;
}

/** A stored cell back in full; a cell with no stored provenance (added by hand) reads as printed plainly nowhere. */
export function unpackCell(key: string, value: number | null, stored: StoredCellSource | undefined): CellWithSource {
  return {
    key,
    value,
    raw: stored ? (stored.r ?? plain(value)) : "",
    note: stored?.n ?? null,
    source: stored?.s ?? {},
  };
}

/** Every cell of a report (its values object and provenance object), in key order. */
export function unpackCells(values: Record<string, number | null>, sources: CellSources): CellWithSource[] {
  return Object.keys(values)
    .sort()
    .map((k) => unpackCell(k, values[k], sources[k]));
}
