"use client";
/**
 * One family of an agency's figures over the years. Years without a report are null rows: lines
 * break and bars are absent there, and the axis says 未报送 — never a 0. Where the table format
 * changes (2019 → 2021) a marked line shows the break; series of one format only are separate
 * lines. Every point and bar links to its source cell.
 */
import { useRouter } from "next/navigation";
import { seriesLineProps, unitLabel, valueAxisProps, yearAxisProps } from "./axes";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartContainer } from "@/components/charts/chart-container";
import { cellHref } from "@/components/dashboard/links";
import { CHART, seriesColor } from "./palette";
import { PointLink } from "./point-link";
import { dash } from "@/lib/messages/dashboard";
import { valueAxis } from "@/lib/dashboard/axis";
import { formatValue } from "@/lib/dashboard/number-format";

export interface FamilyChartSeries {
  id: string;
  label: string;
  cell: string;
}

export interface FamilyChartRow {
  year: number;
  filed: boolean;
  format: "2021" | "2019" | "pre2019" | null;
  reportId: number | null;
  [series: string]: number | null | boolean | string;
}

/**
 * A year tick in two lines: the year, and under it in small grey type 未报送 / 无表格 when that
 * applies — "2016（无表格）" on one line overlapped its neighbours on every narrow chart. Recharts
 * measures the short form (the year) to drop ticks that would still collide.
 */
export function YearTick({ x, y, payload, note }: { x?: number; y?: number; payload?: { value: number }; note: (year: number) => string }) {
  if (x === undefined || y === undefined || !payload) return null;
  const extra = note(payload.value);
  return (
    <g transform={`translate(${x},${y})`}>
      <text textAnchor="middle" dy={12} fill={CHART.text} fontSize={11}>
        {payload.value}
      </text>
      {extra && (
        <text textAnchor="middle" dy={24} fill={CHART.axis} fontSize={9}>
          {extra}
        </text>
      )}
    </g>
  );
}

export function FamilyChart({
  rows,
  series,
  kind,
  unit,
  breakYear,
  height = 260,
  testId = "family-chart",
}: {
  rows: FamilyChartRow[];
  series: FamilyChartSeries[];
  kind: "line" | "stacked";
  unit: string;
  breakYear: number | null;
  height?: number;
  testId?: string;
}) {
  const router = useRouter();
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const note = (y: number) => {
    const r = byYear.get(y);
    if (!r?.filed) return dash.notFiled;
    if (r.format === "pre2019") return dash.chart.noTablesShort;
    return "";
  };
  const tick = (y: number) => dash.chart.yearLabel(y, note(y));
  const values =
    kind === "stacked"
      ? rows.map((r) =>
          series.reduce<number | null>((sum, s) => (typeof r[s.id] === "number" ? (sum ?? 0) + (r[s.id] as number) : sum), null),
        )
      : rows.flatMap((r) => series.map((s) => (typeof r[s.id] === "number" ? (r[s.id] as number) : null)));
  const yAxis = valueAxis(values, unit);
  const hrefOf = (year: number, s: FamilyChartSeries) => {
    const r = byYear.get(year);
    if (!r?.reportId) return null;
    return cellHref(r.reportId, s.cell || undefined);
  };
  const axis = (
    <>
      <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
      <XAxis {...yearAxisProps} tick={<YearTick note={note} />} tickFormatter={(y: number) => String(y)} />
      <YAxis {...valueAxisProps(yAxis)} width={48} label={unitLabel(yAxis)} />
      <Tooltip
        formatter={(v, name) => [v === null || v === undefined ? dash.chart.noValue : formatValue(Number(v), unit), String(name)]}
        labelFormatter={(y) => tick(Number(y))}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {breakYear !== null && (
        <ReferenceLine
          x={breakYear}
          stroke={CHART.formatBreak}
          strokeDasharray="4 3"
          label={{ value: dash.chart.formatBreak, position: "insideTopLeft", fill: CHART.formatBreak, fontSize: 11 }}
        />
      )}
    </>
  );
  return (
    <div className="chart" data-testid={testId} style={{ fontFamily: CHART.font }}>
      <ChartContainer height={height}>
        {kind === "stacked" ? (
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 24, right: 16, bottom: 4, left: 4 }}>
            {axis}
            {series.map((s) => (
              <Bar
                key={s.id}
                dataKey={s.id}
                name={s.label}
                stackId="a"
                fill={seriesColor(s.id)}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(d: { payload?: { year?: number } }) => {
                  const href = d?.payload?.year ? hrefOf(d.payload.year, s) : null;
                  if (href) router.push(href);
                }}
              />
            ))}
          </BarChart>
        ) : (
          <LineChart accessibilityLayer={false} data={rows} margin={{ top: 24, right: 16, bottom: 4, left: 4 }}>
            {axis}
            {series.map((s) => (
              <Line
                key={s.id}
                {...seriesLineProps(s)}
                dot={(p: { cx?: number; cy?: number; value?: unknown; payload?: { year: number }; index?: number }) => {
                  const href = p.payload ? hrefOf(p.payload.year, s) : null;
                  if (p.value === null || p.value === undefined || p.cx === undefined || p.cy === undefined || !href)
                    return <g key={`${s.id}-${p.index}`} />;
                  return (
                    <PointLink
                      key={`${s.id}-${p.index}`}
                      href={href}
                      label={dash.chart.pointLabel(s.label, p.payload!.year, formatValue(Number(p.value), unit))}
                      color={seriesColor(s.id)}
                      cx={p.cx}
                      cy={p.cy}
                      r={4}
                    />
                  );
                }}
              />
            ))}
          </LineChart>
        )}
      </ChartContainer>
    </div>
  );
}
