/** Numbers and dates the Chinese way, at render time only. */

export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toFixed(6)));
}

/** 2025-01-31 → 2025年1月31日 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export function formatDateTime(d: Date | string): string {
  const x = typeof d === "string" ? new Date(d) : d;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${x.getFullYear()}年${x.getMonth() + 1}月${x.getDate()}日 ${p(x.getHours())}:${p(x.getMinutes())}`;
}
