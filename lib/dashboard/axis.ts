/**
 * A value axis people can read: round steps (1, 2, 2.5, 5 × 10ⁿ — never 55/110/165) and one unit for
 * the whole axis. Counts of 10 000 and more are shown in 万件 (the axis says so once, the ticks are
 * plain numbers); an amount already in 万元 stays in 万元 or goes to 亿元 — never "2.6万" on a 万元 axis.
 */
import { msg } from "../messages";

export interface ValueAxis {
  ticks: number[];
  domain: [number, number];
  /** The axis's unit, written once above it: 件, 万件, 万元, 亿元, %. */
  unit: string;
  /** A tick's text, without the unit. */
  format: (v: number) => string;
}

const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest round step that covers `span` in at most `count` intervals. */
export function niceStep(span: number, count = 4, integer = false): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.map((s) => s * mag).find((s) => s >= raw - 1e-12) ?? 10 * mag;
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

const trim = (v: number) => String(Number(v.toFixed(6)));

export function valueAxis(values: readonly (number | null | undefined)[], unit: string, count = 4): ValueAxis {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const max = Math.max(0, ...xs);
  const min = Math.min(0, ...xs);
  let divisor = 1;
  let axisUnit = unit;
  if (unit === "%") {
    // Rates are stored as fractions; the axis reads in percent.
    divisor = 0.01;
  } else if (unit === msg.units.tenThousandYuan) {
    if (Math.max(max, -min) >= 1e4) [divisor, axisUnit] = [1e4, msg.units.hundredMillionYuan];
  } else if (Math.max(max, -min) >= 1e8) [divisor, axisUnit] = [1e8, msg.units.hundredMillionOf(unit)];
  else if (Math.max(max, -min) >= 1e4) [divisor, axisUnit] = [1e4, msg.units.tenThousandOf(unit)];
  const integer = unit !== "%" && unit !== msg.units.tenThousandYuan && divisor === 1;
  const step = niceStep((max - min) / divisor || 1, count, integer) * divisor;
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { ticks, domain: [ticks[0], ticks[ticks.length - 1]], unit: axisUnit, format: (v) => trim(v / divisor) };
}
