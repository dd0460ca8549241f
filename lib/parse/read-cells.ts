/**
 * What the reader produces before a report is assembled: each cell read with its printed text and
 * where it stood, and each issue that left cells unread. Apart from the aligner (match.ts) so the
 * steps after it (doubts.ts, scan-columns.ts) can name them without importing the aligner back.
 */
import type { CellValue } from "../report/values";
import type { TableFormat, TableId } from "../report/template";
import type { SourceLoc } from "./document";

export interface ReadCell {
  value: CellValue;
  /** The text as printed. */
  raw: string;
  note?: string;
  loc: SourceLoc;
}

export interface ParseIssue {
  code:
    | "row_shape"
    | "unknown_row"
    | "duplicate_cell"
    | "extra_values"
    | "unknown_column"
    | "uncertain_split"
    | "row_not_found"
    | "low_confidence";
  message: string;
  loc: SourceLoc;
  /** The cells this issue leaves unread. */
  keys?: string[];
  /** The row as printed: its label and what stood after it. */
  source?: string;
}

export interface MatchResult {
  cells: Record<string, ReadCell>;
  /** Format evidence per table: which labels were printed. */
  evidence: { t2?: TableFormat; t3?: TableFormat };
  tablesSeen: Set<TableId>;
  issues: ParseIssue[];
}
