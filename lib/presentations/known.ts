/**
 * Presentation generator for the metamorphic reader tests (issue 12).
 *
 * A report whose cells are known is rendered into every presentation real reports reach us in —
 * clean pipe rows, markdown, one cell per line, `|` on its own line, broken pipe rows, flattened
 * rows and pages, PDF-extracted markdown, OCR-like text, an HTML page saved as .txt, Traditional
 * characters, header variants, metadata in odd places — each imitating the real examples in
 * ../shared/fixtures/real-world/reports. The test (presentations.test.ts) reads every rendering
 * back and compares it with the known cells.
 *
 * Pure: no I/O. This file: what a known report and a presentation are.
 */
import { randInt, type Rng } from "../random";
import { T2_SECTIONS, T3_COLUMNS, T4_GROUPS, T4_RESULTS, t2Key, t3Key, t3RowsFor, t4Key, type TableFormat } from "../report/template";

export interface KnownReport {
  agency: string;
  year: number;
  format: "2021" | "2019";
  /** 2021 表二 with a single （六）其他处理 row in 表三 (keys t3.other.*). */
  mixed?: boolean;
  publishedOn: string | null;
  cells: Record<string, number | null>;
}

export interface Presentation {
  id: string;
  label: string;
  /** The rendering destroys information: a reader may leave cells unread (never read them wrong). */
  lossy: boolean;
  render(r: KnownReport, rng: Rng): string;
  /** Agency strings a correct reader may return (default: the known agency only). */
  agencyForms?(r: KnownReport): string[];
}

// ---------------------------------------------------------------------------------------------
// Random helpers

/** A stable 32-bit hash of a string (for per-rendering seeds). */
export function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const int = randInt;

// ---------------------------------------------------------------------------------------------
// Keys of a known report

/** Every key a complete report of this format (mixed or not) prints. */
export function knownKeys(format: TableFormat, mixed = false): string[] {
  const keys: string[] = [];
  for (const s of T2_SECTIONS[format]) for (const r of s.rows) for (const c of s.columns) keys.push(t2Key(r.key, c.key));
  for (const r of t3RowsFor(format, mixed)) for (const c of T3_COLUMNS) keys.push(t3Key(r.key, c.key));
  for (const g of T4_GROUPS) for (const r of T4_RESULTS) keys.push(t4Key(g.key, r.key));
  return keys;
}
