import type { OcrBox } from "./document";

/** The page image of a scan, or the part of it in `box` (fractions of the page). */
export function scanPageUrl(scanId: number, page: number, box?: OcrBox): string {
  return `/api/scans/${scanId}/pages/${page}${box ? `?box=${box.join(",")}` : ""}`;
}

export const scanCropUrl = (scanId: number, page: number, box: OcrBox) => scanPageUrl(scanId, page, box);
