/**
 * What every year chart shares: years along the bottom, thinned where they crowd; the value axis
 * with the ticks, range and number format of lib/dashboard/axis.ts `valueAxis`; a series' line.
 */
import type { ValueAxis } from "@/lib/dashboard/axis";
import { CHART, seriesColor } from "./palette";

export const yearAxisProps = { dataKey: "year", stroke: CHART.axis, interval: "preserveStartEnd", minTickGap: 6, height: 36 } as const;

export const valueAxisProps = (axis: ValueAxis, fontSize = 11) => ({
  stroke: CHART.axis,
  tick: { fill: CHART.text, fontSize },
  ticks: axis.ticks,
  domain: axis.domain,
  tickFormatter: axis.format,
});

/** The unit written above the value axis. */
export const unitLabel = (axis: ValueAxis) => ({ value: axis.unit, position: "top" as const, offset: 10, fill: CHART.axis, fontSize: 11 });

/** A series' line: its colour from the palette, a missing year left as a gap. */
export const seriesLineProps = (s: { id: string; label: string }) => ({
  dataKey: s.id,
  name: s.label,
  stroke: seriesColor(s.id),
  strokeWidth: 2,
  connectNulls: false,
  isAnimationActive: false,
});
