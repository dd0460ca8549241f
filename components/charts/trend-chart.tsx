"use client";
/**
 * An agency's headline figures over the years. Years with no report are null points: the lines
 * break there (connectNulls off) and the axis marks them 未报送 — a missing year is never 0.
 * A value the report's text states (pre-2019, no tables) is drawn as a dashed hollow ring and says
 * 正文所述 in the tooltip, so it is never read as a table cell.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartContainer } from "@/components/charts/chart-container";
import { dash } from "@/lib/dashboard/messages";
import { CHART } from "./palette";

export interface TrendSeries {
  id: string;
  label: string;
  color: string;
  unit: string;
}

export interface TrendRow {
  year: number;
  filed: boolean;
  values: Record<string, number | null>;
  /** Series whose value this year the report's text states rather than its tables. */
  stated: readonly string[];
}

interface DotProps {
  cx?: number;
  cy?: number;
  value?: unknown;
  index?: number;
  payload?: { year: number };
}

export function TrendChart({ rows, series, height = 340 }: { rows: TrendRow[]; series: TrendSeries[]; height?: number }) {
  if (rows.length === 0) return <p className="empty">暂无年度数据</p>;
  const filed = new Map(rows.map((r) => [r.year, r.filed]));
  const stated = new Map(rows.map((r) => [r.year, new Set(r.stated)]));
  const isStated = (year: number | undefined, id: string) => year !== undefined && (stated.get(year)?.has(id) ?? false);
  const data = rows.map((r) => ({ year: r.year, ...r.values }));
  return (
    <div className="chart" data-testid="trend-chart" style={{ fontFamily: CHART.font }}>
      <ChartContainer height={height}>
        <LineChart data={data} margin={{ top: 12, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="year"
            stroke={CHART.axis}
            tick={{ fill: CHART.text, fontSize: 12 }}
            tickFormatter={(y: number) => (filed.get(y) ? `${y}` : `${y}（未报送）`)}
          />
          <YAxis stroke={CHART.axis} tick={{ fill: CHART.text, fontSize: 12 }} allowDecimals={false} />
          <Tooltip
            formatter={(v, name, item) => {
              if (v === null || v === undefined) return ["无数据", String(name)];
              const year = (item?.payload as { year?: number } | undefined)?.year;
              return [isStated(year, String(item?.dataKey)) ? `${v}（${dash.headline.statedMark}）` : `${v}`, String(name)];
            }}
            labelFormatter={(y) => `${y} 年${filed.get(Number(y)) ? "" : "（未报送）"}`}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Line
              key={s.id}
              dataKey={s.id}
              name={`${s.label}（${s.unit}）`}
              stroke={s.color}
              strokeWidth={2}
              dot={(p: DotProps) => {
                const key = `${s.id}-${p.index}`;
                if (p.value === null || p.value === undefined || p.cx === undefined || p.cy === undefined) return <g key={key} />;
                return isStated(p.payload?.year, s.id) ? (
                  <circle key={key} data-testid="stated-point" cx={p.cx} cy={p.cy} r={5} fill="#fff" stroke={s.color} strokeWidth={2} strokeDasharray="2 2" />
                ) : (
                  <circle key={key} cx={p.cx} cy={p.cy} r={3} fill="#fff" stroke={s.color} strokeWidth={2} />
                );
              }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ChartContainer>
    </div>
  );
}
