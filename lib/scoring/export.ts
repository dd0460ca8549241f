/**
 * The ranking as a plain table — one header, one row per agency, numbers left as numbers — which
 * the CSV and the XLSX export both write, so the two files always hold the same figures.
 */
import { scoringMsg as m } from "../messages/scoring";
import type { RankBasis, RankedRow } from "./rank";
import type { Indicator } from "./rubric";
import type { ExportColumn, ExportTable } from "../export/table";

import { msg } from "../messages";

/** The ranking as an export table: the CSV and XLSX writers of lib/export take it as it is. */
export function rankingTable(
  rows: readonly RankedRow[],
  indicators: readonly Pick<Indicator, "id" | "name" | "max">[],
  title = msg.scoringPage.rank,
  basis: RankBasis = "total",
): ExportTable {
  const c = m.columns;
  const columns: ExportColumn[] = [
    { key: "rank", header: c.rank, numFmt: "0" },
    { key: "agency", header: c.agency },
    { key: "region", header: c.region },
    { key: "total", header: c.total, numFmt: "0.##" },
    { key: "max", header: c.max, numFmt: "0.##" },
    // Ranked on the automatic indicators: the figure the rank stands on, beside the total.
    ...(basis === "auto" ? [{ key: "points", header: c.autoPoints, numFmt: "0.##" }] : []),
    ...indicators.map((x) => ({ key: `i:${x.id}`, header: `${x.name}（${x.max}）`, numFmt: "0.##" })),
    { key: "change", header: c.change, numFmt: "+0.##;-0.##;0" },
    { key: "status", header: c.status },
  ];
  return {
    title,
    columns,
    rows: rows.map((r) => {
      const byId = new Map(r.score.items.map((i) => [i.indicatorId, i]));
      return {
        rank: r.rank,
        agency: r.agency,
        region: r.region,
        total: r.score.total,
        max: r.score.max,
        ...(basis === "auto" ? { points: r.points } : {}),
        ...Object.fromEntries(indicators.map((x) => [`i:${x.id}`, byId.get(x.id)?.points ?? null])),
        change: r.change,
        status: r.unranked ?? (r.pending.length ? m.pending(r.pending) : ""),
      };
    }),
  };
}
