/**
 * The production server (npm start): Next's request handler behind a plain Node HTTP server, so
 * that the connection's own address reaches the app. Next keeps any X-Forwarded-For a client
 * sends; we put the socket's address in `x-dd-peer` (replacing any client value), and the app
 * believes X-Forwarded-For only when that peer is one of TRUSTED_PROXIES (lib/auth/client-address.ts).
 * It listens on 127.0.0.1 unless HOST says otherwise (HOST=0.0.0.0 to serve the network).
 */
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import { PEER_HEADER, PEER_TOKEN_ENV } from "../lib/auth/client-address";

export async function serve(opts: { port: number; hostname: string }): Promise<void> {
  (process.env as Record<string, string>).NODE_ENV ??= "production";
  // Set before Next starts, so the app (this same process) can tell our header from a client's.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: opts.hostname, port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const token = randomBytes(16).toString("hex");
  process.env[PEER_TOKEN_ENV] = token;
  const server = createServer((req, res) => {
    req.headers[PEER_HEADER] = `${token}:${req.socket.remoteAddress ?? "unknown"}`;
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port, opts.hostname, resolve));
}
