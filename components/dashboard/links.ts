/**
 * Where a figure came from: the report, opened at the cell it was read from. The #cell- anchor makes
 * the browser scroll to the cell, which the report page highlights (?cell=).
 */
export const cellHref = (reportId: number, cell?: string) =>
  cell ? `/reports/${reportId}?cell=${encodeURIComponent(cell)}#cell-${encodeURIComponent(cell)}` : `/reports/${reportId}`;
