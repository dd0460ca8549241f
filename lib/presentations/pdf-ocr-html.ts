/**
 * Presentations of other origins: PDF-extracted markdown, OCR-like text, HTML saved as text.
 * Wording variants (Traditional characters, headers, metadata) are in wording-variants.ts.
 */
import { chance, pick, type Rng } from "../random";
import { T3_NOTE } from "../report/template";
import { int, type Presentation } from "./known";
import { buildTables, gridOf, textOf, type MTable, valueText } from "./tables";
import { documentText, narrative } from "./document-text";
import { BLANK, rowCells } from "./transforms";
import { markdownTable } from "./table-text";

/**
 * Markdown from PDF extraction: 表三/表四 header rows broken into fragments (`| 业 | 构 | 益组织 |`),
 * the last header fragment row merged with the first data row, a long label wrapped with its
 * values continuing on the next row.
 */
export const pdfMarkdown: Presentation = {
  id: "pdf-markdown",
  label: "markdown from PDF extraction: header fragments, merged rows, continued values",
  lossy: false,
  render(r, rng) {
    const line = (slots: string[]) => `| ${slots.join(" | ")} |`.replace(/ {2}/g, " ");
    const render = (t: MTable) => {
      if (t.id === "t2") return `\n${markdownTable(t, BLANK)}\n`;
      const grid = gridOf(t);
      const out: string[] = [];
      if (t.id === "t3") {
        const w = t.width;
        const empty = () => Array<string>(w).fill("");
        const h1 = empty();
        h1[0] = T3_NOTE.slice(0, 14);
        h1[3] = "申请人情况";
        const h1b = empty();
        h1b[0] = T3_NOTE.slice(14);
        const h2 = empty();
        h2[3] = "自然人";
        h2[4] = "法人或其他组织";
        h2[9] = "总计";
        const h3 = empty();
        ["商业企", "科研机", "社会公", "法律服", "其他"].forEach((s, i) => (h3[4 + i] = s));
        const h4 = ["业", "构", "益组织", "务机构"];
        out.push(line(h1), `|${Array(w).fill("---").join("|")}|`, line(h1b), line(h2), line(h3));
        const mergeFirst = chance(rng, 0.6);
        // a page footer (`- 3 -`) between two rows where the table crosses a page
        const footerAt = chance(rng, 0.4) ? int(rng, 6, t.rows.length - 2) : -1;
        if (!mergeFirst) {
          const h3b = empty();
          h4.forEach((s, i) => (h3b[4 + i] = s));
          out.push(line(h3b));
        }
        grid.slice(3).forEach((row, k) => {
          const ri = k + 3;
          const slots = row.map((s) => (s?.origin ? textOf(s.cell, BLANK) : ""));
          if (ri === 3 && mergeFirst) {
            // the header fragments of 商业企业/科研机构/… merged into the first data row
            const merged = slots.map((s, i) => (i >= 4 && i < 8 ? `${h4[i - 4]} ${s}`.trim() : s));
            out.push(line(merged));
            return;
          }
          if (ri === footerAt) out.push("", `- ${int(rng, 2, 5)} -`, "");
          const trow = t.rows[ri];
          const vals = trow.cells.filter((c) => c.kind === "value");
          const longLabel = trow.t3 && trow.t3.label.length > 14;
          if (longLabel && vals.every((v) => v.value !== null) && chance(rng, 0.5)) {
            // wrapped label: first part with the first values, the rest with the remaining values
            const labelSlot = slots.indexOf(trow.t3!.label);
            const cut = Math.ceil(trow.t3!.label.length / 2);
            const k2 = int(rng, 2, 5);
            const a = slots.slice();
            const b = empty();
            if (labelSlot >= 0) {
              a[labelSlot] = trow.t3!.label.slice(0, cut);
              b[labelSlot] = trow.t3!.label.slice(cut);
            }
            for (let i = 3 + k2; i < w; i++) {
              b[i] = a[i];
              a[i] = "";
            }
            out.push(line(a), line(b));
            return;
          }
          out.push(line(slots));
        });
        return `\n${out.join("\n")}\n`;
      }
      // 表四: header fragments (结果⏎维持)
      const frag = (s: string) => (s.length === 4 && chance(rng, 0.7) ? [s.slice(0, 2), s.slice(2)] : [s, ""]);
      grid.forEach((row, ri) => {
        const slots = row.map((s) => (s?.origin ? textOf(s.cell, BLANK) : ""));
        if (t.rows[ri].role === "head" && ri > 0) {
          const parts = slots.map(frag);
          out.push(line(parts.map((p) => p[0])));
          if (parts.some((p) => p[1])) out.push(line(parts.map((p) => p[1])));
        } else out.push(line(slots));
        if (ri === 0) out.push(`|${Array(t.width).fill("---").join("|")}|`);
      });
      return `\n${out.join("\n")}\n`;
    };
    return documentText(r, rng, render);
  },
};

/** OCR look-alike substitutions and dropped characters. */
const LOOKALIKE: Record<string, string> = {
  已: "己",
  日: "曰",
  未: "末",
  土: "士",
  人: "入",
  千: "干",
  力: "刀",
  处: "外",
  理: "埋",
  请: "清",
  构: "沟",
  织: "积",
  复: "夏",
  诉: "拆",
  议: "仪",
  规: "现",
  许: "汻",
  罚: "罸",
  政: "玫",
  数: "敉",
  信: "倍",
  息: "怠",
};

function ocrNoise(s: string, rng: Rng): string {
  if (s.length <= 3 && chance(rng, 0.5)) return s;
  const chars = [...s];
  const positions = chars.map((c, i) => (/[\u4e00-\u9fff]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const n = Math.min(positions.length - 1, int(rng, 1, chars.length > 10 ? 3 : 2));
  for (let k = 0; k < n; k++) {
    const i = pick(rng, positions);
    const c = chars[i];
    if (LOOKALIKE[c] && LOOKALIKE[c] !== c) chars[i] = LOOKALIKE[c];
    else if (chars.length > 6 && chance(rng, 0.5)) chars[i] = "";
  }
  return chars.join("");
}

export const ocr: Presentation = {
  id: "ocr",
  label: "OCR-like: noisy labels, generic headers 数据1…, header labels shifted",
  lossy: true,
  render(r, rng) {
    const render = (t: MTable) => {
      const lines: string[] = [];
      let generic = false;
      t.rows.forEach((row) => {
        const cells = rowCells(row, BLANK);
        if (row.role === "head") {
          if (t.id !== "t2") {
            // generic column headers replace the merged header rows
            if (!generic) {
              const n = t.id === "t3" ? 7 : 15;
              lines.push(`| ${t.id === "t3" ? "项目 | " : ""}${Array.from({ length: n }, (_, i) => `数据${i + 1}`).join(" | ")} |`);
              generic = true;
            }
            return;
          }
          // 表二 header: labels shifted one column to the left (the 信息内容 slot lost)
          const texts = cells.map((c) => ocrNoise(c.text, rng));
          lines.push(`| ${(chance(rng, 0.5) ? [...texts.slice(1), ""] : ["", ...texts.slice(0, -1)]).join(" | ")} |`);
          return;
        }
        lines.push(`| ${cells.map((c) => (c.cell.kind === "value" ? c.text : ocrNoise(c.text, rng))).join(" | ")} |`);
      });
      return lines.join("\n");
    };
    return documentText(r, rng, render);
  },
};

/** An HTML page (a CMS article with the tables' rowspan/colspan) saved as .txt. */
export const html: Presentation = {
  id: "html",
  label: "HTML page with <table> rowspan/colspan saved as .txt",
  lossy: false,
  render(r, rng) {
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const blank = pick(rng, ["", "&nbsp;", "/"]);
    const brGroup = chance(rng, 0.4);
    const table = (t: MTable) => {
      const trs = t.rows.map((row) => {
        const tds = row.cells.map((c) => {
          const attrs = `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ""}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ""}`;
          let text = c.kind === "value" ? (c.value === null ? blank : valueText(c, BLANK)) : esc(c.text);
          // a merged label cell with a line break, as CMS editors type them
          if (c.kind === "group" && c.tag === "results" && brGroup) text = "三、<br/>本年度<br/>办理结果";
          return `<td${attrs} style="border:1px solid #000;text-align:center"><p style="text-align:center"><span style="font-size:14px">${text}</span></p></td>`;
        });
        return `<tr>${tds.join("")}</tr>`;
      });
      return `<table border="1" cellspacing="0" cellpadding="0" width="100%"><tbody>\n${trs.join("\n")}\n</tbody></table>`;
    };
    const n = narrative(r, rng, "standard");
    const tables = buildTables(r);
    const [title, ...rest] = n.head;
    const body: string[] = [`<div class="article-title"><h1>${esc(title)}</h1></div>`];
    body.push(`<div class="article-info">${rest.length && /日期|时间/.test(rest[0]) ? esc(rest.shift()!) : ""}</div>`);
    body.push('<div class="article-content">');
    for (const l of rest) body.push(`<p>${esc(l)}</p>`);
    n.sections.forEach((lines, i) => {
      for (const l of lines) body.push(`<p style="text-indent:2em">${esc(l)}</p>`);
      if (i >= 1 && i <= 3) body.push(table(tables[i - 1]));
    });
    for (const l of n.tail) body.push(`<p style="text-align:right">${esc(l)}</p>`);
    body.push("</div>");
    return [
      "<!DOCTYPE html>",
      `<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>`,
      "<style>td{padding:4px}</style></head>",
      '<body><div class="header"><a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 年度报告</div>',
      ...body,
      `<div class="footer">主办单位：${esc(r.agency)}</div>`,
      "</body></html>",
    ].join("\n");
  },
};
