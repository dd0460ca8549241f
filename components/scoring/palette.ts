/** Literal colours for the scoring chart, one per indicator in rubric order (exports cannot read CSS variables). */
export const INDICATOR_COLORS = ["#2563eb", "#16a34a", "#f59e0b", "#9333ea", "#0891b2", "#dc2626", "#65a30d", "#db2777", "#475569", "#ea580c", "#0d9488", "#7c3aed"];
export const indicatorColor = (i: number) => INDICATOR_COLORS[i % INDICATOR_COLORS.length];
