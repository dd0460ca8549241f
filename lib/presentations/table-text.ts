/**
 * Presentations that differ only in how table cells are separated: pipes, markdown, one cell per line, flattened rows.
 */
import { chance, pick, type Rng } from "../random";
import type { KnownReport, Presentation } from "./known";
import { gridOf, textOf, type MTable, type ValueStyle } from "./tables";
import { documentText } from "./document-text";
import { asciiPunct, missingSlots, rowCells } from "./transforms";

// ---------------------------------------------------------------------------------------------
// Presentations

export const BLANK: ValueStyle = { blank: "" };

/** 1. The clean baseline: `规章 | 0 | 0 | 0`. */
export const pipe: Presentation = {
  id: "pipe",
  label: "pipe rows（规章 | 0 | 0 | 0）",
  lossy: false,
  render(r, rng) {
    const ascii = chance(rng, 0.5);
    const text = documentText(r, rng, (t) =>
      t.rows
        .map((row) =>
          rowCells(row, BLANK)
            .map((c) => c.text)
            .join(" | "),
        )
        .join("\n"),
    );
    return ascii ? asciiPunct(text) : text;
  },
};

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

/** `|` on its own line between cells, `||||` filler lines for merged cells (zhongshan 2021). */
export const pipeOwnLine: Presentation = {
  id: "pipe-own-line",
  label: "| on its own line between cells, |||| fillers",
  lossy: false,
  render(r, rng) {
    const render = (t: MTable) => {
      const lines: string[] = [];
      t.rows.forEach((row, ri) => {
        for (const c of rowCells(row, BLANK)) lines.push(c.text, "|");
        lines.push("|".repeat(1 + missingSlots(t, ri)));
      });
      return lines.join("\n");
    };
    return asciiPunct(documentText(r, rng, render));
  },
};

/** Each cell followed by ` |`, `|||` filler lines; separators sometimes wrap (tianzhen 2021). */
export const pipeSuffix: Presentation = {
  id: "pipe-suffix",
  label: "each cell followed by ' |', ||| filler lines",
  lossy: false,
  render(r, rng) {
    const render = (t: MTable) => {
      const lines: string[] = [];
      t.rows.forEach((row, ri) => {
        for (const c of rowCells(row, BLANK)) {
          if (c.text === "") lines.push("|");
          else if (c.cell.kind === "label" && chance(rng, 0.2)) lines.push(c.text, "|");
          else lines.push(`${c.text} |`);
        }
        const miss = missingSlots(t, ri);
        if (miss > 0) lines.push("|".repeat(miss));
      });
      return lines.join("\n");
    };
    return asciiPunct(documentText(r, rng, render));
  },
};

/** Rows opened by a lone `|` line, cells `x |`, rows closed by `x | |` (dalong 2020). */
export const pipeLeading: Presentation = {
  id: "pipe-leading",
  label: "rows opened by a lone | line, cells 'x |', row end 'x | |'",
  lossy: false,
  render(r, rng) {
    const render = (t: MTable) => {
      const lines: string[] = [];
      t.rows.forEach((row, ri) => {
        lines.push("|");
        const cells = rowCells(row, BLANK);
        if (row.role === "section") {
          lines.push(`${cells[0].text} | ${"|".repeat(t.width)}`);
          return;
        }
        cells.forEach((c, i) => {
          const last = i === cells.length - 1;
          lines.push(`${c.text === "" ? "" : `${c.text} `}|${last ? ` ${"|".repeat(Math.max(1, missingSlots(t, ri) ? 2 : 1))}` : ""}`);
        });
      });
      return lines.join("\n");
    };
    return asciiPunct(documentText(r, rng, render));
  },
};

/**
 * Pipe rows broken over lines (zhouji 2020, hushi 2019, yanglin 2023): header cells broken
 * (`上一年项目数量⏎| 本年增/减⏎|`), a value on the next line (`| ⏎ 0  |`), blank cells as lone `|`
 * lines, all-blank rows as `行政许可 | ||||`, leading spacer cells (`| ||821 | 35 | …`), the
 * group label split over rows (`三、 | （一）予以公开 | 9 |…`), merge placeholders after values.
 */
export const pipeBroken: Presentation = {
  id: "pipe-broken",
  label: "pipe rows broken over lines, spacer cells, split labels, merge placeholders",
  lossy: false,
  render(r, rng) {
    const render = (t: MTable) => {
      const out: string[] = [];
      let groupTail: string[] = []; // fragments of a split 三、本年度办理结果 still to print
      t.rows.forEach((row) => {
        const cells = rowCells(row, BLANK);
        const values = row.cells.filter((c) => c.kind === "value");
        const allNull = values.length > 0 && values.every((c) => c.value === null);
        const anyNull = values.some((c) => c.value === null);
        if (row.role === "section") {
          out.push(`${cells[0].text} | ${"|".repeat(t.width - 1)}`);
          return;
        }
        if (row.role === "head" && cells.length >= 3 && chance(rng, 0.6)) {
          // 信息内容 | 上一年项目数量⏎| 本年增/减⏎| 处理决定数量⏎|
          out.push(`${cells[0].text} | ${cells[1].text}`);
          for (const c of cells.slice(2)) out.push(`| ${c.text}`);
          out.push("|");
          return;
        }
        if (allNull && row.role === "data" && t.id === "t2" && chance(rng, 0.5)) {
          // yanglin: 行政许可 | ||||
          out.push(`${cells[0].text} | ${"|".repeat(t.width)}`);
          return;
        }
        const labels = cells.filter((c) => c.cell.kind !== "value");
        const vals = cells.filter((c) => c.cell.kind === "value");
        let labelTexts = labels.map((c) => c.text);
        // the 三、本年度办理结果 group cell split over the rows it spans
        const gi = labels.findIndex((c) => c.cell.kind === "group" && c.cell.tag === "results");
        if (gi >= 0 && chance(rng, 0.6)) {
          labelTexts[gi] = "三、";
          groupTail = chance(rng, 0.5) ? ["本年度", "办理结果"] : ["本年度办理结果"];
        } else if (gi < 0 && row.t3?.group !== undefined && groupTail.length) {
          labelTexts = [groupTail.shift()!, ...labelTexts];
        }
        const labelPart = labelTexts.map((s) => `${s} |`).join(" ");
        // fillers of merged label cells go at the row end; of a merged value cell after it
        const labelFill = labels.reduce((n, c) => n + c.cell.colspan - 1, 0);
        if (t.id === "t3" && row.role === "data" && !anyNull && chance(rng, 0.1)) {
          // label alone, then the values after leading spacer cells
          out.push(labelPart);
          out.push(`| ||${vals.map((v) => `${v.text} |`).join(" ")}`);
          return;
        }
        if (anyNull && chance(rng, 0.5)) {
          // blank cells as lone | lines (hushi: 规章 |⏎|⏎|⏎|)
          const lines: string[] = [labelPart];
          for (const v of vals) {
            if (v.text === "") lines.push("|");
            else lines.push(`${v.text} |`);
          }
          out.push(lines.join("\n"));
          return;
        }
        const parts: string[] = [];
        const broken = chance(rng, 0.2); // a value on the next line: `| ⏎ 0  |`
        for (const v of vals) {
          const fill = v.cell.colspan > 1 ? ` ${"|".repeat(v.cell.colspan - 1)}` : "";
          if (broken && v.text !== "" && chance(rng, 0.25)) parts.push(`\n ${v.text}  |${fill}`);
          else parts.push(` ${v.text} |${fill}`);
        }
        // fillers of merged label cells at the row end, only where no blank makes them ambiguous
        const text = `${labelPart}${parts.join("")}${labelFill && !anyNull ? ` ${"|".repeat(labelFill)}` : ""}`;
        out.push(row.role === "head" ? `${cells.map((c) => c.text).join(" | ")} |` : text);
      });
      return out.join("\n");
    };
    return asciiPunct(documentText(r, rng, render));
  },
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
      t.rows
        .map(
          (row) =>
            `    ${rowCells(row, style)
              .map((c) => c.text)
              .join("")}`,
        )
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
    const render = (t: MTable) =>
      t.rows
        .map((row) =>
          rowCells(row, style)
            .map((c) => c.text)
            .join(" "),
        )
        .join("\n");
    return asciiPunct(documentText(r, rng, render));
  },
};

/** The whole page (or each whole table) flattened onto one line (a crawler's text of the page). */
export const flattenedPage: Presentation = {
  id: "flattened-page",
  label: "whole page (or each table) flattened onto one line",
  lossy: true,
  render(r, rng) {
    const render = (t: MTable) =>
      t.rows
        .map((row) =>
          rowCells(row, BLANK)
            .map((c) => c.text)
            .join(""),
        )
        .join("");
    const text = documentText(r, rng, render);
    return chance(rng, 0.6) ? text.replace(/\n+/g, chance(rng, 0.5) ? "" : " ") : text;
  },
};
