import type { OcrBox } from "@/lib/parse/document";
import { scanPageUrl } from "@/lib/parse/scan-url";
import { msg } from "@/lib/messages";

/** A scanned page as recognized, with one cell's box outlined: where an OCR figure was read. */
export function ScanPageView({ scanId, page, box }: { scanId: number; page: number; box: OcrBox }) {
  const [x0, y0, x1, y1] = box;
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  return (
    <figure className="card" data-testid="scan-page-view" style={{ margin: "0.75rem 0", maxWidth: 720 }}>
      <div style={{ position: "relative" }}>
        {/* biome-ignore lint/performance/noImgElement: a stored scan page, not a static asset */}
        <img src={scanPageUrl(scanId, page)} alt={msg.scan.pageView(page)} style={{ width: "100%", display: "block" }} />
        <div
          aria-hidden
          style={{
            position: "absolute",
            left: `calc(${pct(x0)} - 4px)`,
            top: `calc(${pct(y0)} - 4px)`,
            width: `calc(${pct(x1 - x0)} + 8px)`,
            height: `calc(${pct(y1 - y0)} + 8px)`,
            border: "3px solid #d4380d",
            borderRadius: 3,
          }}
        />
      </div>
      <figcaption className="muted">{msg.scan.pageView(page)}</figcaption>
    </figure>
  );
}
