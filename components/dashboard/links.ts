/** Where a figure came from: the report, opened at the cell it was read from. */
export const cellHref = (reportId: number, cell?: string) => (cell ? `/reports/${reportId}?cell=${encodeURIComponent(cell)}` : `/reports/${reportId}`);
