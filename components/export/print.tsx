"use client";
import { msg } from "@/lib/messages";
/** 打印 / 另存为 PDF: the browser's print dialog, laid out by the print stylesheet (globals.css). */
export function PrintButton() {
  return (
    <button type="button" className="secondary no-print" onClick={() => window.print()} data-testid="print">
      {msg.chartExport.print}
    </button>
  );
}
