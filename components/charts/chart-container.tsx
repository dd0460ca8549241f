"use client";
/**
 * The box every Recharts chart sits in: on screen it takes the width of its card; inside an export
 * (ExportWidth) it is drawn at that fixed width at once, without waiting for a resize observer — so
 * an image exported from a phone is the same picture as one from a desktop, and quick to make.
 */
import { cloneElement, createContext, useContext, type ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

const ExportWidthContext = createContext<number | null>(null);
export const ExportWidth = ExportWidthContext.Provider;
/** The fixed width an export draws at, or null on screen. */
export const useExportWidth = () => useContext(ExportWidthContext);

export function ChartContainer({ height, children }: { height: number; children: ReactElement<{ width?: number; height?: number }> }) {
  const fixed = useContext(ExportWidthContext);
  if (fixed !== null) return cloneElement(children, { width: fixed, height });
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}
