/**
 * A chart as a standalone SVG document, ready for Word or slides: the chart's own SVG framed with
 * its title, what it shows, a legend, the source line and the date made. Literal colours and a
 * declared font only — no CSS variables, no stylesheet — so it looks the same anywhere.
 */

export interface ChartFrame {
  title: string;
  /** Agency or region, year range and unit, e.g. "平潭综合实验区 · 2019–2025 年 · 单位：件". */
  subtitle: string;
  legend: { label: string; color: string }[];
  source: string;
  madeOn: string;
  font: string;
  /** Literal colours (components/charts/palette.ts FRAME_COLORS): lib/ declares none. */
  colors: FrameColors;
}

export interface FrameColors {
  paper: string;
  title: string;
  subtitle: string;
  footer: string;
  /** What a CSS variable left in the chart's SVG becomes. */
  cssVariable: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const TITLE_H = 64;
const LEGEND_ROW_H = 22;
const FOOT_H = 40;
const PAD = 16;

/** Lay legend entries in rows that fit the width (CJK glyphs ~ 12 px at 12 px font). */
function legendRows(legend: ChartFrame["legend"], width: number) {
  const rows: { label: string; color: string; x: number }[][] = [[]];
  let x = PAD;
  for (const item of legend) {
    const w = 22 + [...item.label].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 12 : 7), 0) + 18;
    if (x + w > width - PAD && rows[rows.length - 1].length > 0) {
      rows.push([]);
      x = PAD;
    }
    rows[rows.length - 1].push({ ...item, x });
    x += w;
  }
  return legend.length ? rows : [];
}

/**
 * `chartSvg` is the chart's <svg> as serialized from the page (Recharts draws with literal colours
 * from the palette). Anything still written as a CSS variable is replaced by a neutral grey.
 */
export function composeChartSvg(
  chartSvg: string,
  size: { width: number; height: number },
  f: ChartFrame,
): { svg: string; width: number; height: number } {
  const width = Math.round(size.width);
  const rows = legendRows(f.legend, width);
  const legendH = rows.length * LEGEND_ROW_H + (rows.length ? 6 : 0);
  const height = Math.round(TITLE_H + size.height + legendH + FOOT_H);
  const inner = chartSvg
    .replace(/var\(--[^)]*\)/g, f.colors.cssVariable)
    .replace(
      /<svg\b([^>]*)>/,
      (_, attrs: string) =>
        `<svg${attrs.replace(/\s(width|height|x|y|class|style)="[^"]*"/g, "")} x="0" y="${TITLE_H}" width="${size.width}" height="${size.height}">`,
    );
  const legend = rows
    .map((row, i) =>
      row
        .map((e) => {
          const y = TITLE_H + size.height + 6 + i * LEGEND_ROW_H;
          return `<rect x="${e.x}" y="${y + 4}" width="14" height="10" fill="${esc(e.color)}"/><text x="${e.x + 20}" y="${y + 13}" font-size="12" fill="${f.colors.title}">${esc(e.label)}</text>`;
        })
        .join(""),
    )
    .join("");
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(f.font)}">` +
    `<rect width="100%" height="100%" fill="${f.colors.paper}"/>` +
    `<text x="${PAD}" y="28" font-size="18" font-weight="700" fill="${f.colors.title}">${esc(f.title)}</text>` +
    `<text x="${PAD}" y="50" font-size="12" fill="${f.colors.subtitle}">${esc(f.subtitle)}</text>` +
    inner +
    legend +
    `<text x="${PAD}" y="${height - 14}" font-size="11" fill="${f.colors.footer}">${esc(f.source)}</text>` +
    `<text x="${width - PAD}" y="${height - 14}" font-size="11" fill="${f.colors.footer}" text-anchor="end">${esc(f.madeOn)}</text>` +
    `</svg>`;
  return { svg, width, height };
}
