/** The columns npm run demo:generate COPYs, and each cell's stored provenance as JSON fragments. */
import { FIGURES, figureColumn } from "../lib/dashboard/figures";
import { packCellSource } from "../lib/parse/cell-sources";
import type { TableFormat } from "../lib/report/template";
import { sourceMaps } from "../lib/presentations/demo-province";

export const REPORT_COLUMNS = [
  "id",
  "agency_id",
  "year",
  "format",
  "published_on",
  "title",
  "source_name",
  "source_kind",
  "source_text",
  "narrative",
  "cell_values",
  "cell_sources",
  "parser_version",
  "imported_at",
] as const;
export const FIGURE_COLUMNS = [
  "report_id",
  "agency_id",
  "year",
  "format",
  "imported_at",
  "days_late",
  ...FIGURES.map((f) => figureColumn(f.id)),
];
export const FINDING_COLUMNS = ["report_id", "year", "rule", "severity", "cells", "message", "fingerprint"] as const;
export const LOG_COLUMNS = ["batch_id", "source_name", "status", "message", "agency_id", "year", "report_id"] as const;

/**
 * Each cell's stored provenance (lib/parse/cell-sources.ts) as a JSON fragment per format and
 * key: the fake document prints every value plainly, so only the location is kept.
 */
export function sourceFragments(): Record<TableFormat, { byKey: Map<string, string>; all: string }> {
  const maps = sourceMaps();
  const out = {} as Record<TableFormat, { byKey: Map<string, string>; all: string }>;
  for (const format of ["2021", "2019"] as const) {
    const byKey = new Map(Object.entries(maps[format]).map(([k, loc]) => [k, JSON.stringify(packCellSource(null, "", null, loc))]));
    out[format] = {
      byKey,
      all: `[${[...byKey.keys()]
        .sort()
        .map((k) => byKey.get(k))
        .join(",")}]`,
    };
  }
  return out;
}
