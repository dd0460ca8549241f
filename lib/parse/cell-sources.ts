/**
 * Where each cell of a report was read: kept once per report, as one JSON text beside the values
 * (`reports.cell_sources`), instead of one row per cell. A row per cell cost ~47 KB per report
 * (tuple headers, the key repeated, a primary key and a key index); this form is ~0.7 KB once TOAST
 * has compressed it.
 *
 * Stored as an array aligned with the report's cell keys in sorted order (the keys of
 * `reports.cell_values`, sorted as JavaScript sorts them — byte order, `collate "C"` in SQL), so
 * no key name is written twice. Every writer that changes a report's key set rewrites this array
 * with it (saveReport, correctCell, the demo generator). Entry i is:
 *   - `[table, row, col, at, line, page]` (trailing nulls left out): a location of plain numbers
 *     and a value printed plainly — almost every cell;
 *   - `{ r?, n?, s? }`: `r` the text as printed, left out when it is just the value written plainly
 *     (`String(value)`, "" for a blank), `n` a note, `s` the location (lib/parse/document SourceLoc);
 *   - `null`: no provenance (a cell added by hand).
 * An object keyed by cell (the same entries) is read too: the empty default `{}`.
 */
import type { SourceLoc } from "./document";

export interface StoredCellSource {
  r?: string;
  n?: string;
  s?: SourceLoc;
}
export type StoredEntry = StoredCellSource | (number | null)[] | null;
export type CellSources = StoredEntry[] | Record<string, StoredEntry>;

/** A cell as the pages, exports and packages read it: value with its provenance. */
export interface CellWithSource {
  key: string;
  value: number | null;
  raw: string;
  note: string | null;
  source: SourceLoc;
}

const LOC_FIELDS = ["table", "row", "col", "at", "line", "page"] as const;
const plain = (value: number | null): string => (value === null ? "" : String(value));

/** A location of plain integers in LOC_FIELDS only, as an array; undefined when it has anything else. */
function locArray(loc: SourceLoc): (number | null)[] | undefined {
  const rec = loc as Record<string, unknown>;
  for (const [k, v] of Object.entries(rec)) if (!(LOC_FIELDS as readonly string[]).includes(k) || !Number.isInteger(v)) return undefined;
  const out = LOC_FIELDS.map((f) => (rec[f] === undefined ? null : (rec[f] as number)));
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out.length > 0 ? out : undefined;
}

/** One cell's provenance in its stored form. */
export function packCellSource(
  value: number | null,
  raw: string,
  note: string | null | undefined,
  loc: SourceLoc | undefined,
): StoredEntry {
  const plainRaw = raw === plain(value);
  if (plainRaw && !note && loc) {
    const arr = locArray(loc);
    if (arr) return arr;
  }
  const out: StoredCellSource = {};
  if (!plainRaw) out.r = raw;
  if (note) out.n = note;
  if (loc && Object.keys(loc).length > 0) out.s = loc;
  return out;
}

/** The sorted key order the stored array follows. */
export const sortedKeys = (values: Record<string, unknown>): string[] => Object.keys(values).sort();

/** The stored provenance of a report: one entry per cell of `values`, in sorted key order. */
export function packCellSources(
  values: Record<string, number | null>,
  details: Record<string, { value: number | null; raw: string; note?: string; loc?: SourceLoc }>,
): StoredEntry[] {
  return sortedKeys(values).map((k) => {
    const d = details[k];
    return d ? packCellSource(values[k], d.raw, d.note, d.loc) : null;
  });
}

/** A stored cell back in full; a cell with no stored provenance (added by hand) reads as printed nowhere. */
export function unpackCell(key: string, value: number | null, stored: StoredEntry | undefined): CellWithSource {
  if (stored === null || stored === undefined) return { key, value, raw: "", note: null, source: {} };
  if (Array.isArray(stored)) {
    const source: Record<string, number> = {};
    stored.forEach((v, i) => {
      if (v !== null) source[LOC_FIELDS[i]] = v;
    });
    return { key, value, raw: plain(value), note: null, source: source as SourceLoc };
  }
  return { key, value, raw: stored.r ?? plain(value), note: stored.n ?? null, source: stored.s ?? {} };
}

/** Every cell of a report (its values object and stored provenance), in key order. */
export function unpackCells(values: Record<string, number | null>, sources: CellSources): CellWithSource[] {
  const keys = sortedKeys(values);
  // An array written for another key set (which no writer leaves) would put provenance under the
  // wrong cells: then none is shown rather than a wrong one.
  const aligned = Array.isArray(sources) && sources.length === keys.length ? sources : null;
  return keys.map((k, i) => unpackCell(k, values[k], aligned ? aligned[i] : Array.isArray(sources) ? undefined : sources[k]));
}

/** One cell, or null when the report does not hold it. */
export function unpackOne(values: Record<string, number | null>, sources: CellSources, key: string): CellWithSource | null {
  if (!(key in values)) return null;
  return unpackCells(values, sources).find((c) => c.key === key) ?? null;
}

/** The stored provenance after one cell's value is set (added when new), the printed text kept. */
export function withCorrectedCell(
  values: Record<string, number | null>,
  sources: CellSources,
  key: string,
  value: number | null,
): { values: Record<string, number | null>; sources: StoredEntry[] } {
  const before = unpackCells(values, sources);
  const next = { ...values, [key]: value };
  const byKey = new Map(before.map((c) => [c.key, c]));
  const old = byKey.get(key);
  return {
    values: next,
    sources: sortedKeys(next).map((k) => {
      const c = byKey.get(k);
      if (k !== key) return c ? packCellSource(c.value, c.raw, c.note, c.source) : null;
      // The text the document printed stays, whatever the value is now (the change is in cell_history).
      const entry: StoredCellSource = { r: old?.raw ?? "" };
      if (old?.note) entry.n = old.note;
      if (old && Object.keys(old.source).length > 0) entry.s = old.source;
      return entry;
    }),
  };
}
