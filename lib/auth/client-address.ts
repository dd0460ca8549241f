/**
 * Which address a request comes from, for sign-in throttling. X-Forwarded-For is written by
 * whoever sends the request, so it counts only when the connection itself comes from a proxy we
 * were told to trust (TRUSTED_PROXIES, comma-separated addresses). The server (scripts/server.ts)
 * puts the connection's own address in `x-dd-peer`, replacing any value a client sent.
 */
export const PEER_HEADER = "x-dd-peer";

const norm = (a: string) =>
  a
    .trim()
    .replace(/^::ffff:/, "")
    .toLowerCase();

export function trustedProxies(env: string | undefined = process.env.TRUSTED_PROXIES): Set<string> {
  return new Set((env ?? "").split(",").map(norm).filter(Boolean));
}

/**
 * The header carries `<token>:<address>`, the token made by the server at start (PEER_TOKEN_ENV):
 * under a plain `next start` nobody sets it, and a client's own `x-dd-peer` is worth nothing.
 */
export const PEER_TOKEN_ENV = "DD_PEER_TOKEN";

export function clientAddressFrom(
  h: { get(name: string): string | null },
  trusted: Set<string> = trustedProxies(),
  token: string | undefined = process.env[PEER_TOKEN_ENV],
): string {
  const header = h.get(PEER_HEADER);
  if (!header || !token || !header.startsWith(`${token}:`)) return "unknown";
  let client = norm(header.slice(token.length + 1));
  if (!trusted.has(client)) return client;
  // Behind trusted proxies: each appends the address it saw, so the first untrusted one from the
  // right is the client (anything left of it was written by the client itself).
  const hops = (h.get("x-forwarded-for") ?? "").split(",").map(norm).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    client = hops[i];
    if (!trusted.has(client)) return client;
  }
  return client;
}

/** Whether the server listens on this machine only (HOST unset means 127.0.0.1, see scripts/server.ts). */
export function isLoopbackHost(host: string | undefined = process.env.HOST): boolean {
  const h = (host ?? "127.0.0.1").trim().toLowerCase();
  return h === "localhost" || h === "::1" || h === "[::1]" || /^127\./.test(h);
}
