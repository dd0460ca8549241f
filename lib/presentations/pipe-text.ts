/**
 * Presentations whose cells are separated by pipes, each the way some real reports print them:
 * clean rows, `|` on its own line, a pipe after each cell, rows opened by a lone `|`, rows broken
 * over lines.
 */
import { chance } from "../random";
import type { Presentation } from "./known";
import type { MTable } from "./tables";
import { documentText } from "./document-text";
import { BLANK, asciiPunct, missingSlots, rowCells, rowLines } from "./transforms";

/** 1. The clean baseline: `规章 | 0 | 0 | 0`. */
export const pipe: Presentation = {
  id: "pipe",
  label: "pipe rows（规章 | 0 | 0 | 0）",
  lossy: false,
  render(r, rng) {
    const ascii = chance(rng, 0.5);
    const text = documentText(r, rng, (t) => rowLines(t, BLANK, " | ").join("\n"));
    return ascii ? asciiPunct(text) : text;
  },
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
