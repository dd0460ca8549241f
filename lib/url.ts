/**
 * The dashboard's state lives in the address (house style: the URL is the state). One way to write
 * it: empty values (undefined, null, "") are left out, and `page` 1 too, the default, so that the
 * same view always has the same address.
 */
export type SearchValues = Record<string, string | number | null | undefined>;

export function searchString(params: SearchValues, o: { keepFirstPage?: boolean } = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || String(v) === "") continue;
    if (k === "page" && v === 1 && !o.keepFirstPage) continue;
    q.set(k, String(v));
  }
  return q.toString();
}

/** A page's address with these search parameters. */
export function pageHref(path: string, params: SearchValues): string {
  const s = searchString(params);
  return s ? `${path}?${s}` : path;
}
