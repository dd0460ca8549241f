"use client";
/**
 * Wraps any chart with its title and the download buttons: 下载 PNG (2×, framed with title,
 * subtitle, legend, source line and date), 下载 SVG (standalone), 下载数据 (CSV with BOM, XLSX).
 * Inside an <ExportRegistry> it also joins the page's 导出本页全部图表 ZIP.
 */
import { useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { composeChartSvg } from "@/lib/export/svg";
import { SOURCE_LINE, madeOnLine, safeFileName, toCsv, type ExportTable, type ExportValue } from "@/lib/export/table";
import { dash } from "@/lib/messages/dashboard";
import { CHART, FRAME_COLORS } from "@/components/charts/palette";
import { ExportWidth } from "@/components/charts/chart-container";

import { msg } from "@/lib/messages";

import { RegistryContext } from "./page-export";
import { chartSurface, downloadBlob, EXPORT_WIDTH, surfacesAsOneSvg, svgToPng, waitFor, xlsxBlob, type ChartFiles } from "./files";

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
