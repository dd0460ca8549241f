"use client";
/**
 * Several agencies on one measure over the years: one line per agency. A year an agency did not
 * report (or whose base is too small for a rate) is a gap. Each point opens its source cell.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartContainer } from "@/components/charts/chart-container";
import { CHART } from "./palette";

export interface CompareLine {
  id: string;
  label: string;
  color: string;
}

export type CompareRow = { year: number } & Record<string, number | null | string>;

const fmt = (v: number, unit: string) => {
  if (unit === "%") return `${(v * 100).toFixed(1)}%`;
  if (Math.abs(v) >= 1e8) return `${(v / 1e8).toFixed(1).replace(/\.0$/, "")}亿`;
  if (Math.abs(v) >= 1e4) return `${(v / 1e4).toFixed(1).replace(/\.0$/, "")}万`;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
};

export function CompareChart({ rows, lines, unit, cell, height = 360 }: { rows: CompareRow[]; lines: CompareLine[]; unit: string; cell: string; height?: number }) {
  return (
    <div className="chart" data-testid="compare-chart" style={{ fontFamily: CHART.font }}>
      <ChartContainer height={height}>
        <LineChart data={rows} margin={{ top: 12, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
          <XAxis dataKey="year" stroke={CHART.axis} tick={{ fill: CHART.text, fontSize: 12 }} />
          <YAxis stroke={CHART.axis} tick={{ fill: CHART.text, fontSize: 12 }} tickFormatter={(v: number) => fmt(v, unit)} width={60} />
          <Tooltip formatter={(v, name) => [v === null || v === undefined ? "无数据" : fmt(Number(v), unit), String(name)]} labelFormatter={(y) => `${y} 年`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {lines.map((l) => (
            <Line
              key={l.id}
              dataKey={l.id}
              name={l.label}
              stroke={l.color}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
              dot={(p: { cx?: number; cy?: number; value?: unknown; payload?: CompareRow; index?: number }) => {
                const reportId = p.payload?.[`r_${l.id}`];
                if (p.value === null || p.value === undefined || p.cx === undefined || p.cy === undefined || !reportId) return <g key={`${l.id}-${p.index}`} />;
                return (
                  <a key={`${l.id}-${p.index}`} href={`/reports/${reportId}?cell=${encodeURIComponent(cell)}`} data-testid="chart-point" aria-label={`${l.label} ${p.payload?.year} 年：打开来源`}>
                    <circle cx={p.cx} cy={p.cy} r={4} fill="#fff" stroke={l.color} strokeWidth={2} />
                  </a>
                );
              }}
            />
          ))}
        </LineChart>
      </ChartContainer>
    </div>
  );
}
