"use client";
/**
 * Wraps any chart with its title and the download buttons: 下载 PNG (2×, framed with title,
 * subtitle, legend, source line and date), 下载 SVG (standalone), 下载数据 (CSV with BOM, XLSX).
 * Inside an <ExportRegistry> it also joins the page's 导出本页全部图表 ZIP.
 */
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { composeChartSvg } from "@/lib/export/svg";
import { SOURCE_LINE, madeOnLine, safeFileName, toCsv, type ExportTable, type ExportValue } from "@/lib/export/table";
import { dash } from "@/lib/messages/dashboard";
import { CHART, FRAME_COLORS } from "@/components/charts/palette";
import { ExportWidth } from "@/components/charts/chart-container";

import { msg } from "@/lib/messages";

export interface ChartFiles {
  name: string;
  svg: string;
  png: Blob;
  csv: string;
}

interface Registry {
  register: (id: string, build: () => Promise<ChartFiles>) => () => void;
}
const RegistryContext = createContext<Registry | null>(null);

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
function waitFor<T>(probe: () => T | null | undefined, ms: number): Promise<T> {
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

const chartSurface = (root: HTMLElement | null) =>
  // The chart's own surface, not a legend icon (also an svg.recharts-surface, sometimes earlier).
  root?.querySelector<SVGSVGElement>(".recharts-wrapper > svg") ?? root?.querySelector<SVGSVGElement>("svg.recharts-surface") ?? null;

const escXml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A chart made of several Recharts surfaces (small multiples) as one <svg>: each surface where it
 * sits in `root`, and each [data-export-label] element's text above it, so the exported picture is
 * what the screen shows.
 */
function surfacesAsOneSvg(root: HTMLElement, surfaces: SVGSVGElement[]): { svg: string; width: number; height: number } {
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

export function ChartExport({
  title,
  subtitle,
  legend,
  table,
  fileName,
  children,
}: {
  title: string;
  /** Agency or region, year range, unit. */
  subtitle: string;
  legend: { label: string; color: string }[];
  /** The chart's figures, as the data download and the ZIP's CSV. */
  table: Omit<ExportTable, "notes" | "title">;
  fileName?: string;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const registry = useContext(RegistryContext);
  const id = useId();
  const base = safeFileName(fileName ?? `${title}-${subtitle.split(" · ")[0]}`);
  const fullTable = useMemo<ExportTable>(
    () => ({ ...table, title, notes: [subtitle, SOURCE_LINE, madeOnLine()] }),
    [table, title, subtitle],
  );

  // While an export is drawn, a copy of the chart renders off screen at EXPORT_WIDTH; its <svg> is
  // what the files are made of. Several exports may wait on it (the page ZIP), so it is counted.
  const ghost = useRef<HTMLDivElement>(null);
  const [ghostUsers, setGhostUsers] = useState(0);
  // The copy is drawn as soon as the pointer or focus reaches the buttons, so a click finds it ready.
  const [warm, setWarm] = useState(false);

  const framedSvg = useCallback(async () => {
    setGhostUsers((n) => n + 1);
    try {
      // Charts in the copy are drawn at fixed widths (ExportWidth), so the first frame is final.
      const svg = await waitFor(() => chartSurface(ghost.current), 5000);
      const frame = { title, subtitle, legend, source: SOURCE_LINE, madeOn: madeOnLine(), font: CHART.font, colors: FRAME_COLORS };
      const surfaces = [...(ghost.current?.querySelectorAll<SVGSVGElement>(".recharts-wrapper > svg") ?? [])];
      if (surfaces.length > 1 && ghost.current) {
        const many = surfacesAsOneSvg(ghost.current, surfaces);
        return composeChartSvg(many.svg, { width: many.width, height: many.height }, frame);
      }
      const rect = svg.getBoundingClientRect();
      const inner = new XMLSerializer().serializeToString(svg);
      return composeChartSvg(inner, { width: rect.width, height: rect.height }, frame);
    } finally {
      setGhostUsers((n) => n - 1);
    }
  }, [title, subtitle, legend]);

  const build = useCallback(async (): Promise<ChartFiles> => {
    const f = await framedSvg();
    return { name: base, svg: f.svg, png: await svgToPng(f.svg, f.width, f.height), csv: toCsv(fullTable) };
  }, [framedSvg, base, fullTable]);

  useEffect(() => registry?.register(id, build), [registry, id, build]);

  const run = (label: string, fn: () => Promise<void>) => async () => {
    setBusy(label);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(msg.chartExport.failed(label, (e as Error).message));
    } finally {
      setBusy(null);
    }
  };

  return (
    <figure className="chart-export" data-testid="chart-export" data-title={title} aria-label={title} aria-describedby={`${id}-desc`}>
      <p id={`${id}-desc`} className="sr-only">
        {dash.chart.describe(title, subtitle)}
      </p>
      <div ref={box}>{children}</div>
      {(warm || ghostUsers > 0) && (
        <div
          ref={ghost}
          className="export-ghost"
          aria-hidden="true"
          inert
          style={{ position: "fixed", left: -20000, top: 0, width: EXPORT_WIDTH }}
        >
          <ExportWidth value={EXPORT_WIDTH}>{children}</ExportWidth>
        </div>
      )}
      <figcaption
        className="export-buttons"
        onPointerEnter={() => setWarm(true)}
        onPointerLeave={() => setWarm(false)}
        onFocus={() => setWarm(true)}
        onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setWarm(false)}
      >
        <button
          type="button"
          className="secondary small"
          disabled={busy !== null}
          onClick={run(msg.chartExport.downloadPng, async () => {
            const t0 = performance.now();
            const f = await framedSvg();
            const png = await svgToPng(f.svg, f.width, f.height);
            box.current?.parentElement?.setAttribute("data-png-ms", String(Math.round(performance.now() - t0)));
            downloadBlob(png, `${base}.png`);
          })}
        >
          {msg.chartExport.downloadPng}
        </button>
        <button
          type="button"
          className="secondary small"
          disabled={busy !== null}
          onClick={run(msg.chartExport.downloadSvg, async () =>
            downloadBlob(new Blob([(await framedSvg()).svg], { type: "image/svg+xml" }), `${base}.svg`),
          )}
        >
          {msg.chartExport.downloadSvg}
        </button>
        <button
          type="button"
          className="secondary small"
          disabled={busy !== null}
          onClick={run(msg.chartExport.downloadData, async () =>
            downloadBlob(new Blob([toCsv(fullTable)], { type: "text/csv;charset=utf-8" }), `${base}.csv`),
          )}
        >
          {msg.chartExport.downloadCsv}
        </button>
        <button
          type="button"
          className="secondary small"
          disabled={busy !== null}
          onClick={run(msg.chartExport.downloadXlsx, async () => downloadBlob(await xlsxBlob(fullTable), `${base}.xlsx`))}
        >
          XLSX
        </button>
        {busy && (
          <span className="muted" role="status">
            {busy}…
          </span>
        )}
        {error && <span className="error-text">{error}</span>}
      </figcaption>
      <DataTable table={fullTable} />
    </figure>
  );
}

const cellText = (v: ExportValue, numFmt?: string) => {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v !== "number") return v;
  if (numFmt === "0.0%") return `${(v * 100).toFixed(1)}%`;
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2)));
};

/** The chart's figures as a table: its text alternative, opened by keyboard or touch, read by screen readers. */
function DataTable({ table }: { table: ExportTable }) {
  return (
    <details className="chart-data no-print" data-testid="chart-data">
      <summary>{dash.chart.dataTable}</summary>
      <div className="table-scroll">
        <table className="list compact">
          <caption className="sr-only">{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={c.numFmt ? "num" : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {table.columns.map((c) => (
                  <td key={c.key} className={c.numFmt ? "num" : undefined}>
                    {cellText(r[c.key], c.numFmt)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Collects the charts of a page for 导出本页全部图表. */
export function ExportRegistry({ children }: { children: ReactNode }) {
  const builders = useRef(new Map<string, () => Promise<ChartFiles>>());
  const registry = useMemo<Registry>(
    () => ({
      register: (id, build) => {
        builders.current.set(id, build);
        return () => builders.current.delete(id);
      },
    }),
    [],
  );
  return (
    <RegistryContext.Provider value={registry}>
      <BuildersContext.Provider value={builders}>{children}</BuildersContext.Provider>
    </RegistryContext.Provider>
  );
}
const BuildersContext = createContext<React.RefObject<Map<string, () => Promise<ChartFiles>>> | null>(null);

/** One ZIP of every chart on the page: PNG, SVG and CSV each, named by chart. */
export function ExportPageButton({ zipName }: { zipName: string }) {
  const builders = useContext(BuildersContext);
  const [state, setState] = useState<string | null>(null);
  return (
    <span className="export-page">
      <button
        type="button"
        className="secondary"
        data-testid="export-page"
        disabled={state?.endsWith("…")}
        onClick={async () => {
          const all = [...(builders?.current.values() ?? [])];
          if (all.length === 0) return setState(msg.chartExport.noCharts);
          const { default: JSZip } = await import("jszip");
          const zip = new JSZip();
          const used = new Map<string, number>();
          try {
            for (let i = 0; i < all.length; i++) {
              setState(msg.chartExport.progress(i + 1, all.length));
              const f = await all[i]();
              const n = (used.get(f.name) ?? 0) + 1;
              used.set(f.name, n);
              const name = n > 1 ? `${f.name}-${n}` : f.name;
              zip.file(`${name}.png`, f.png);
              zip.file(`${name}.svg`, f.svg);
              zip.file(`${name}.csv`, f.csv);
            }
            downloadBlob(await zip.generateAsync({ type: "blob" }), `${safeFileName(zipName)}.zip`);
            setState(msg.chartExport.done(all.length));
          } catch (e) {
            setState(msg.chartExport.failedAll((e as Error).message));
          }
        }}
      >
        {msg.chartExport.exportAll}
      </button>
      {state && (
        <span className="muted" role="status">
          {" "}
          {state}
        </span>
      )}
    </span>
  );
}
