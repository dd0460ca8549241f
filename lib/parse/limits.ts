/**
 * Size limits of what is imported, shared by the server (lib/parse, the import actions), the
 * browser (the import form refuses before sending) and next.config.js (the action body limit).
 */
/** One file, uploaded or unzipped. */
export const MAX_UPLOAD_MB = 20;
/** A .zip, all entries uncompressed: above this it is treated as a zip bomb. */
export const MAX_ZIP_UNCOMPRESSED_MB = 200;
export const MAX_ZIP_FILES = 1000;
/** A Word file's document.xml once inflated: a real report is well under 5 MB; a bomb is 450 MB. */
export const MAX_DOCX_XML_MB = 30;
/** HTML tables: cells of one table's grid (colspan × rowspan), and element nesting depth. */
export const MAX_TABLE_CELLS = 100_000;
export const MAX_HTML_DEPTH = 256;
/** PDF pages read; a report is a few dozen pages. */
export const MAX_PDF_PAGES = 300;
/** Pages of one scanned report recognized (a few seconds each); a report's tables are in its first pages. */
export const MAX_SCAN_PAGES = 30;
/** Resolution an image-only PDF is rasterized at for OCR. */
export const SCAN_DPI = 200;
