/**
 * Where to go after signing in: a path on this site only. Browsers drop tabs and newlines from
 * URLs and read `\` as `/`, so `/\host` and `/<tab>/host` would become `//host` — another site.
 */
const BASE = "http://dashboard.invalid";

export function safeNextPath(next: string | undefined | null): string {
  if (!next?.startsWith("/") || next.startsWith("//")) return "/";
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f\s]/.test(next)) return "/";
  try {
    const u = new URL(next, BASE);
    if (u.origin !== BASE) return "/";
    return u.pathname + u.search + u.hash;
  } catch {
    return "/";
  }
}
