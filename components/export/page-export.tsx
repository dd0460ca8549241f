"use client";
/**
 * 导出本页全部图表: every ChartExport inside an <ExportRegistry> registers how to build its files,
 * and the page's button puts them all in one ZIP.
 */
import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { safeFileName } from "@/lib/export/table";
import { msg } from "@/lib/messages";
import { downloadBlob, type ChartFiles } from "./files";

interface Registry {
  register: (id: string, build: () => Promise<ChartFiles>) => () => void;
}
export const RegistryContext = createContext<Registry | null>(null);

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
