/**
 * Web pages saved from government sites: find the article among the navigation, keep its
 * paragraphs, and expand every <table>'s rowspan/colspan into a grid so that rows read as the
 * page shows them.
 *
 * Why a scanner of our own rather than a DOM library: these pages are 100–370 KB, nine tenths of it
 * Word's inline `style="…"` attributes, and the report is a few KB of text in a few tables. A full
 * HTML parser builds every attribute of every <span>; this one skips from `<` to `>` with
 * indexOf and keeps only what the reader uses (rowspan/colspan, <meta> name/content, text). It is
 * linear in the page and never throws: malformed markup gives a tree, never an error.
 */
import { decodeHTML } from "entities";
import { documentText, type DocCell, type DocLine, type SourceDocument } from "./document";
import { MAX_HTML_DEPTH, MAX_TABLE_CELLS } from "./limits";

interface El {
  tag: string;
  attrs: Record<string, string> | null;
  children: (El | string)[];
  parent: El | null;
  /** Whether the subtree holds any visible text (set by findArticle). */
  hasText?: boolean;
  /** Levels below the root; capped at MAX_HTML_DEPTH so the recursive walks below stay shallow. */
  depth?: number;
}

const BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "section",
  "article",
  "tr",
  "center",
  "blockquote",
  "dd",
  "dt",
]);
/** Read but dropped: their text is never part of the report. */
const DROPPED = new Set(["script", "style", "noscript", "iframe", "template", "svg", "select", "button", "input", "textarea"]);
/** Content is raw text up to the matching end tag. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noscript", "noembed", "noframes", "plaintext"]);
const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/** Starting one of these closes an open <p> (HTML's "closes a p element"). */
const CLOSES_P = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "details",
  "dir",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "ul",
  "li",
  "dd",
  "dt",
]);
/** A <p> is not closed across these (HTML's button scope). */
const P_SCOPE = new Set(["table", "td", "th", "caption", "html", "body", "button", "object", "marquee", "applet", "template"]);
/** Attributes the reader uses; every other attribute is skipped unread. */
const KEEP_ATTRS: Record<string, RegExp> = {
  td: /\b(rowspan|colspan)\s*=\s*["']?\s*(\d+)/gi,
  th: /\b(rowspan|colspan)\s*=\s*["']?\s*(\d+)/gi,
  meta: /\b(name|content|charset|http-equiv)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
};
const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
const TABLE_MARK = (n: number) => `⟦TABLE${n}⟧`;
const SPACES = /[\s\u00a0\u3000]+/g;
const PAGE_DATE =
  /(?:发布日期|发布时间|发文日期|(?<![\u4e00-\u9fff])时间|(?<![\u4e00-\u9fff])日期)\s*[:：]\s*(?:<[^<>]{0,200}>\s*){0,4}(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})/;

const text = (s: string) => (s.includes("&") ? decodeHTML(s) : s);

/** The page as a tree of elements and text, keeping only the attributes the reader uses. */
function parseTree(html: string): { root: El; body: El | null; title: string | null; metas: Record<string, string>[] } {
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

export function readHtml(html: string): SourceDocument {
  const { root, body, title: pageTitle, metas } = parseTree(html);
  const meta = (name: string) => metas.find((m) => m.name?.toLowerCase() === name.toLowerCase())?.content?.trim() || undefined;
  const title = meta("ArticleTitle") ?? (pageTitle?.split(/[_|]/)[0]?.trim() || undefined);
  // The page's own 发布日期 often sits outside the article (in the page header): look for it in the
  // whole page, tags and all, when no <meta> states it.
  const publishedHint = meta("PubDate") ?? meta("pubdate") ?? meta("publishdate") ?? PAGE_DATE.exec(html.slice(0, 200_000))?.[1];

  const article = findArticle(body ?? root);

  // Tables in document order; each is read as a grid, its place in the text marked by a line of
  // its own. A table nested in another is read as part of its cell's text (the outer grid).
  const tables: El[] = [];
  const collect = (el: El) => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (c.tag === "table") tables.push(c);
      collect(c);
    }
  };
  collect(article);
  const number = new Map(tables.map((t, k) => [t, k + 1]));
  const grids = tables.map((t, k) => expandTable(t, k + 1));

  const out: string[] = [];
  const walk = (el: El) => {
    for (const c of el.children) {
      if (typeof c === "string") {
        out.push(text(c));
        continue;
      }
      if (c.tag === "br") out.push("\n");
      else if (c.tag === "table") out.push(`\n${TABLE_MARK(number.get(c) ?? 0)}\n`);
      else {
        walk(c);
        if (BLOCKS.has(c.tag)) out.push("\n");
      }
    }
  };
  walk(article);

  const lines: DocLine[] = [];
  let lineNo = 0;
  for (const raw of out.join("").split(/\r\n|\r|\n/)) {
    const t = raw.replace(SPACES, " ").trim();
    if (!t) continue;
    lineNo++;
    const mark = /^⟦TABLE(\d+)⟧$/.exec(t);
    if (!mark) {
      lines.push({ kind: "text", text: t, loc: { line: lineNo } });
      continue;
    }
    const k = Number(mark[1]);
    for (const cells of grids[k - 1] ?? []) lines.push({ kind: "row", cells, loc: { table: k, row: cells[0]?.loc.row } });
  }
  return { kind: "html", lines, title, publishedHint, text: documentText(lines) };
}

/**
 * The element holding the report: the one with the most paragraphs and tables as direct children
 * (CMS templates put the article body in one container; menus and footers hold links, not <p>).
 * One pass: whether a subtree holds text is computed once per element, bottom up.
 */
function findArticle(top: El): El {
  const markText = (el: El): boolean => {
    let any = false;
    for (const c of el.children) {
      if (typeof c === "string") any ||= VISIBLE.test(c.includes("&") ? text(c) : c);
      else if (markText(c)) any = true;
    }
    el.hasText = any;
    return any;
  };
  markText(top);

  let best: El | undefined;
  let bestScore = 0;
  const visit = (el: El) => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      let score = 0;
      for (const child of c.children) {
        if (typeof child === "string") continue;
        if (child.tag === "table") score += 5;
        else if (child.hasText && (child.tag === "p" || (child.tag === "div" && !child.children.some((x) => typeof x !== "string"))))
          score += 1;
      }
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
      visit(c);
    }
  };
  visit(top);
  return best && bestScore >= 3 ? best : top;
}
const VISIBLE = /\S/;

/** A cell's text: line breaks and nested tables as spaces, runs of space as one. */
function cellText(el: El): string {
  const parts: string[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (typeof c === "string") parts.push(text(c));
      else if (c.tag === "br" || c.tag === "table") parts.push(" ");
      else walk(c);
    }
  };
  walk(el);
  return parts.join("").replace(SPACES, " ").trim();
}

/** The rows of a table, not those of a table nested in one of its cells. */
function tableRows(table: El): El[] {
  const rows: El[] = [];
  const walk = (el: El) => {
    for (const c of el.children) {
      if (typeof c === "string" || c.tag === "table") continue;
      if (c.tag === "tr") rows.push(c);
      else walk(c);
    }
  };
  walk(table);
  return rows;
}

/**
 * Rows of a table with every rowspan/colspan expanded. A cell spanning several columns is kept
 * once per row (its first column): it is one printed value, not several.
 */
function expandTable(table: El, tableNo: number): DocCell[][] {
  const rows = tableRows(table);
  const grid: { cell: DocCell; origin: number }[][] = [];
  let origin = 0;
  // Every slot of the expanded grid costs memory: huge colspan × rowspan on many cells made a
  // 141 KB page take 1.7 GB. Past the budget the rest of the table is not expanded.
  let budget = MAX_TABLE_CELLS;
  rows.forEach((tr, r) => {
    if (budget <= 0) return;
    grid[r] ??= [];
    let col = 0;
    for (const td of tr.children) {
      if (typeof td === "string" || (td.tag !== "td" && td.tag !== "th")) continue;
      while (grid[r][col]) col++;
      const rowspan = clampSpan(td.attrs?.rowspan);
      const colspan = clampSpan(td.attrs?.colspan);
      budget -= Math.min(rowspan, rows.length - r) * colspan;
      if (budget < 0) break;
      const cell: DocCell = { text: cellText(td), loc: { table: tableNo, row: r + 1, col: col + 1 } };
      origin++;
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) grid[r + dr][col + dc] = { cell, origin };
      }
      col += colspan;
    }
  });
  return grid
    .map((row) => {
      const out: DocCell[] = [];
      let last = -1;
      for (const slot of row) {
        if (!slot) continue;
        if (slot.origin !== last) out.push(slot.cell);
        last = slot.origin;
      }
      return out;
    })
    .filter((row) => row.some((c) => c.text));
}

function clampSpan(v: string | undefined): number {
  const n = Number.parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
}
