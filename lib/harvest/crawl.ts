/**
 * One agency's annual-report column: walk the list and its further pages, pick the report links,
 * and fetch each report (the page, or the attachment the page wraps). Network only through the
 * PoliteFetcher; no database: the caller (pipeline/harvest.ts) reads and saves what this returns.
 */
import { FetchFailure, type PoliteFetcher, type UrlGate } from "./fetcher";
import { attachmentKind, attachments, extractLinks, nextPages, printedDate, reportLinks, type ReportLink } from "./links";

export const MAX_LIST_PAGES = 20;

/** The part of a host name an agency owns: pingtan.gov.cn for www.pingtan.gov.cn and file.pingtan.gov.cn. */
export function siteOf(hostname: string): string {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(":")) return hostname;
  const parts = hostname.toLowerCase().split(".");
  const twoLevelSuffix =
    parts.length >= 3 && /^(gov|com|org|net|edu)$/.test(parts[parts.length - 2]) && parts[parts.length - 1].length === 2;
  return parts.slice(twoLevelSuffix ? -3 : -2).join(".");
}

const bareHost = (u: URL) => u.host.toLowerCase().replace(/^www\./, "");

/**
 * What may be fetched from a column. The list and its further pages: the column's own host (with or
 * without www.). Report pages and attachments: any host of the agency's site — disclosure platforms
 * and file servers often sit on a sibling host (xxgk.x.gov.cn, file.x.gov.cn). Nothing else.
 */
export function gatesFor(listUrl: string): { list: UrlGate; page: UrlGate; attachment: UrlGate } {
  const list = new URL(listUrl);
  const sameSite = (u: URL) => bareHost(u) === bareHost(list) || siteOf(u.hostname) === siteOf(list.hostname);
  return { list: (u) => bareHost(u) === bareHost(list), page: sameSite, attachment: sameSite };
}

export interface ListResult {
  links: ReportLink[];
  pages: number;
  /** The list went on past MAX_LIST_PAGES (an endless "下一页"): what was found is kept. */
  truncated: boolean;
  /** Links that lead off the agency's site, not followed. */
  offsite: ReportLink[];
}

/** The list pages, breadth first; a page seen once is not fetched again (loops end here). */
export async function crawlList(listUrl: string, fetcher: PoliteFetcher, maxPages = MAX_LIST_PAGES): Promise<ListResult> {
  const gates = gatesFor(listUrl);
  const queue = [listUrl];
  const seen = new Set<string>();
  const found = new Map<string, ReportLink>();
  const offsite: ReportLink[] = [];
  let pages = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    if (pages >= maxPages) return { links: [...found.values()], pages, truncated: true, offsite };
    seen.add(url);
    // The first page must load (the caller reports why not); a later page that fails is skipped.
    let html: string;
    try {
      const page = await fetcher.get(url, gates.list, { maxBytes: 5 * 1024 * 1024 });
      html = decodePage(page.bytes);
      seen.add(page.url);
    } catch (e) {
      if (pages === 0) throw e;
      continue;
    }
    pages++;
    for (const l of reportLinks(extractLinks(html, url))) {
      if (!gates.page(new URL(l.url))) {
        offsite.push(l);
        continue;
      }
      if (!found.has(l.url)) found.set(l.url, l);
    }
    for (const n of nextPages(html, url)) if (!seen.has(n) && gates.list(new URL(n))) queue.push(n);
  }
  return { links: [...found.values()], pages, truncated: false, offsite };
}

export interface FoundDocument {
  year: number;
  title: string;
  pageUrl: string;
  attachmentUrl: string | null;
  /** The date the report page prints (发布日期), else the date the list prints beside the link. */
  printedOn: string | null;
  /** A file name the reader understands (the extension picks PDF, Word, web page). */
  name: string;
  bytes: Uint8Array;
}

/** Section headings of the national template: a page that prints them holds the report itself. */
const REPORT_BODY = ["主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议", "存在的主要问题"];

export function pageHoldsReport(html: string): boolean {
  const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ").replace(/<[^>]*>/g, "");
  return REPORT_BODY.filter((h) => text.includes(h)).length >= 2 || (text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > 4000;
}

/** The report behind a link: its page, or the attachment that page wraps (or the link's own file). */
export async function fetchReport(link: ReportLink, listUrl: string, fetcher: PoliteFetcher): Promise<FoundDocument> {
  const gates = gatesFor(listUrl);
  // Every way out names the link's year and title; they differ in where the bytes came from.
  const found = (
    pageUrl: string,
    attachmentUrl: string | null,
    printedOn: string | null,
    name: string,
    bytes: Uint8Array,
  ): FoundDocument => ({
    year: link.year,
    title: link.title,
    pageUrl,
    attachmentUrl,
    printedOn,
    name,
    bytes,
  });
  const direct = attachmentKind(link.url, link.title);
  if (direct) {
    const file = await fetcher.get(link.url, gates.attachment);
    return found(link.url, file.url, link.listedOn, fileName(file.url, direct), file.bytes);
  }
  const page = await fetcher.get(link.url, gates.page, { maxBytes: 5 * 1024 * 1024 });
  const html = decodePage(page.bytes);
  const printedOn = printedDate(html) ?? link.listedOn;
  const files = attachments(html, page.url);
  if (pageHoldsReport(html) || files.length === 0) {
    return found(page.url, null, printedOn, "page.html", page.bytes);
  }
  let lastError: unknown = null;
  // The report's own attachment first; a page may also carry its 解读 or an image-only copy.
  for (const f of files.slice(0, 3)) {
    try {
      const file = await fetcher.get(f.url, gates.attachment);
      return found(page.url, file.url, printedOn, fileName(file.url, attachmentKind(f.url, f.title) ?? "pdf"), file.bytes);
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError ?? new FetchFailure("network", link.url);
}

/** The reader picks PDF, Word or web page by content and extension; the address is kept apart. */
const fileName = (_url: string, kind: string) => `attachment.${kind}`;

/** Page bytes to text: the declared charset, else UTF-8 when valid, else GB18030 (GBK sites). */
export function decodePage(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  if (!declared || declared === "utf-8" || declared === "utf8") {
    try {
      return utf8.decode(bytes);
    } catch {
      return new TextDecoder("gb18030").decode(bytes);
    }
  }
  try {
    // Pages saved as UTF-8 often keep the template's charset=gb2312: valid UTF-8 wins.
    return utf8.decode(bytes);
  } catch {
    try {
      return new TextDecoder(/^(gb2312|gbk|gb18030|x-gbk)$/.test(declared) ? "gb18030" : declared).decode(bytes);
    } catch {
      return new TextDecoder("gb18030").decode(bytes);
    }
  }
}
