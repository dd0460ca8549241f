"use client";
/**
 * An agency's headline figures over the years, as small multiples: one small chart per measure,
 * each on its own round-stepped scale, so 本年新收申请 (hundreds) is never a flat line under 行政许可
 * (tens of thousands) — on screen and in the exported image alike (the export lays the small charts
 * out as one picture, titles included, from their data-export-label).
 *
 * Years with no report are null points: lines break there (connectNulls off) — a missing year is
 * never 0. A value the report's text states (pre-2019, no tables) is drawn as a dashed hollow ring
 * and says 正文所述 in the tooltip. Every point links to its cell in the source report.
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { seriesLineProps, valueAxisProps, yearAxisProps } from "./axes";
import { dash } from "@/lib/messages/dashboard";
import { valueAxis } from "@/lib/dashboard/axis";
import { formatValue } from "@/lib/dashboard/number-format";
import { ChartContainer, ExportWidth, useExportWidth } from "@/components/charts/chart-container";
import { cellHref } from "@/components/dashboard/links";
import { YearTick } from "./family-chart";
import { CHART, seriesColor } from "./palette";
import { PointLink } from "./point-link";

export interface TrendSeries {
  id: string;
  label: string;
  unit: string;
  /** The template cell a point opens. */
  cell: string;
}

export interface TrendRow {
  year: number;
  filed: boolean;
  reportId: number | null;
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

function TrendMultiple({ rows, s, height }: { rows: TrendRow[]; s: TrendSeries; height: number }) {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const isStated = (year: number | undefined) => year !== undefined && (byYear.get(year)?.stated.includes(s.id) ?? false);
  const data = rows.map((r) => ({ year: r.year, [s.id]: r.values[s.id] ?? null }));
  const axis = valueAxis(
    rows.map((r) => r.values[s.id]),
    s.unit,
  );
  const c = dash.chart;
  return (
    <div className="trend-multiple" data-testid="trend-multiple">
      <div className="trend-multiple-title" data-export-label="">
        <span className="swatch" style={{ background: seriesColor(s.id) }} aria-hidden="true" />
        {dash.headline.multipleTitle(s.label, axis.unit)}
      </div>
      <ChartContainer height={height}>
        <LineChart data={data} margin={{ top: 8, right: 14, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
          <XAxis
            {...yearAxisProps}
            tick={<YearTick note={(y) => (byYear.get(y)?.filed ? "" : dash.notFiled)} />}
            tickFormatter={c.shortTick}
          />
          <YAxis {...valueAxisProps(axis)} width={44} allowDecimals />
          <Tooltip
            formatter={(v, _name, item) => {
              if (v === null || v === undefined) return [c.noValue, s.label];
              const year = (item?.payload as { year?: number } | undefined)?.year;
              const text = formatValue(Number(v), s.unit);
              return [isStated(year) ? `${text}（${dash.headline.statedMark}）` : text, s.label];
            }}
            labelFormatter={(y) => c.yearLabel(Number(y), byYear.get(Number(y))?.filed ? "" : dash.notFiled)}
          />
          <Line
            {...seriesLineProps(s)}
            dot={(p: DotProps) => {
              const key = `${s.id}-${p.index}`;
              const row = p.payload ? byYear.get(p.payload.year) : undefined;
              if (p.value === null || p.value === undefined || p.cx === undefined || p.cy === undefined || !row?.reportId)
                return <g key={key} />;
              const stated = isStated(row.year);
              const label = c.pointLabel(s.label, row.year, formatValue(Number(p.value), s.unit));
              return (
                <PointLink
                  key={key}
                  href={cellHref(row.reportId, stated ? "" : s.cell)}
                  label={stated ? `${label}（${dash.headline.statedMark}）` : label}
                  color={seriesColor(s.id)}
                  cx={p.cx}
                  cy={p.cy}
                  r={stated ? 5 : 3.5}
                  stated={stated}
                />
              );
            }}
          />
        </LineChart>
      </ChartContainer>
    </div>
  );
}

/** As .trend-multiples lays them out: columns of at least 280 px, 16 px apart. */
const MIN_CELL = 280;
const GAP = 16;

export function TrendChart({ rows, series, height = 170 }: { rows: TrendRow[]; series: TrendSeries[]; height?: number }) {
  const exportWidth = useExportWidth();
  if (rows.length === 0) return <p className="empty">{dash.emptyFamily}</p>;
  // In an export each small chart gets its grid cell's width at once (the grid below has the same columns).
  const cols = exportWidth ? Math.max(1, Math.floor((exportWidth + GAP) / (MIN_CELL + GAP))) : 0;
  const cell = exportWidth ? (exportWidth - GAP * (cols - 1)) / cols : null;
  return (
    <div className="chart trend-multiples" data-testid="trend-chart" style={{ fontFamily: CHART.font }}>
      {series.map((s) => (
        <ExportWidth key={s.id} value={cell}>
          <TrendMultiple rows={rows} s={s} height={height} />
        </ExportWidth>
      ))}
    </div>
  );
}
