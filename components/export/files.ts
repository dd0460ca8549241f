/**
 * Making the files a chart exports, in the browser: the PNG from the SVG, the XLSX from the table,
 * the download itself. Used by ChartExport (one chart) and by the pages that build their own files.
 */
import type { ExportTable } from "@/lib/export/table";
import { CHART, FRAME_COLORS } from "@/components/charts/palette";
import { msg } from "@/lib/messages";
import { dash } from "@/lib/messages/dashboard";

export interface ChartFiles {
  name: string;
  svg: string;
  png: Blob;
  csv: string;
}

export function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Rasterize a standalone SVG at `scale`× on white, in the browser (Chinese from the system fonts). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = FRAME_COLORS.paper;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(msg.chartExport.pngFailed))), "image/png"),
  );
}

/**
 * Exports are drawn at this width whatever the screen: a chart exported from a phone is the same
 * picture as one exported from a desktop (the on-screen chart may be 330 px wide).
 */
export const EXPORT_WIDTH = 960;

/** Resolves with the first truthy value of `probe`, checked once a frame, or rejects after `ms`. */
export function waitFor<T>(probe: () => T | null | undefined, ms: number): Promise<T> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const v = probe();
      if (v) return resolve(v);
      if (performance.now() - t0 > ms) return reject(new Error(dash.chart.notDrawn));
      requestAnimationFrame(tick);
    };
    tick();
  });
}

export const chartSurface = (root: HTMLElement | null) =>
  // The chart's own surface, not a legend icon (also an svg.recharts-surface, sometimes earlier).
  root?.querySelector<SVGSVGElement>(".recharts-wrapper > svg") ?? root?.querySelector<SVGSVGElement>("svg.recharts-surface") ?? null;

const escXml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A chart made of several Recharts surfaces (small multiples) as one <svg>: each surface where it
 * sits in `root`, and each [data-export-label] element's text above it, so the exported picture is
 * what the screen shows.
 */
export function surfacesAsOneSvg(root: HTMLElement, surfaces: SVGSVGElement[]): { svg: string; width: number; height: number } {
  const box = root.getBoundingClientRect();
  const parts: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>("[data-export-label]")) {
    const r = el.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(el).fontSize) || 12;
    const color = (el.querySelector<HTMLElement>(".swatch")?.style.background || "").trim();
    const x = r.left - box.left;
    if (color) parts.push(`<rect x="${x}" y="${r.top - box.top + size * 0.25}" width="10" height="10" fill="${escXml(color)}"/>`);
    parts.push(
      `<text x="${x + (color ? 14 : 0)}" y="${r.top - box.top + size}" font-size="${size}" font-weight="600" fill="${CHART.text}">${escXml(el.textContent ?? "")}</text>`,
    );
  }
  for (const svg of surfaces) {
    const r = svg.getBoundingClientRect();
    const inner = new XMLSerializer()
      .serializeToString(svg)
      .replace(
        /<svg\b([^>]*)>/,
        (_, attrs: string) =>
          `<svg${attrs.replace(/\s(width|height|x|y|class|style)="[^"]*"/g, "")} x="${r.left - box.left}" y="${r.top - box.top}" width="${r.width}" height="${r.height}">`,
      );
    parts.push(inner);
  }
  const width = box.width;
  const height = box.height;
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join("")}</svg>`, width, height };
}

export async function xlsxBlob(table: ExportTable): Promise<Blob> {
  const res = await fetch("/api/export/xlsx", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(table),
  });
  if (!res.ok) throw new Error(await res.text());
  return res.blob();
}
