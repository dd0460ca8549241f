/** Literal colours for charts: exported SVG/PNG cannot resolve CSS variables. */
export const CHART = {
  axis: "#6b7280",
  grid: "#e5e7eb",
  text: "#111827",
  gapFill: "#f3f4f6",
  font: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
} as const;
