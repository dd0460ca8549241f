/** Numbered markers for the cells of a report's findings: finding n marks each of its cells with n. */
export function markersFor(findings: readonly { cells: readonly string[]; severity: string; message: string }[]) {
  const out: Record<string, { n: number; severity: string; message: string }[]> = {};
  findings.forEach((f, i) => {
    for (const key of f.cells) (out[key] ??= []).push({ n: i + 1, severity: f.severity, message: f.message });
  });
  return out;
}
