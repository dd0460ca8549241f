/** Numbers and dates the Chinese way, at render time only. */
import { msg } from "./messages";

export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toFixed(6)));
}

/** 2025-01-31 → 2025年1月31日 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? msg.formats.dateParts(m[1], Number(m[2]), Number(m[3])) : iso;
}

/** Every date and time shown is in China Standard Time, whatever the server's or browser's zone. */
export const TIME_ZONE = "Asia/Shanghai";

const PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A Date, an ISO string, or Postgres' timestamptz text ("2026-12-04 21:58:00.12+00"). */
function toDate(d: Date | string): Date {
  if (typeof d !== "string") return d;
  const iso = d
    .trim()
    .replace(" ", "T")
    .replace(/([+-]\d{2})$/, "$1:00");
  return new Date(iso);
}

function partsOf(d: Date | string) {
  const x = toDate(d);
  if (Number.isNaN(x.getTime())) return null;
  const p = Object.fromEntries(PARTS.formatToParts(x).map((q) => [q.type, q.value]));
  return { y: p.year, m: p.month, d: p.day, hh: p.hour, mm: p.minute };
}

/** 2026年12月5日 05:58 (Asia/Shanghai). */
export function formatDateTime(d: Date | string): string {
  const p = partsOf(d);
  if (!p) return typeof d === "string" ? d : "";
  return msg.formats.dateTime(p.y, p.m, p.d, p.hh, p.mm);
}

/** 2026年12月5日 (Asia/Shanghai): a day, e.g. the date a chart was made. */
export function formatDay(d: Date | string): string {
  const p = partsOf(d);
  if (!p) return typeof d === "string" ? d : "";
  return msg.formats.date(p.y, p.m, p.d);
}
