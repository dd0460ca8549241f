/** Numbers the Chinese way, at render time: 万 / 亿, one-decimal percentages. */
import { msg } from "../messages";

const trim = (s: string) => s.replace(/\.0$/, "");

/** 1234 → 1234, 12345 → 1.2万, 123456789 → 1.2亿. */
export function formatCount(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  const a = Math.abs(v);
  if (a >= 1e8) return msg.units.hundredMillion(trim((v / 1e8).toFixed(1)));
  if (a >= 1e4) return msg.units.tenThousand(trim((v / 1e4).toFixed(1)));
  if (Number.isInteger(v)) return String(v);
  return trim(v.toFixed(1));
}

/** An amount in 万元: 24252.311082 → 2.4亿元, 96.5 → 96.5万元. */
export function formatWan(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  if (Math.abs(v) >= 1e4) return msg.units.hundredMillionYuanOf(trim((v / 1e4).toFixed(1)));
  return msg.units.tenThousandYuanOf(trim(v.toFixed(1)));
}

/** 0.8567 → 85.7% */
export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  return `${(v * 100).toFixed(1)}%`;
}

export function formatValue(v: number | null | undefined, unit: string): string {
  if (unit === "%") return formatPercent(v);
  if (unit === msg.units.tenThousandYuan) return formatWan(v);
  const s = formatCount(v);
  return s === "—" ? s : `${s}${unit}`;
}

/** A signed change: +12, −3.5万, +2.1个百分点. */
export function formatDelta(delta: number | null, unit: string): string {
  if (delta === null) return "—";
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const a = Math.abs(delta);
  if (unit === "%") return msg.units.percentagePoints(sign, a.toFixed(1));
  if (unit === msg.units.tenThousandYuan) return `${sign}${formatWan(a)}`;
  return `${sign}${formatCount(a)}`;
}
