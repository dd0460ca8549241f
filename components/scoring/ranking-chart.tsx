"use client";
/**
 * The ranking as stacked bars: one bar per ranked agency, one segment per indicator. Only ranked
 * (complete) scores are drawn — an incomplete total would look like a low score. Downloads (PNG,
 * SVG, data) come from the shared ChartExport frame, like every other chart.
 */
import { ChartExport } from "@/components/export/chart-export";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartContainer } from "@/components/charts/chart-container";
import { CHART } from "@/components/charts/palette";
import { indicatorColor } from "@/components/charts/palette";

import { msg } from "@/lib/messages";

export interface RankingBar {
  agency: string;
  rank: number;
  total: number;
  [indicatorId: string]: number | string;
}

interface Props {
  rows: RankingBar[];
  indicators: { id: string; name: string }[];
  max: number;
  title: string;
  emptyText: string;
  fileName: string;
}

export function RankingChart(p: Props) {
  if (p.rows.length === 0)
    return (
      <p className="empty" data-testid="ranking-chart-empty">
        {p.emptyText}
      </p>
    );
  const height = Math.max(160, 48 + p.rows.length * 36 + 40);
  return (
    <div data-testid="ranking-chart">
      <ChartExport
        title={p.title}
        subtitle={msg.scoringPage.maxOf(p.max)}
        fileName={p.fileName}
        legend={p.indicators.map((x, i) => ({ label: x.name, color: indicatorColor(i) }))}
        table={{
          columns: [
            { key: "rank", header: msg.scoringPage.rank },
            { key: "agency", header: msg.common.agency },
            { key: "total", header: msg.scoringPage.total },
            ...p.indicators.map((x) => ({ key: x.id, header: x.name })),
          ],
          rows: p.rows.map((r) => ({
            rank: r.rank,
            agency: r.agency,
            total: r.total,
            ...Object.fromEntries(p.indicators.map((x) => [x.id, Number(r[x.id]) || 0])),
          })),
        }}
      >
        <div className="chart" style={{ fontFamily: CHART.font }}>
          <ChartContainer height={height}>
            <BarChart accessibilityLayer={false} data={p.rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, p.max]} stroke={CHART.axis} tick={{ fill: CHART.text, fontSize: 12 }} />
              <YAxis
                type="category"
                dataKey="agency"
                width={250}
                stroke={CHART.axis}
                tick={{ fill: CHART.text, fontSize: 12 }}
                tickFormatter={(v: string) => {
                  const r = p.rows.find((x) => x.agency === v);
                  return r ? `${r.rank}. ${v}` : v;
                }}
              />
              <Tooltip formatter={(v, name) => [msg.scoringPage.pointsValue(Number(v)), String(name)]} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {p.indicators.map((x, i) => (
                <Bar key={x.id} dataKey={x.id} name={x.name} stackId="total" fill={indicatorColor(i)} isAnimationActive={false} />
              ))}
            </BarChart>
          </ChartContainer>
        </div>
      </ChartExport>
    </div>
  );
}
