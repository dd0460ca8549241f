/**
 * Every presentation the reader is tested against, in order (presentations.test.ts, npm run presentations).
 */
import type { Presentation } from "./known";
import {
  cellLineDropped,
  cellLineDroppedTight,
  cellLineSpaced,
  cellLineTight,
  flattenedPage,
  flattenedRows,
  flattenedSpaced,
  markdown,
} from "./table-text";
import { pipe, pipeBroken, pipeLeading, pipeOwnLine, pipeSuffix } from "./pipe-text";
import { html, ocr, pdfMarkdown } from "./pdf-ocr-html";
import { type ImagePresentation, scannedGrid } from "./scanned-grid";
import { headerVariants, metaVariant, traditionalChars } from "./wording-variants";

export const PRESENTATIONS: readonly Presentation[] = [
  pipe,
  markdown,
  cellLineTight,
  cellLineSpaced,
  cellLineDropped,
  cellLineDroppedTight,
  pipeOwnLine,
  pipeSuffix,
  pipeLeading,
  pipeBroken,
  flattenedRows,
  flattenedSpaced,
  flattenedPage,
  pdfMarkdown,
  ocr,
  html,
  traditionalChars,
  headerVariants,
  metaVariant("meta-signature", "agency only in the signature at the end (with its date)", "signature"),
  metaVariant("meta-title-broken", "title broken over two lines", "title-broken"),
  metaVariant("meta-period-year", "year only in the 统计期限 sentence", "period-year"),
];

/**
 * Presentations that are page images, read back through the OCR path (scanned-grid.test.ts): slow
 * (seconds a page), so not in the text presentations' 860-rendering test.
 */
export const IMAGE_PRESENTATIONS: readonly ImagePresentation[] = [scannedGrid];
