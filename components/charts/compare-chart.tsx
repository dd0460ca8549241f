"use client";
/**
 * Several agencies on one measure over the years: one line per agency. A year an agency did not
 * report (or whose base is too small for a rate) is a gap. Each point opens its source cell.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { unitLabel, valueAxisProps } from "./axes";
import { ChartContainer } from "@/components/charts/chart-container";
import { CHART } from "./palette";
import { cellHref } from "@/components/dashboard/links";
import { dash } from "@/lib/messages/dashboard";
import { valueAxis } from "@/lib/dashboard/axis";
import { formatValue } from "@/lib/dashboard/number-format";

export interface CompareLine {
  id: string;
  label: string;
  color: string;
}

export type CompareRow = { year: number } & Record<string, number | null | string>;

export function CompareChart({
  rows,
  lines,
  unit,
  cell,
  height = 360,
}: {
  rows: CompareRow[];
  lines: CompareLine[];
  unit: string;
  cell: string;
  height?: number;
}) {
  const yAxis = valueAxis(
    rows.flatMap((r) => lines.map((l) => (typeof r[l.id] === "number" ? (r[l.id] as number) : null))),
    unit,
  );
  return (
    <div className="chart" data-testid="compare-chart" style={{ fontFamily: CHART.font }}>
      <ChartContainer height={height}>
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 24, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
          <XAxis dataKey="year" stroke={CHART.axis} tick={{ fill: CHART.text, fontSize: 12 }} />
          <YAxis {...valueAxisProps(yAxis, 12)} width={52} label={unitLabel(yAxis)} />
          <Tooltip
            formatter={(v, name) => [v === null || v === undefined ? dash.chart.noValue : formatValue(Number(v), unit), String(name)]}
            labelFormatter={(y) => dash.chart.yearLabel(Number(y), "")}
          />
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
                if (p.value === null || p.value === undefined || p.cx === undefined || p.cy === undefined || !reportId)
                  return <g key={`${l.id}-${p.index}`} />;
                return (
                  <a
                    key={`${l.id}-${p.index}`}
                    href={cellHref(Number(reportId), cell)}
                    data-testid="chart-point"
                    aria-label={dash.chart.pointLabel(l.label, p.payload!.year, formatValue(Number(p.value), unit))}
                  >
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
