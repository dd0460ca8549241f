/**
 * The saved agency websites (data/harvest-site) served on 127.0.0.1 for the harvest tests, plus
 * the bad behaviours real sites have, made on the fly: a page slower than the time limit, a
 * redirect loop, a file larger than the size cap, a list whose "下一页" never ends, a 404.
 * No other network is touched. It records every request, and how many were in flight at once.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface TestSite {
  origin: string;
  /** Every request: path, time, User-Agent. */
  hits: { path: string; at: number; ua: string }[];
  /** The most requests the site had open at once. */
  maxInFlight: () => number;
  /** Serve other bytes at a path from now on (an agency quietly replacing its report). */
  replace: (urlPath: string, body: string | Uint8Array) => void;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  ".htm": "text/html",
  ".html": "text/html",
  ".pdf": "application/pdf",
  ".doc": "application/msword",
  ".txt": "text/plain; charset=utf-8",
};

export async function startTestSite(opts: { dir?: string; slowMs?: number; port?: number } = {}): Promise<TestSite> {
  const dir = path.resolve(opts.dir ?? path.join(process.cwd(), "data", "harvest-site"));
  const slowMs = opts.slowMs ?? 5_000;
  const hits: TestSite["hits"] = [];
  const replaced = new Map<string, string | Uint8Array>();
  let inFlight = 0;
  let maxInFlight = 0;
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const p = decodeURIComponent(url.pathname);
    hits.push({ path: p, at: Date.now(), ua: String(req.headers["user-agent"] ?? "") });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);

    const html = (body: string) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    };
    if (replaced.has(p)) {
      res.writeHead(200, { "content-type": TYPES[path.extname(p)] ?? "application/octet-stream" });
      return res.end(replaced.get(p));
    }
    if (p === "/hongze/xxgk/nb/slow.html") {
      const t = setTimeout(() => html("<html><body>太慢了</body></html>"), slowMs);
      timers.add(t);
      res.on("close", () => clearTimeout(t));
      return;
    }
    if (p === "/hongze/xxgk/nb/loop.html" || p === "/hongze/xxgk/nb/loop2.html") {
      res.writeHead(302, { location: p.endsWith("loop.html") ? "/hongze/xxgk/nb/loop2.html" : "/hongze/xxgk/nb/loop.html" });
      return res.end();
    }
    const endless = /^\/hongze\/xxgk\/nb\/index_(\d+)\.html$/.exec(p);
    if (endless) {
      const n = Number(endless[1]);
      return html(`<html><body><ul><li><a href="/hongze/xxgk/nb/news_${n}.html">洪泽区第${n}期政务动态</a></li></ul>
        <div class="page"><a href="/hongze/xxgk/nb/index_${n + 1}.html">下一页</a></div></body></html>`);
    }
    if (p === "/hongze/files/huge.pdf") {
      // No content-length: only a cap on what is read stops this one.
      res.writeHead(200, { "content-type": "application/pdf" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent >= 200) res.end();
        else res.once("drain", pump);
      };
      res.write("%PDF-1.4\n");
      return pump();
    }
    const file = path.join(dir, p.endsWith("/") ? `${p}index.htm` : p);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile() || path.basename(file) === "README.md") {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      return res.end("<html><body><h1>404 页面不存在</h1></body></html>");
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "content-length": statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    maxInFlight: () => maxInFlight,
    replace: (urlPath, body) => void replaced.set(urlPath, body),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
