import { SPARK_NEUTRAL } from "@/components/charts/palette";
import { msg } from "@/lib/messages";
/** A tiny inline SVG trend, rendered on the server: gaps (null) break the line. Literal colours. */
export function Sparkline({
  values,
  color = SPARK_NEUTRAL,
  width = 120,
  height = 32,
  label,
}: {
  values: (number | null)[];
  color?: string;
  width?: number;
  height?: number;
  label?: string;
}) {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return <svg width={width} height={height} aria-label={label ?? msg.common.noData} />;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 6) / (values.length - 1) : 0;
  const pt = (v: number, i: number) => [3 + i * step, height - 3 - ((v - min) / span) * (height - 6)] as const;
  const segments: string[] = [];
  let cur = "";
  values.forEach((v, i) => {
    if (v === null) {
      if (cur) segments.push(cur);
      cur = "";
      return;
    }
    const [x, y] = pt(v, i);
    cur += `${cur ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  });
  if (cur) segments.push(cur);
  return (
    <svg width={width} height={height} role="img" aria-label={label ?? msg.common.trend} className="sparkline">
      {segments.map((d, i) => (
        <path key={i} d={d} fill="none" stroke={color} strokeWidth={1.5} />
      ))}
      {values.map((v, i) => {
        if (v === null) return null;
        const [x, y] = pt(v, i);
        return <circle key={i} cx={x} cy={y} r={1.8} fill={color} />;
      })}
    </svg>
  );
}
