/** Reading one printed cell into a value. */

export type CellValue = number | null;

export type ParsedValue = { kind: "value"; value: CellValue; note?: string } | { kind: "text" };

const BLANKS = new Set(["", "/", "／", "—", "——", "-", "－", "–", "无", "\\"]);

/**
 * A number as printed (`1,234`, `24252.311082`, `-18`, `75394432.52元`, `22（其中修订16件）`),
 * or a printed blank (empty, `/`, `—`, `-`, `无`) which is null — never 0.
 * Anything else is text (a label).
 */
export function parseValue(raw: string): ParsedValue {
  const s = raw.normalize("NFKC").replace(/[\s\u00a0]+/g, "");
  if (BLANKS.has(s)) return { kind: "value", value: null };
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:万元|元|件|条|个|项|次)?(\(.*\))?$/.exec(s);
  if (!m) return { kind: "text" };
  const value = Number(`${m[1]}${m[2].replace(/,/g, "")}${m[3] ?? ""}`);
  if (!Number.isFinite(value)) return { kind: "text" };
  const note = m[4] ? raw.normalize("NFKC").trim().slice(raw.normalize("NFKC").trim().indexOf("(")) : undefined;
  return note ? { kind: "value", value, note } : { kind: "value", value };
}
