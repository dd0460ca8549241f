/**
 * The address people use to reach the dashboard, for links written into downloads (CSV/XLSX).
 * `request.url` in a route handler carries the host Next listens on (127.0.0.1, localhost), not the
 * one in the browser. PUBLIC_URL wins when set; otherwise the Host header (and the proxy's
 * X-Forwarded-Proto), accepted only when it looks like a host name.
 */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function publicOrigin(h: { get(name: string): string | null }, fallbackUrl: string, publicUrl = process.env.PUBLIC_URL): string {
  if (publicUrl) {
    try {
      return new URL(publicUrl).origin;
    } catch {
      /* ignore a bad setting */
    }
  }
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0].trim();
  const proto = (h.get("x-forwarded-proto") ?? "").split(",")[0].trim();
  if (host && HOST.test(host)) return `${proto === "https" ? "https" : new URL(fallbackUrl).protocol.replace(":", "")}://${host}`;
  return new URL(fallbackUrl).origin;
}
