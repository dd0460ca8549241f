/**
 * The HTML scanner under lib/parse/html.ts: a page's markup to a tree of elements and text, keeping
 * only what the reader uses (rowspan/colspan, <meta> name/content, text). It skips from `<` to `>`
 * with indexOf, is linear in the page and never throws: malformed markup gives a tree, never an
 * error (HTML's own recovery rules, as far as reports need them: p closing, table scope, lists).
 */
import { decodeHTML } from "entities";
import { MAX_HTML_DEPTH } from "./limits";
export interface El {
  tag: string;
  attrs: Record<string, string> | null;
  children: (El | string)[];
  parent: El | null;
  /** Whether the subtree holds any visible text (set by findArticle). */
  hasText?: boolean;
  /** Levels below the root; capped at MAX_HTML_DEPTH so the recursive walks below stay shallow. */
  depth?: number;
}

/** A set of tag names, written as one line of HTML's own lists. */
const tags = (names: string) => new Set(names.split(" "));

export const BLOCKS = tags("p div h1 h2 h3 h4 h5 h6 li section article tr center blockquote dd dt");
/** Read but dropped: their text is never part of the report. */
const DROPPED = tags("script style noscript iframe template svg select button input textarea");
/** Content is raw text up to the matching end tag. */
const RAW_TEXT = tags("script style textarea title xmp iframe noscript noembed noframes plaintext");
const VOID = tags("area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr");
/** Starting one of these closes an open <p> (HTML's "closes a p element"). */
const CLOSES_P = tags(
  "address article aside blockquote center details dir div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section summary table ul li dd dt",
);
/** A <p> is not closed across these (HTML's button scope). */
const P_SCOPE = tags("table td th caption html body button object marquee applet template");
/** Attributes the reader uses; every other attribute is skipped unread. */
const KEEP_ATTRS: Record<string, RegExp> = {
  td: /\b(rowspan|colspan)\s*=\s*["']?\s*(\d+)/gi,
  th: /\b(rowspan|colspan)\s*=\s*["']?\s*(\d+)/gi,
  meta: /\b(name|content|charset|http-equiv)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
};
const TAG_NAME = /[a-zA-Z][^\s/>]*/y;

export const text = (s: string) => (s.includes("&") ? decodeHTML(s) : s);

/** The page as a tree of elements and text, keeping only the attributes the reader uses. */
export function parseTree(html: string): { root: El; body: El | null; title: string | null; metas: Record<string, string>[] } {
  const root: El = { tag: "#root", attrs: null, children: [], parent: null };
  let cur = root;
  let body: El | null = null;
  let title: string | null = null;
  const metas: Record<string, string>[] = [];
  const n = html.length;
  let i = 0;

  const open = (el: El) => {
    cur.children.push(el);
    // Past the depth cap an element is kept as an empty marker and its content joins its parent:
    // 5,000 nested <div>s no longer overflow the stack (nor 200,000 run for minutes).
    if ((cur.depth ?? 0) >= MAX_HTML_DEPTH) return;
    el.depth = (cur.depth ?? 0) + 1;
    cur = el;
  };
  const closeTo = (tag: string, boundary?: Set<string>) => {
    for (let e: El | null = cur; e && e !== root; e = e.parent) {
      if (e.tag === tag) {
        cur = e.parent ?? root;
        return true;
      }
      if (boundary?.has(e.tag)) return false;
    }
    return false;
  };

  while (i < n) {
    const lt = html.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) cur.children.push(html.slice(i, end));
    if (lt < 0) break;
    i = lt;
    const next = html.charCodeAt(i + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      // Comment, doctype, CDATA, processing instruction: skipped.
      const close = html.startsWith("<!--", i) ? html.indexOf("-->", i + 4) : html.indexOf(">", i + 2);
      i = close < 0 ? n : close + (html.startsWith("<!--", i) ? 3 : 1);
      continue;
    }
    const isEnd = next === 47; /* / */
    TAG_NAME.lastIndex = i + (isEnd ? 2 : 1);
    const m = TAG_NAME.exec(html);
    if (!m) {
      // A `<` that opens no tag is text.
      cur.children.push("<");
      i++;
      continue;
    }
    const tag = m[0].toLowerCase();
    const gt = tagEnd(html, TAG_NAME.lastIndex);
    const attrText = html.slice(TAG_NAME.lastIndex, gt < 0 ? n : gt);
    i = gt < 0 ? n : gt + 1;

    if (isEnd) {
      // An end tag closes its element only within the scope HTML gives it: a stray </div> inside a
      // table cell does not end the table.
      if (tag === "br") cur.children.push({ tag: "br", attrs: null, children: [], parent: cur });
      else if (tag === "p") closeTo("p", P_SCOPE);
      else if (tag === "table") closeTo("table");
      else if (TABLE_PARTS.has(tag)) closeTo(tag, TABLE_SCOPE);
      else closeTo(tag, END_SCOPE);
      continue;
    }

    // Implied ends: a new cell ends the open one, a new row the open row, a block the open <p>.
    if (tag === "td" || tag === "th") closeTo("td", TABLE_SCOPE) || closeTo("th", TABLE_SCOPE);
    else if (tag === "tr") {
      closeTo("td", TABLE_SCOPE) || closeTo("th", TABLE_SCOPE);
      closeTo("tr", TABLE_SCOPE);
    } else if (tag === "li") closeTo("li", LIST_SCOPE);
    else if (tag === "option") closeTo("option");
    if (CLOSES_P.has(tag)) closeTo("p", P_SCOPE);

    let attrs: Record<string, string> | null = null;
    const keep = KEEP_ATTRS[tag];
    if (keep && attrText) {
      attrs = {};
      keep.lastIndex = 0;
      for (let a = keep.exec(attrText); a; a = keep.exec(attrText)) attrs[a[1].toLowerCase()] ??= a[2] ?? a[3] ?? a[4] ?? "";
    }
    if (tag === "meta") {
      if (attrs) metas.push(attrs);
      continue;
    }
    const el: El = { tag, attrs, children: [], parent: cur };
    if (VOID.has(tag)) {
      cur.children.push(el);
      continue;
    }
    if (RAW_TEXT.has(tag)) {
      const close = findEndTag(html, tag, i);
      const raw = html.slice(i, close < 0 ? n : close);
      if (tag === "title") title ??= text(raw);
      else if (!DROPPED.has(tag)) el.children.push(raw);
      i = close < 0 ? n : tagEnd(html, close + 2) + 1 || n;
      if (!DROPPED.has(tag) && tag !== "title") cur.children.push(el);
      continue;
    }
    if (tag === "body") {
      body ??= el;
      open(el);
      continue;
    }
    if (DROPPED.has(tag)) {
      // Parsed (to find its end) but not attached: its text never reaches the report.
      el.parent = cur;
      if ((cur.depth ?? 0) >= MAX_HTML_DEPTH) continue;
      el.depth = (cur.depth ?? 0) + 1;
      cur = el;
      continue;
    }
    open(el);
  }
  return { root, body, title, metas };
}

const TABLE_SCOPE = new Set(["table"]);
const TABLE_PARTS = new Set(["td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup"]);
const END_SCOPE = new Set(["table", "td", "th", "caption", "html", "object", "marquee", "applet", "template"]);
const LIST_SCOPE = new Set(["ul", "ol", "table"]);

/**
 * The `>` closing a tag whose name ends at `from`. A quote opens an attribute value only after
 * `=`; an unterminated value ends at the next `>`. Jumps from quote to quote: linear.
 */
function tagEnd(html: string, from: number): number {
  const stop = /["'>]/g;
  stop.lastIndex = from;
  for (;;) {
    const m = stop.exec(html);
    if (!m) return -1;
    const k = m.index;
    if (m[0] === ">") return k;
    let b = k - 1;
    while (b >= from && html.charCodeAt(b) <= 32) b--;
    if (b < from || html.charCodeAt(b) !== 61 /* = */) continue;
    const close = html.indexOf(m[0], k + 1);
    if (close < 0) return html.indexOf(">", k + 1);
    stop.lastIndex = close + 1;
  }
}

function findEndTag(html: string, tag: string, from: number): number {
  const re = new RegExp(`</${tag}[\\s/>]`, "gi");
  re.lastIndex = from;
  return re.exec(html)?.index ?? -1;
}
