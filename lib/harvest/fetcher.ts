/**
 * A polite HTTP client for agencies' websites: robots.txt is honoured, one request at a time per
 * host with a pause between them, every request has a time limit, a size cap and a redirect limit,
 * transient failures are retried with a growing pause, and the User-Agent says who we are. Many of
 * these sites are small county servers: harvesting must never look like an attack on them.
 *
 * Failures come back as a `FetchFailure` with a stable code; the Chinese wording is the caller's
 * (lib/messages/harvest.ts), so the same failure reads the same everywhere.
 */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import robotsParser from "robots-parser";

export const USER_AGENT_TOKEN = "DisclosureDashboardHarvester";

export interface FetcherOptions {
  /** Pause between two requests to the same host (ms); robots.txt Crawl-delay can lengthen it. */
  delayMs: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  /** First retry pause; doubled for each further retry. */
  backoffMs: number;
  /** Who to contact about the crawler, put into the User-Agent. */
  contact: string;
  /**
   * Loopback and private networks are refused by default: a source address typed by a user must
   * not make the server fetch from its own network. Tests (a local mirror) and intranet portals set it.
   */
  allowPrivate?: boolean;
}

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : d);

export const defaultFetcherOptions = (): FetcherOptions => ({
  delayMs: num(process.env.HARVEST_DELAY_MS, 2_000),
  timeoutMs: num(process.env.HARVEST_TIMEOUT_MS, 30_000),
  maxBytes: num(process.env.HARVEST_MAX_MB, 20) * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  backoffMs: num(process.env.HARVEST_BACKOFF_MS, 5_000),
  contact: process.env.HARVEST_CONTACT ?? "disclosure-dashboard; annual-report collection",
  allowPrivate: process.env.HARVEST_ALLOW_PRIVATE === "1",
});

/** Loopback, private, link-local, carrier-grade NAT and unspecified addresses. */
export function isPrivateAddress(ip: string): boolean {
  const v = ip.toLowerCase().replace(/^\[|\]$/g, "");
  if (isIP(v) === 4) {
    const [a, b] = v.split(".").map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(v) === 6) {
    if (v === "::1" || v === "::") return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
    if (mapped) return isPrivateAddress(mapped[1]);
    return /^f[cd]/.test(v) || /^fe[89ab]/.test(v);
  }
  return false;
}

export type FetchCode = "robots" | "offsite" | "private" | "timeout" | "too_large" | "redirects" | "http" | "network" | "bad_url";

export class FetchFailure extends Error {
  constructor(
    readonly code: FetchCode,
    readonly url: string,
    readonly status?: number,
  ) {
    super(`${code} ${status ?? ""} ${url}`);
  }
}

export interface Fetched {
  /** The address after redirects. */
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

/** May this address be requested at all (the agency's own site, its attachments)? */
export type UrlGate = (url: URL) => boolean;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PoliteFetcher {
  readonly userAgent: string;
  private hosts = new Map<string, { chain: Promise<unknown>; last: number; crawlDelayMs: number }>();
  private robots = new Map<string, Promise<((url: string) => boolean) | null>>();
  /** Requests sent, for tests and for the run's summary. */
  requests = 0;

  constructor(readonly o: FetcherOptions = defaultFetcherOptions()) {
    this.userAgent = `Mozilla/5.0 (compatible; ${USER_AGENT_TOKEN}/1.0; +${o.contact})`;
  }

  /**
   * GET one address. `gate` decides every hop of a redirect too: a report link that redirects to
   * another site is not followed.
   */
  async get(raw: string, gate: UrlGate, opts: { maxBytes?: number } = {}): Promise<Fetched> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchFailure("bad_url", raw);
    }
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchFailure("bad_url", url.href);
      if (!gate(url)) throw new FetchFailure("offsite", url.href);
      if (!this.o.allowPrivate && (await this.isPrivate(url))) throw new FetchFailure("private", url.href);
      if (!(await this.allowed(url))) throw new FetchFailure("robots", url.href);
      const res = await this.withRetries(url, opts.maxBytes ?? this.o.maxBytes);
      if (res.location === null) return res.fetched;
      if (hop >= this.o.maxRedirects) throw new FetchFailure("redirects", raw);
      try {
        url = new URL(res.location, url);
      } catch {
        throw new FetchFailure("bad_url", res.location);
      }
    }
  }

  private async isPrivate(url: URL): Promise<boolean> {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (host === "localhost" || host.endsWith(".localhost")) return true;
    if (isIP(host)) return isPrivateAddress(host);
    try {
      return (await lookup(host, { all: true })).some((a) => isPrivateAddress(a.address));
    } catch {
      return false; // unresolvable: the request itself fails with "cannot connect"
    }
  }

  private async withRetries(url: URL, maxBytes: number) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(url, maxBytes);
      } catch (e) {
        const f = e instanceof FetchFailure ? e : new FetchFailure("network", url.href);
        // Only what may pass: a server error, "too many requests", a dropped connection, a timeout.
        const transient =
          f.code === "network" || f.code === "timeout" || (f.code === "http" && (f.status === 429 || (f.status ?? 0) >= 500));
        if (!transient || attempt >= this.o.retries) throw f;
        await sleep(this.o.backoffMs * 2 ** attempt);
      }
    }
  }

  /** One request, queued behind the host's previous one and the pause after it. */
  private once(url: URL, maxBytes: number): Promise<{ fetched: Fetched; location: string | null }> {
    const host = url.host;
    const h = this.hosts.get(host) ?? { chain: Promise.resolve(), last: 0, crawlDelayMs: 0 };
    this.hosts.set(host, h);
    const run = async () => {
      const wait = h.last + Math.max(this.o.delayMs, h.crawlDelayMs) - Date.now();
      if (h.last > 0 && wait > 0) await sleep(wait);
      try {
        return await this.request(url, maxBytes);
      } finally {
        h.last = Date.now();
      }
    };
    const p = h.chain.then(run, run);
    h.chain = p.catch(() => {});
    return p;
  }

  private async request(url: URL, maxBytes: number): Promise<{ fetched: Fetched; location: string | null }> {
    this.requests++;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.o.timeoutMs);
    try {
      let res: Response;
      try {
        res = await fetch(url, {
          redirect: "manual",
          signal: ctl.signal,
          headers: { "user-agent": this.userAgent, accept: "text/html,application/pdf,application/msword,*/*;q=0.8" },
        });
      } catch {
        throw new FetchFailure(ctl.signal.aborted ? "timeout" : "network", url.href);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
        await res.body?.cancel().catch(() => {});
        return { fetched: null as never, location: res.headers.get("location") };
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw new FetchFailure("http", url.href, res.status);
      }
      const declared = Number(res.headers.get("content-length") ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel().catch(() => {});
        throw new FetchFailure("too_large", url.href);
      }
      const bytes = await readCapped(res, maxBytes, url.href, ctl.signal);
      return { fetched: { url: url.href, status: res.status, contentType: res.headers.get("content-type") ?? "", bytes }, location: null };
    } finally {
      clearTimeout(timer);
    }
  }

  /** robots.txt of the address's origin, read once per run. */
  private allowed(url: URL): Promise<boolean> {
    if (url.pathname === "/robots.txt") return Promise.resolve(true);
    let check = this.robots.get(url.origin);
    if (!check) {
      check = this.loadRobots(url);
      this.robots.set(url.origin, check);
    }
    return check.then((c) => (c ? c(url.href) : false));
  }

  private async loadRobots(url: URL): Promise<((u: string) => boolean) | null> {
    const robotsUrl = `${url.origin}/robots.txt`;
    try {
      const r = await this.withRetries(new URL(robotsUrl), 512 * 1024);
      if (r.location !== null) return () => true; // a redirected robots.txt: treated as none (a home page)
      const text = new TextDecoder().decode(r.fetched.bytes);
      const robots = robotsParser(robotsUrl, text);
      const delay = robots.getCrawlDelay(USER_AGENT_TOKEN);
      const h = this.hosts.get(url.host);
      if (h && delay) h.crawlDelayMs = Math.min(60_000, delay * 1000);
      return (u) => robots.isAllowed(u, USER_AGENT_TOKEN) !== false;
    } catch (e) {
      // No robots.txt (4xx) means no rules; a server that cannot answer it is left alone this run.
      if (e instanceof FetchFailure && e.code === "http" && (e.status ?? 0) >= 400 && (e.status ?? 0) < 500) return () => true;
      return null;
    }
  }
}

async function readCapped(res: Response, maxBytes: number, url: string, signal: AbortSignal): Promise<Uint8Array> {
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new FetchFailure("too_large", url);
      }
      parts.push(value);
    }
  } catch (e) {
    if (e instanceof FetchFailure) throw e;
    throw new FetchFailure(signal.aborted ? "timeout" : "network", url);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
