/**
 * A report's cells as one number array in a fixed key order: what the checks read by the
 * thousand. Postgres writes a float8[] several times faster than the same cells as jsonb (no key
 * names, no decompression of a toasted object), and the client parses it without JSON.parse.
 *
 * `reports.cell_vector` is a generated column computed from `reports.cell_values` with the SQL of
 * `cellVectorSql`, so every writer of cell_values keeps it right without knowing it exists.
 * Slot i holds CELL_VECTOR_KEYS[i]: the cell's value; −Infinity for a cell printed blank; NULL for
 * a cell the report does not print (the rules tell "blank" from "absent"). Not the other way
 * round: postgres.js reads a NULL element of a float8[] as NaN, so NULL and NaN cannot both carry
 * meaning, and no printed count is infinite. Read it as text (cellsFromVectorText).
 *
 * The order is the template's keys, sorted: a template change changes the column's expression, and
 * needs `npm run db:generate` (a migration that recomputes the column). Until then the test "keeps
 * cell_vector equal to cell_values" (db/queries/queries.test.ts) fails on a fresh database.
 */
import { ALL_CELL_KEYS } from "./cell-keys";

export const CELL_VECTOR_KEYS: readonly string[] = [...ALL_CELL_KEYS].sort();

const SAFE_KEY = /^[a-z0-9_.]+$/;

/** The generated column's expression over a jsonb column of cells (keys are template keys, never user input). */
export function cellVectorSql(column: string): string {
  const slots = CELL_VECTOR_KEYS.map((k) => {
    if (!SAFE_KEY.test(k)) throw new Error(`unsafe cell key ${k}`);
    return `case when ${column} ? '${k}' then coalesce((${column} ->> '${k}')::float8, '-Infinity') end`;
  });
  return `array[${slots.join(", ")}]`;
}

/**
 * The cells object back from the vector's text form, `{1,-Infinity,NULL,…}` (select
 * cell_vector::text): absent keys left out, blanks as null. Parsed here rather than by the drivers,
 * whose array parsers go character by character and, in postgres.js, read a NULL element as NaN.
 */
export function cellsFromVectorText(text: string | null, keys: readonly string[] = CELL_VECTOR_KEYS): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (!text || text.length < 3) return out;
  const n = keys.length;
  let i = 0;
  let start = 1;
  const end = text.length - 1; // the closing brace
  while (start <= end && i < n) {
    let stop = text.indexOf(",", start);
    if (stop < 0 || stop > end) stop = end;
    const c = text.charCodeAt(start);
    if (c !== 78 /* N: NULL, absent */) {
      const x = c === 45 /* - */ && text.charCodeAt(start + 1) === 73 /* I */ ? null : Number(text.slice(start, stop));
      out[keys[i]] = x;
    }
    i++;
    start = stop + 1;
  }
  return out;
}

/**
 * Only these cells' slots, as an SQL array expression over the vector column (1-based): read
 * with cellsFromVectorText(text, keys). A ranking needs a handful of a report's ~300 cells.
 */
export function cellVectorSlotsSql(column: string, keys: readonly string[]): string {
  if (keys === CELL_VECTOR_KEYS) return `${column}::text`;
  const slots = keys.map((k) => {
    const i = CELL_VECTOR_KEYS.indexOf(k);
    return i < 0 ? "null::float8" : `${column}[${i + 1}]`;
  });
  return slots.length ? `array[${slots.join(", ")}]::text` : "null::text";
}
