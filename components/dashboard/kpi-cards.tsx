import Link from "next/link";
import type { Kpi } from "@/lib/dashboard/kpis";
import { formatDelta, formatPercent, formatValue } from "@/lib/dashboard/number-format";
import { msg } from "@/lib/messages";
import { cellHref } from "./links";
import { Sparkline } from "./sparkline";
import { SPARK_NEUTRAL, TONE_COLORS } from "@/components/charts/palette";

const dash = msg.dashboard;

/** KPI cards: value, 同比 change, % and ▲/▼ coloured by what the measure means, a sparkline. */
export function KpiCards({ kpis }: { kpis: Kpi[] }) {
  if (kpis.length === 0) return <p className="empty">{dash.noTables}</p>;
  return (
    <div className="kpis" data-testid="kpi-cards">
      {kpis.map((k) => {
        const c = k.change;
        const arrow = c.direction === "up" ? "▲" : c.direction === "down" ? "▼" : c.direction === "flat" ? "＝" : "";
        const color = TONE_COLORS[c.tone];
        return (
          <div className="kpi" key={k.id} data-testid={`kpi-${k.id}`}>
            <div className="kpi-label">
              {k.label}{" "}
              <span className="muted">
                {k.year}
                {msg.agencyPage.yearSuffixShort}
              </span>
            </div>
            <div className="kpi-value">
              {k.hidden === "small-base" ? (
                <span className="muted" title={dash.smallBase(k.baseLabel ?? "", k.base)}>
                  {dash.hiddenShort}
                </span>
              ) : (
                <Link href={cellHref(k.reportId, k.cell)} title={dash.openSource}>
                  {formatValue(c.value, k.unit)}
                </Link>
              )}
            </div>
            <div className="kpi-change" style={{ color }}>
              {k.hidden === "small-base" ? (
                <span className="muted">{dash.smallBase(k.baseLabel ?? "", k.base)}</span>
              ) : k.prevMissing ? (
                <span className="muted">{dash.prevMissing}</span>
              ) : c.delta === null ? (
                <span className="muted">{dash.noYoy}</span>
              ) : (
                <>
                  {arrow} {formatDelta(c.delta, k.unit)}
                  {c.pct !== null && (
                    <>
                      {" "}
                      （{c.pct > 0 ? "+" : ""}
                      {formatPercent(c.pct)}）
                    </>
                  )}
                  <span className="muted">{msg.agencyPage.yoy}</span>
                </>
              )}
            </div>
            <Sparkline
              values={k.spark}
              color={color === TONE_COLORS.neutral ? SPARK_NEUTRAL : color}
              label={msg.agencyPage.trendOf(k.label)}
            />
          </div>
        );
      })}
    </div>
  );
}
