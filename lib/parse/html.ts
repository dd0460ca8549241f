/**
 * Web pages saved from government sites: find the article among the navigation, keep its
 * paragraphs, and expand every <table>'s rowspan/colspan into a grid so that rows read as the
 * page shows them.
 */
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { documentText, type DocCell, type DocLine, type SourceDocument } from "./document";

const BLOCKS = "p,div,h1,h2,h3,h4,h5,h6,li,section,article,tr,center,blockquote,dd,dt";
const TABLE_MARK = (n: number) => `⟦TABLE${n}⟧`;

export function readHtml(html: string): SourceDocument {
  const $ = cheerio.load(html);
  const meta = (name: string) => $(`meta[name="${name}"]`).attr("content")?.trim() || undefined;
  const title = meta("ArticleTitle") ?? ($("title").first().text().split(/[_|]/)[0]?.trim() || undefined);
  const publishedHint = meta("PubDate") ?? meta("pubdate") ?? meta("publishdate");

  $("script,style,noscript,iframe,template,svg,select,button,input,textarea").remove();
  const root = findArticle($);

  // Innermost tables first, so a table nested in another is read as part of its cell text.
  const tables = root.find("table").toArray();
  const grids: DocCell[][][] = [];
  for (const table of [...tables].reverse()) {
    const n = tables.indexOf(table) + 1;
    grids[n - 1] = expandTable($, table, n);
    $(table).replaceWith(`<p>${TABLE_MARK(n)}</p>`);
  }

  root.find("br").replaceWith("\n");
  root.find(BLOCKS).each((_, el) => {
    $(el).append("\n");
  });
  const lines: DocLine[] = [];
  let lineNo = 0;
  for (const raw of root.text().split("\n")) {
    const text = raw.replace(/[\s\u00a0\u3000]+/g, " ").trim();
    if (!text) continue;
    lineNo++;
    const mark = /^⟦TABLE(\d+)⟧$/.exec(text);
    if (!mark) {
      lines.push({ kind: "text", text, loc: { line: lineNo } });
      continue;
    }
    const t = Number(mark[1]);
    for (const cells of grids[t - 1] ?? []) lines.push({ kind: "row", cells, loc: { table: t, row: cells[0]?.loc.row } });
  }
  return { kind: "html", lines, title, publishedHint, text: documentText(lines) };
}

/**
 * The element holding the report: the one with the most paragraphs and tables as direct children
 * (CMS templates put the article body in one container; menus and footers hold links, not <p>).
 */
function findArticle($: cheerio.CheerioAPI): cheerio.Cheerio<Element> {
  let best: Element | undefined;
  let bestScore = 0;
  $("body *").each((_, el) => {
    if (el.type !== "tag") return;
    let score = 0;
    for (const child of $(el).children().toArray()) {
      const tag = child.tagName.toLowerCase();
      if (tag === "table") score += 5;
      else if (tag === "p" || (tag === "div" && $(child).children().length === 0)) {
        if ($(child).text().trim().length > 0) score += 1;
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  });
  return best && bestScore >= 3 ? $(best) : ($("body").length ? $("body") : $.root()) as cheerio.Cheerio<Element>;
}

function cellText($: cheerio.CheerioAPI, el: AnyNode): string {
  const c = $(el).clone();
  c.find("br").replaceWith(" ");
  return c.text().replace(/⟦TABLE\d+⟧/g, " ").replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

/**
 * Rows of a table with every rowspan/colspan expanded. A cell spanning several columns is kept
 * once per row (its first column): it is one printed value, not several.
 */
function expandTable($: cheerio.CheerioAPI, table: Element, tableNo: number): DocCell[][] {
  const rows = $(table)
    .find("tr")
    .toArray()
    .filter((tr) => $(tr).closest("table").get(0) === table);
  const grid: { cell: DocCell; origin: number }[][] = [];
  let origin = 0;
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const td of $(tr).children("td,th").toArray()) {
      while (grid[r][col]) col++;
      const rowspan = clampSpan($(td).attr("rowspan"));
      const colspan = clampSpan($(td).attr("colspan"));
      const cell: DocCell = { text: cellText($, td), loc: { table: tableNo, row: r + 1, col: col + 1 } };
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
