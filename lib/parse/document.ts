/**
 * The one shape every presentation (pipe text, web page, later PDF and Word) is read into before
 * labels are matched: the report as a sequence of text lines and table rows, each cell with where
 * it was read from.
 */

export interface SourceLoc {
  /** 1-based line of the source text. */
  line?: number;
  /** 1-based table, row and column of a web page or Word table. */
  table?: number;
  row?: number;
  col?: number;
  page?: number;
  /**
   * 1-based line of the stored source text, where a reader builds that text itself (web page,
   * Word, PDF: one line per row or paragraph) — what 查看原文 highlights. Plain text keeps `line`.
   */
  at?: number;
  /**
   * Read by OCR: where on the page, how sure, whether a figure is too doubtful to store, and
   * whether two models read the figure alike (a ruled table's cell, ocr-cells.ts).
   */
  ocr?: { box: OcrBox; conf: number; doubt?: boolean; agreed?: boolean };
}

/** x0, y0, x1, y1 as fractions of the page's width and height (0–1), top-left origin. */
export type OcrBox = [number, number, number, number];

export interface DocCell {
  text: string;
  loc: SourceLoc;
}

export type DocLine = { kind: "text"; text: string; loc: SourceLoc } | { kind: "row"; cells: DocCell[]; loc: SourceLoc };

/** text: plain or pipe/markdown text; layout: text laid out by position (`pdftotext -layout`). */
export type SourceKind = "text" | "html" | "layout" | "pdf" | "docx" | "scan";

export interface SourceDocument {
  kind: SourceKind;
  lines: DocLine[];
  /** The document's title where the container states it (a web page's <title>). */
  title?: string;
  /** A publication date the container states (a web page's meta PubDate), as printed. */
  publishedHint?: string;
  /** Plain text of the report, tables as `|`-separated lines: what is stored as the source text. */
  text: string;
}

/** Plain text of a document: paragraphs as they are, table rows as `a | b | c`. */
export function documentText(lines: DocLine[]): string {
  return lines.map((l) => (l.kind === "text" ? l.text : l.cells.map((c) => c.text).join(" | "))).join("\n");
}

export function describeLoc(loc: SourceLoc): string {
  if (loc.table !== undefined) return `第 ${loc.table} 个表格第 ${loc.row} 行第 ${loc.col} 列`;
  if (loc.page !== undefined) return loc.ocr ? `第 ${loc.page} 页（扫描识别，可信度 ${loc.ocr.conf}）` : `第 ${loc.page} 页`;
  if (loc.line !== undefined) return `第 ${loc.line} 行`;
  return "";
}

/** A page number printed between a table's rows (`- 4 -`, `第 3 页`, `第3页/共8页`). */
export const PAGE_FOOTER = /^[-－—–]\s*\d{1,3}\s*[-－—–]$|^第\s*\d{1,3}\s*页(?:\s*[/／共]\s*\d{1,3}\s*页?)?$/;
