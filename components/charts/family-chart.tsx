"use client";
/**
 * One family of an agency's figures over the years. Years without a report are null rows: lines
 * break and bars are absent there, and the axis says 未报送 — never a 0. Where the table format
 * changes (2019 → 2021) a marked line shows the break; series of one format only are separate
 * lines. Every point and bar links to its source cell.
 */
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartContainer } from "@/components/charts/chart-container";
import { CHART } from "./palette";

export interface FamilyChartSeries {
  id: string;
  label: string;
  color: string;
  cell: string;
}

export interface FamilyChartRow {
  year: number;
  filed: boolean;
  format: "2021" | "2019" | "pre2019" | null;
  reportId: number | null;
  [series: string]: number | null | boolean | string;
}

const fmt = (v: number, unit: string) => {
  if (unit === "%") return `${(v * 100).toFixed(1)}%`;
  if (Math.abs(v) >= 1e8) return `${(v / 1e8).toFixed(1).replace(/\.0$/, "")}亿`;
  if (Math.abs(v) >= 1e4) return `${(v / 1e4).toFixed(1).replace(/\.0$/, "")}万`;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
};

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
  const tick = (y: number) => {
    const r = byYear.get(y);
    if (!r?.filed) return `${y}（未报送）`;
    if (r.format === "pre2019") return `${y}（无表格）`;
    return String(y);
  };
  const hrefOf = (year: number, s: FamilyChartSeries) => {
    const r = byYear.get(year);
    if (!r?.reportId) return null;
    return s.cell ? `/reports/${r.reportId}?cell=${encodeURIComponent(s.cell)}` : `/reports/${r.reportId}`;
  };
  const axis = (
    <>
      <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
      <XAxis dataKey="year" stroke={CHART.axis} tick={{ fill: CHART.text, fontSize: 11 }} tickFormatter={tick} interval={0} />
      <YAxis stroke={CHART.axis} tick={{ fill: CHART.text, fontSize: 11 }} tickFormatter={(v: number) => fmt(v, unit)} width={56} />
      <Tooltip
        formatter={(v, name) => [v === null || v === undefined ? "无数据" : fmt(Number(v), unit), String(name)]}
        labelFormatter={(y) => tick(Number(y))}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {breakYear !== null && (
        <ReferenceLine x={breakYear} stroke="#9333ea" strokeDasharray="4 3" label={{ value: "格式变更", position: "insideTopLeft", fill: "#9333ea", fontSize: 11 }} />
      )}
    </>
  );
  return (
    <div className="chart" data-testid={testId} style={{ fontFamily: CHART.font }}>
      <ChartContainer height={height}>
        {kind === "stacked" ? (
          <BarChart data={rows} margin={{ top: 12, right: 16, bottom: 4, left: 4 }}>
            {axis}
            {series.map((s) => (
              <Bar
                key={s.id}
                dataKey={s.id}
                name={s.label}
                stackId="a"
                fill={s.color}
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
          <LineChart data={rows} margin={{ top: 12, right: 16, bottom: 4, left: 4 }}>
            {axis}
            {series.map((s) => (
              <Line
                key={s.id}
                dataKey={s.id}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
                dot={(p: { cx?: number; cy?: number; value?: unknown; payload?: { year: number }; index?: number }) => {
                  const href = p.payload ? hrefOf(p.payload.year, s) : null;
                  if (p.value === null || p.value === undefined || p.cx === undefined || p.cy === undefined || !href)
                    return <g key={`${s.id}-${p.index}`} />;
                  return (
                    <a key={`${s.id}-${p.index}`} href={href} data-testid="chart-point" aria-label={`${s.label} ${p.payload?.year} 年：打开来源`}>
                      <circle cx={p.cx} cy={p.cy} r={4} fill="#fff" stroke={s.color} strokeWidth={2} style={{ cursor: "pointer" }} />
                    </a>
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
