/**
 * Reading agencies' list pages and report pages: which links are annual reports (and of which
 * year), which lead to the next page of the list, which are attachments, and the date a page
 * prints. Pure functions over the page's HTML, tested against the saved mirror
 * (data/harvest-site) and the shapes seen on real sites (TRS `createPageHTML`, "下一页" links,
 * tables and <ul> lists, 发布日期 / 时间 / meta PubDate).
 */
import { decodeHTML } from "entities";

export interface PageLink {
  url: string;
  title: string;
  /** A date printed next to the link on a list page (2025-03-10), if any. */
  listedOn: string | null;
}

const ANCHOR = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
const attr = (attrs: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
    .exec(attrs)
    ?.slice(1)
    .find((v) => v !== undefined) ?? null;
const textOf = (html: string) =>
  decodeHTML(html.replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
const DATE = /(20\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;

export function isoDate(m: RegExpExecArray | null): string | null {
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Scripts and styles hold text that looks like links and dates but is not the page's. */
const withoutScripts = (html: string) => html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ").replace(/<!--[\s\S]*?-->/g, " ");

export function extractLinks(html: string, base: string): PageLink[] {
  const clean = withoutScripts(html);
  const out: PageLink[] = [];
  for (const m of clean.matchAll(ANCHOR)) {
    const href = attr(m[1], "href");
    if (!href || /^(?:javascript:|mailto:|tel:|#)/i.test(href.trim())) continue;
    let url: string;
    try {
      url = new URL(decodeHTML(href.trim()), base).href.replace(/#.*$/, "");
    } catch {
      continue;
    }
    const title = textOf(attr(m[1], "title") ?? "") || textOf(m[2]);
    // The date a list prints beside the link: in the next ~200 characters, before the next link.
    const after = clean.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 200).split(/<a\b/i)[0];
    out.push({ url, title, listedOn: isoDate(DATE.exec(textOf(after))) });
  }
  return out;
}

const REPORT_TITLE = /(政府)?信息公开(工作)?年度?报告|政务公开.{0,6}年度?报告|信息公开年报/;
/** Titles that name a report without being one: notices about writing them, plans, templates. */
const NOT_A_REPORT = /通知|要点|方案|模板|格式|解读|征求意见|函$/;
const YEAR = /(20\d{2}|19\d{2})\s*年/;

/** The report year a link title names, or null when the title is not an annual report. */
export function reportYearOf(title: string): number | null {
  const t = title.replace(/\s+/g, "");
  if (!REPORT_TITLE.test(t) || NOT_A_REPORT.test(t)) return null;
  const y = YEAR.exec(t);
  return y ? Number(y[1]) : null;
}

export interface ReportLink extends PageLink {
  year: number;
}

export function reportLinks(links: PageLink[]): ReportLink[] {
  const seen = new Set<string>();
  const out: ReportLink[] = [];
  for (const l of links) {
    const year = reportYearOf(l.title);
    if (year === null || seen.has(l.url)) continue;
    seen.add(l.url);
    out.push({ ...l, year });
  }
  return out;
}

const NEXT_TEXT = /^(下一页|下页|后一页|next|›|»|>)$/i;

/**
 * The list's other pages: "下一页" links, and the pages a TRS template's
 * `createPageHTML(count, current, "index", "htm")` would write (index_1.htm … index_{count-1}.htm).
 */
export function nextPages(html: string, base: string): string[] {
  const out = new Set<string>();
  for (const l of extractLinks(html, base)) if (NEXT_TEXT.test(l.title)) out.add(l.url);
  const trs = /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/.exec(html);
  if (trs) {
    const [count, current, name, ext] = [Number(trs[1]), Number(trs[2]), trs[3], trs[4]];
    const next = current + 1;
    if (next < count) out.add(new URL(`${name}_${next}.${ext}`, base).href);
  } else {
    // The older TRS form: countPage / currentPage variables before a bare createPageHTML call.
    const count = /countPage\s*=\s*(\d+)/.exec(html);
    const current = /currentPage\s*=\s*(\d+)/.exec(html);
    if (count && current && Number(current[1]) + 1 < Number(count[1]) && /createPageHTML\(/.test(html)) {
      out.add(new URL(`index_${Number(current[1]) + 1}.${/\.s?html?$/.exec(new URL(base).pathname)?.[0].slice(1) ?? "html"}`, base).href);
    }
  }
  return [...out];
}

const ATTACHMENT_EXT = /\.(pdf|docx?|wps)(?:$|[?#])/i;

/** The file kind an address or a link title names (.pdf, .doc, .docx, .wps), or null. */
export function attachmentKind(url: string, title = ""): "pdf" | "doc" | "docx" | "wps" | null {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* a relative or broken address: look at it as written */
  }
  const m = ATTACHMENT_EXT.exec(path) ?? ATTACHMENT_EXT.exec(title);
  return m ? (m[1].toLowerCase() as "pdf" | "doc" | "docx" | "wps") : null;
}

/** A report page's attachments, the one whose title names a report first. */
export function attachments(html: string, base: string): PageLink[] {
  const found = extractLinks(html, base).filter((l) => attachmentKind(l.url, l.title) !== null);
  return found.sort((a, b) => Number(REPORT_TITLE.test(b.title)) - Number(REPORT_TITLE.test(a.title)));
}

/** The publication date a report page prints (发布日期, 发布时间, 时间, 日期, or the CMS's meta PubDate). */
export function printedDate(html: string): string | null {
  const meta = /<meta\s+name=["'](?:PubDate|publishdate|firstpublishedtime)["']\s+content=["']([^"']+)["']/i.exec(html);
  if (meta) {
    const d = isoDate(DATE.exec(meta[1]));
    if (d) return d;
  }
  const text = textOf(withoutScripts(html));
  const labelled = /(?:发布日期|发布时间|发文日期|成文日期|日期|时间)\s*[:：]\s*(20\d{2}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2})/.exec(
    text,
  );
  return labelled ? isoDate(DATE.exec(labelled[1])) : null;
}
