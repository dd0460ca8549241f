"use client";
/**
 * An agency's headline figures over the years. Years with no report are null points: the lines
 * break there (connectNulls off) and the axis marks them 未报送 — a missing year is never 0.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
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
  [metric: string]: number | null | boolean;
}

export function TrendChart({ data, series, height = 340 }: { data: TrendRow[]; series: TrendSeries[]; height?: number }) {
  if (data.length === 0) return <p className="empty">暂无年度数据</p>;
  const filed = new Map(data.map((d) => [d.year, d.filed]));
  return (
    <div className="chart" data-testid="trend-chart" style={{ fontFamily: CHART.font }}>
      <ResponsiveContainer width="100%" height={height}>
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
            formatter={(v, name) => [v === null || v === undefined ? "无数据" : `${v}`, String(name)]}
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
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
