"use client";
/**
 * Brings the cell a link points at (`?cell=key#cell-key`) into view once its table is on the page.
 * The tables stream in after the page's first bytes, so the browser's own jump to the #cell- anchor
 * can come before the cell exists; this runs when the table card has rendered.
 */
import { useEffect } from "react";

export function ScrollToCell({ cellKey }: { cellKey: string }) {
  useEffect(() => {
    document.getElementById(`cell-${cellKey}`)?.scrollIntoView({ block: "center" });
  }, [cellKey]);
  return null;
}
