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
import { documentText, type DocCell, type DocLine, type SourceDocument } from "./document";
import { BLOCKS, parseTree, text, type El } from "./html-tree";
import { MAX_TABLE_CELLS } from "./limits";

const TABLE_MARK = (n: number) => `⟦TABLE${n}⟧`;
const SPACES = /[\s\u00a0\u3000]+/g;
const PAGE_DATE =
  /(?:发布日期|发布时间|发文日期|(?<![\u4e00-\u9fff])时间|(?<![\u4e00-\u9fff])日期)\s*[:：]\s*(?:<[^<>]{0,200}>\s*){0,4}(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})/;

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
