/**
 * Presentations that differ only in how table cells are separated, pipes aside (pipe-text.ts):
 * markdown, one cell per line, flattened rows.
 */
import { chance, pick, type Rng } from "../random";
import type { KnownReport, Presentation } from "./known";
import { gridOf, textOf, type MTable, type ValueStyle } from "./tables";
import { documentText } from "./document-text";
import { BLANK, asciiPunct, rowLines } from "./transforms";

/** 2. Markdown tables with `|---|` rules, merged cells expanded to empty slots (huaian-2024-markdown). */
export function markdownTable(t: MTable, style: ValueStyle): string {
  const grid = gridOf(t);
  const line = (slots: string[]) => `| ${slots.join(" | ")} |`.replace(/ {2}/g, " ");
  const rule = (n: number) => `|${Array(n).fill("---").join("|")}|`;
  const out: string[] = [];
  grid.forEach((row, ri) => {
    const slots = row.map((s) => (s?.origin ? textOf(s.cell, style) : ""));
    const role = t.rows[ri].role;
    if (t.id === "t2") {
      // each 第二十条 section is its own markdown table of 4 columns
      if (role === "section") {
        if (out.length) out.push("");
        out.push(line(slots), rule(t.width));
        return;
      }
      out.push(line(slots));
      return;
    }
    out.push(line(slots));
    if (ri === 0) out.push(rule(t.width));
  });
  return out.join("\n");
}

export const markdown: Presentation = {
  id: "markdown",
  label: "markdown table with |---| rule",
  lossy: false,
  render(r, rng) {
    const style: ValueStyle = { blank: pick(rng, ["", "", "/", "—"]) };
    return documentText(r, rng, (t) => `\n${markdownTable(t, style)}\n`);
  },
};

/** One cell per line (text of an HTML table). */
function cellPerLine(opts: { spaced: boolean; blank: "line" | "none" | "marker" }): (r: KnownReport, rng: Rng) => string {
  return (r, rng) => {
    const marker = pick(rng, ["/", "—", "-"]);
    const style: ValueStyle = { blank: opts.blank === "marker" ? marker : "", yuanSuffix: chance(rng, 0.3) };
    const ascii = chance(rng, 0.6);
    // quirks of the real pages: padded values (' 0', '0 ', no-break spaces), '+19' in 本年增/减,
    // clipped headers ('本年增/', '现行有效件'), '商业⏎⏎企业' split into two paragraphs
    const padded = chance(rng, 0.3);
    const plus = chance(rng, 0.4);
    const clipped = chance(rng, 0.3);
    const splitHead = opts.spaced && chance(rng, 0.3);
    const render = (t: MTable) => {
      const lines: string[] = [];
      for (const row of t.rows)
        for (const c of row.cells) {
          const isNull = c.kind === "value" && (c.value === null || c.value === undefined);
          if (isNull && opts.blank === "none") continue;
          let text = textOf(c, style);
          if (c.kind === "value" && !isNull) {
            if (plus && c.key?.endsWith(".change") && (c.value ?? 0) > 0) text = `+${text}`;
            if (padded && chance(rng, 0.5)) text = pick(rng, [` ${text}`, `  ${text}`, `${text} `, `\u00a0${text}`]);
          }
          if (c.kind === "head" && clipped) {
            if (text === "本年增/减") text = "本年增/";
            else if (text === "现行有效件数") text = "现行有效件";
          }
          // yelang: header cells broken inside (本年新⏎制作数量) — only where cells are blank-line separated
          if (opts.spaced && c.kind === "head" && text.length >= 6 && /^本年新/.test(text) && chance(rng, 0.5))
            text = `${text.slice(0, 3)}\n${text.slice(3)}`;
          // qijiazi: 商业⏎⏎企业, 科研⏎⏎机构
          if (splitHead && c.kind === "head" && (text === "商业企业" || text === "科研机构"))
            text = `${text.slice(0, 2)}\n\n${text.slice(2)}`;
          lines.push(text);
        }
      return lines.join(opts.spaced ? "\n\n" : "\n");
    };
    const text = documentText(r, rng, render, { blankLines: opts.spaced });
    return ascii ? asciiPunct(text) : text;
  };
}

export const cellLineTight: Presentation = {
  id: "cell-per-line",
  label: "one cell per line, no blank lines, blank cell = empty line",
  lossy: false,
  render: cellPerLine({ spaced: false, blank: "line" }),
};
export const cellLineSpaced: Presentation = {
  id: "cell-per-line-spaced",
  label: "one cell per line, blank lines between cells, blank cell = / or —",
  lossy: false,
  render: cellPerLine({ spaced: true, blank: "marker" }),
};
export const cellLineDropped: Presentation = {
  id: "cell-per-line-dropped",
  label: "one cell per line, blank lines between cells, blank cells leave no line",
  lossy: true,
  render: cellPerLine({ spaced: true, blank: "none" }),
};
export const cellLineDroppedTight: Presentation = {
  id: "cell-per-line-dropped-tight",
  label: "one cell per line, no blank lines, blank cells leave no line",
  lossy: true,
  render: cellPerLine({ spaced: false, blank: "none" }),
};

/** Each table row on one line with its cells run together (`规章000`) (bali/xisi 2023–2025). */
export const flattenedRows: Presentation = {
  id: "flattened-rows",
  label: "each table row flattened onto one line (规章000)",
  lossy: true,
  render(r, rng) {
    // Blank cells print nothing, or `——` / `/` (which the reader must take as one blank each).
    const style: ValueStyle = { blank: pick(rng, ["", "", "——", "/"]) };
    const render = (t: MTable) =>
      rowLines(t, style, "")
        .map((line) => `    ${line}`)
        .join("\n");
    return asciiPunct(documentText(r, rng, render, { indent: "    " }));
  },
};

/**
 * Each table row on one line, its cells separated by single spaces and blanks printed as `——`
 * (a crawler's text of a page whose table cells became words; 汉台区 2025). Every cell shows.
 */
export const flattenedSpaced: Presentation = {
  id: "flattened-spaced",
  label: "each table row on one line, cells separated by a space, blanks as ——",
  lossy: false,
  render(r, rng) {
    const style: ValueStyle = { blank: pick(rng, ["——", "/", "-"]) };
    const render = (t: MTable) => rowLines(t, style, " ").join("\n");
    return asciiPunct(documentText(r, rng, render));
  },
};

/** The whole page (or each whole table) flattened onto one line (a crawler's text of the page). */
export const flattenedPage: Presentation = {
  id: "flattened-page",
  label: "whole page (or each table) flattened onto one line",
  lossy: true,
  render(r, rng) {
    const render = (t: MTable) => rowLines(t, BLANK, "").join("");
    const text = documentText(r, rng, render);
    return chance(rng, 0.6) ? text.replace(/\n+/g, chance(rng, 0.5) ? "" : " ") : text;
  },
};
