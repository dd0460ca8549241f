/**
 * Presentation generator for the metamorphic reader tests (issue 12).
 *
 * A report whose cells are known is rendered into every presentation real reports reach us in —
 * clean pipe rows, markdown, one cell per line, `|` on its own line, broken pipe rows, flattened
 * rows and pages, PDF-extracted markdown, OCR-like text, an HTML page saved as .txt, Traditional
 * characters, header variants, metadata in odd places — each imitating the real examples in
 * ../shared/fixtures/real-world/reports. The test (presentations.test.ts) reads every rendering
 * back and compares it with the known cells.
 *
 * Pure: no I/O. `generateReports(seed, n)` makes random but valid known reports (every identity of
 * domain.md §5.1–5.2 holds, blank cells are null and count as 0).
 */
import * as OpenCC from "opencc-js/cn2t";
import { chance, makeRng, pick, randInt, type Rng } from "../random";
import {
  T2_SECTIONS,
  T3_COLUMNS,
  T3_GROUPS,
  T3_NOTE,
  T4_GROUPS,
  T4_RESULTS,
  TABLE_TITLES,
  t2Key,
  t3Key,
  t3RowsFor,
  t4Key,
  type T3Row,
  type TableFormat,
} from "../report/template";

export interface KnownReport {
  agency: string;
  year: number;
  format: "2021" | "2019";
  /** 2021 表二 with a single （六）其他处理 row in 表三 (keys t3.other.*). */
  mixed?: boolean;
  publishedOn: string | null;
  cells: Record<string, number | null>;
}


export interface Presentation {
  id: string;
  label: string;
  /** The rendering destroys information: a reader may leave cells unread (never read them wrong). */
  lossy: boolean;
  render(r: KnownReport, rng: Rng): string;
  /** Agency strings a correct reader may return (default: the known agency only). */
  agencyForms?(r: KnownReport): string[];
}

// ---------------------------------------------------------------------------------------------
// Random helpers


/** A stable 32-bit hash of a string (for per-rendering seeds). */
export function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const int = randInt;

// ---------------------------------------------------------------------------------------------
// Keys of a known report

/** Every key a complete report of this format (mixed or not) prints. */
export function knownKeys(format: TableFormat, mixed = false): string[] {
  const keys: string[] = [];
  for (const s of T2_SECTIONS[format]) for (const r of s.rows) for (const c of s.columns) keys.push(t2Key(r.key, c.key));
  for (const r of t3RowsFor(format, mixed)) for (const c of T3_COLUMNS) keys.push(t3Key(r.key, c.key));
  for (const g of T4_GROUPS) for (const r of T4_RESULTS) keys.push(t4Key(g.key, r.key));
  return keys;
}

// ---------------------------------------------------------------------------------------------
// The tables as data: rows of cells with their spans, as a CMS page lays them out

type CellKind = "section" | "head" | "note" | "label" | "group" | "value";

interface MCell {
  kind: CellKind;
  text: string;
  colspan: number;
  rowspan: number;
  /** value cells: the cell key and its value */
  key?: string;
  value?: number | null;
  /** head cells: the column key; label cells: the row key */
  tag?: string;
}

interface MRow {
  role: "section" | "head" | "data";
  cells: MCell[];
  /** 表三 rows: the template row */
  t3?: T3Row;
}

interface MTable {
  id: "t2" | "t3" | "t4";
  width: number;
  rows: MRow[];
}

const cell = (kind: CellKind, text: string, colspan = 1, rowspan = 1, tag?: string): MCell => ({ kind, text, colspan, rowspan, tag });
const valueCell = (key: string, value: number | null, colspan = 1): MCell => ({
  kind: "value",
  text: "",
  colspan,
  rowspan: 1,
  key,
  value,
});

function buildT2(r: KnownReport): MTable {
  const width = 4;
  const rows: MRow[] = [];
  for (const s of T2_SECTIONS[r.format]) {
    rows.push({ role: "section", cells: [cell("section", s.header, width)] });
    const n = s.columns.length;
    rows.push({
      role: "head",
      cells: [
        cell("head", "信息内容", 1, 1, "content"),
        ...s.columns.map((c, i) => cell("head", c.label, i === n - 1 ? width - n : 1, 1, c.key)),
      ],
    });
    for (const row of s.rows) {
      rows.push({
        role: "data",
        cells: [
          cell("label", row.label, 1, 1, row.key),
          ...s.columns.map((c, i) => {
            const key = t2Key(row.key, c.key);
            return valueCell(key, r.cells[key] ?? null, i === n - 1 ? width - n : 1);
          }),
        ],
      });
    }
  }
  return { id: "t2", width, rows };
}

function buildT3(r: KnownReport): MTable {
  const rows: MRow[] = [
    {
      role: "head",
      cells: [cell("note", T3_NOTE, 3, 3), cell("head", "申请人情况", 7)],
    },
    {
      role: "head",
      cells: [cell("head", "自然人", 1, 2, "natural_person"), cell("head", "法人或其他组织", 5), cell("head", "总计", 1, 2, "total")],
    },
    { role: "head", cells: T3_COLUMNS.slice(1, 6).map((c) => cell("head", c.label, 1, 1, c.key)) },
  ];
  const t3rows = t3RowsFor(r.format, Boolean(r.mixed));
  const results = t3rows.filter((x) => x.group !== undefined);
  const inGroup = (g: string) => t3rows.filter((x) => x.group === g);
  for (const row of t3rows) {
    const cells: MCell[] = [];
    if (row.group === undefined) cells.push(cell("label", row.label, 3, 1, row.key));
    else {
      if (row === results[0]) cells.push(cell("group", T3_GROUPS.results, 1, results.length, "results"));
      if (row.group === "results") cells.push(cell("label", row.label, 2, 1, row.key));
      else {
        const members = inGroup(row.group);
        if (row === members[0]) cells.push(cell("group", T3_GROUPS[row.group], 1, members.length, row.group));
        cells.push(cell("label", row.label, 1, 1, row.key));
      }
    }
    for (const c of T3_COLUMNS) {
      const key = t3Key(row.key, c.key);
      cells.push(valueCell(key, r.cells[key] ?? null));
    }
    rows.push({ role: "data", cells, t3: row });
  }
  return { id: "t3", width: 10, rows };
}

function buildT4(r: KnownReport): MTable {
  const results = (rowspan: number) => T4_RESULTS.map((x) => cell("head", x.label, 1, rowspan, x.key));
  return {
    id: "t4",
    width: 15,
    rows: [
      { role: "head", cells: [cell("head", "行政复议", 5), cell("head", "行政诉讼", 10)] },
      { role: "head", cells: [...results(2), cell("head", "未经复议直接起诉", 5), cell("head", "复议后起诉", 5)] },
      { role: "head", cells: [...results(1), ...results(1)] },
      {
        role: "data",
        cells: T4_GROUPS.flatMap((g) => T4_RESULTS.map((x) => valueCell(t4Key(g.key, x.key), r.cells[t4Key(g.key, x.key)] ?? null))),
      },
    ],
  };
}

function buildTables(r: KnownReport): MTable[] {
  return [buildT2(r), buildT3(r), buildT4(r)];
}

/** Grid expansion: every row as `width` slots, each the originating cell or null (covered by a span). */
function gridOf(t: MTable): ({ cell: MCell; origin: boolean } | null)[][] {
  const grid: ({ cell: MCell; origin: boolean } | null)[][] = t.rows.map(() => Array(t.width).fill(undefined));
  t.rows.forEach((row, ri) => {
    let c = 0;
    for (const x of row.cells) {
      while (c < t.width && grid[ri][c] !== undefined) c++;
      for (let dr = 0; dr < x.rowspan; dr++)
        for (let dc = 0; dc < x.colspan; dc++)
          if (grid[ri + dr] && c + dc < t.width) grid[ri + dr][c + dc] = dr === 0 && dc === 0 ? { cell: x, origin: true } : { cell: x, origin: false };
      c += x.colspan;
    }
  });
  return grid.map((row) => row.map((s) => (s === undefined ? null : s)));
}

// ---------------------------------------------------------------------------------------------
// Values as printed

function fmtNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  // up to 6 decimals, no exponent
  return v.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
}

/** How one rendering prints values: the blank marker and optional unit suffixes. */
interface ValueStyle {
  blank: string;
  yuanSuffix?: boolean;
}

function valueText(c: MCell, style: ValueStyle): string {
  if (c.value === null || c.value === undefined) return style.blank;
  const s = fmtNumber(c.value);
  return style.yuanSuffix && c.key === "t2.procurement.amount_yuan" ? `${s}元` : s;
}

/** Text of any cell (value cells in the given style). */
const textOf = (c: MCell, style: ValueStyle) => (c.kind === "value" ? valueText(c, style) : c.text);

// ---------------------------------------------------------------------------------------------
// The document around the tables

type MetaStyle = "standard" | "signature" | "title-broken" | "period-year";

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

function signatureDate(publishedOn: string, rng: Rng): string {
  // the date under the signature: a few days before the page's 发布日期
  const d = new Date(`${publishedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - int(rng, 0, 6));
  return d.toISOString().slice(0, 10);
}

function publishedLine(iso: string, rng: Rng, agency: string): string {
  const [y, m, d] = iso.split("-");
  const hh = String(int(rng, 8, 17)).padStart(2, "0");
  const mm = String(int(rng, 0, 59)).padStart(2, "0");
  return pick(rng, [
    `发布日期：${iso}`,
    `发布日期：${iso} ${hh}:${mm}`,
    `- 发布日期:${iso} ${hh}:${mm}`,
    `发布时间：${y}年${m}月${d}日 ${hh}:${mm}`,
    `来源：${agency}  发布时间：${iso}`,
    `时间：${iso} ${hh}:${mm}  来源：${agency}  点击：`,
  ]);
}

interface Narrative {
  head: string[];
  sections: string[][];
  tail: string[];
}

/**
 * Title, date line, the six sections' prose and the signature. `tables` are inserted after the
 * headings 二、三、四.
 */
function narrative(r: KnownReport, rng: Rng, meta: MetaStyle): Narrative {
  const y = meta === "period-year" ? "本年度" : `${r.year}年`;
  const title = `${r.agency}${r.year}${chance(rng, 0.3) ? "年度" : "年"}政府信息公开工作年度报告`;
  const head: string[] = [];
  if (meta === "standard") head.push(title);
  else if (meta === "title-broken") head.push(r.agency, `${r.year}年政府信息公开工作年度报告`);
  else if (meta === "period-year") head.push(`${r.agency}政府信息公开工作年度报告`);
  else head.push(pick(rng, [`${r.year}年政府信息公开工作年度报告`, `${r.year}年度政府信息公开工作年度报告`]));
  if (r.publishedOn && meta !== "signature") head.push(publishedLine(r.publishedOn, rng, r.agency));
  const period = `本报告所列数据的统计期限自${r.year}年1月1日起至${r.year}年12月31日止。`;
  head.push(
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求编制，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。${period}如对本报告有疑问，请与本机关办公室联系。`,
  );
  const received = r.cells["t3.received.total"];
  const handled = r.cells["t3.total_handled.total"];
  const apply =
    typeof received === "number" && received > 0
      ? `${y}，共收到政府信息公开申请${received}件${typeof handled === "number" ? `，办结${handled}件` : ""}，均在法定期限内答复。`
      : `${y}，依申请公开工作平稳有序，严格按照法定程序和时限办理。`;
  const sections: string[][] = [
    [
      "一、总体情况",
      `${y}，本机关坚持以公开为常态、不公开为例外，认真贯彻落实《条例》，持续推进政务公开标准化规范化建设。`,
      "（一）主动公开",
      `${y}，通过政府网站、政务新媒体、公告栏等渠道主动公开政府信息${int(rng, 20, 900)}条。`,
      "（二）依申请公开",
      apply,
      "（三）政府信息管理",
      "严格落实信息发布审查制度，做到先审查后公开。",
      "（四）政府信息公开平台建设",
      "持续优化政府信息公开专栏，及时更新栏目内容。",
      "（五）监督保障",
      "将政务公开工作纳入年度考核，开展业务培训，加强日常监督检查。",
    ],
    [TABLE_TITLES.t2],
    [TABLE_TITLES.t3],
    [TABLE_TITLES.t4],
    [
      "五、存在的主要问题及改进情况",
      "主要问题：公开内容的深度和广度仍需拓展，政策解读形式较为单一。改进措施：加强业务学习，丰富解读形式，提升公开质量。",
    ],
    ["六、其他需要报告的事项", "本机关未收取信息处理费，无其他需要报告的事项。"],
  ];
  const tail: string[] = [];
  if (meta === "signature") {
    tail.push(r.agency);
    if (r.publishedOn) tail.push(cnDate(r.publishedOn));
  } else if (meta !== "period-year" && chance(rng, 0.5)) {
    tail.push(r.agency);
    if (r.publishedOn) tail.push(cnDate(signatureDate(r.publishedOn, rng)));
  }
  return { head, sections, tail };
}

/** The whole document: narrative lines with the rendered tables after headings 二/三/四. */
function documentText(
  r: KnownReport,
  rng: Rng,
  renderTable: (t: MTable) => string,
  opts: { meta?: MetaStyle; blankLines?: boolean; indent?: string } = {},
): string {
  const n = narrative(r, rng, opts.meta ?? "standard");
  const tables = buildTables(r);
  const ind = opts.indent ?? "";
  const out: string[] = n.head.map((l) => ind + l);
  n.sections.forEach((lines, i) => {
    out.push(...lines.map((l) => ind + l));
    if (i >= 1 && i <= 3) out.push(renderTable(tables[i - 1]));
  });
  out.push(...n.tail.map((l) => ind + l));
  return out.join(opts.blankLines ? "\n\n" : "\n");
}

// ---------------------------------------------------------------------------------------------
// Text transforms

/** The corpus' normalisation of full-width punctuation to ASCII. */
function asciiPunct(s: string): string {
  return s.replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":").replace(/，/g, ",").replace(/；/g, ";");
}

let toTw: ((s: string) => string) | undefined;
const twLines = new Map<string, string>();
/** Traditional characters as a Taiwan mirror site converts them (incl. 文件→檔案). */
export function traditional(s: string): string {
  toTw ??= OpenCC.Converter({ from: "cn", to: "tw" });
  const conv = toTw;
  // line by line, cached: the tables' lines repeat across reports and the converter is slow
  return s
    .split("\n")
    .map((line) => {
      let t = twLines.get(line);
      if (t === undefined) {
        t = conv(line).replace(/文件/g, "檔案");
        if (twLines.size < 20000) twLines.set(line, t);
      }
      return t;
    })
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// Row serialisers shared by several presentations

/** A row's printed cells in order (rowspan cells only in their first row), with colspan fillers counted. */
function rowCells(row: MRow, style: ValueStyle): { text: string; cell: MCell }[] {
  return row.cells.map((c) => ({ text: textOf(c, style), cell: c }));
}

/** Number of grid slots a row does not print (covered by spans): filler count. */
function missingSlots(t: MTable, ri: number): number {
  const g = gridOf(t)[ri];
  return g.filter((s) => s === null || !s.origin).length;
}

// ---------------------------------------------------------------------------------------------
// Presentations

const BLANK: ValueStyle = { blank: "" };

/** 1. The clean baseline: `规章 | 0 | 0 | 0`. */
const pipe: Presentation = {
  id: "pipe",
  label: "pipe rows（规章 | 0 | 0 | 0）",
  lossy: false,
  render(r, rng) {
    const ascii = chance(rng, 0.5);
    const text = documentText(r, rng, (t) => t.rows.map((row) => rowCells(row, BLANK).map((c) => c.text).join(" | ")).join("\n"));
    return ascii ? asciiPunct(text) : text;
  },
};

/** 2. Markdown tables with `|---|` rules, merged cells expanded to empty slots (huaian-2024-markdown). */
function markdownTable(t: MTable, style: ValueStyle): string {
  const grid = gridOf(t);
  const line = (slots: string[]) => `| ${slots.join(" | ")} |`.replace(/ {2}/g, " ");
  const rule = (n: number) => `|${Array(n).fill("---").join("|")}|`;
  const out: string[] = [];
  grid.forEach((row, ri) => {
    const slots = row.map((s) => (s && s.origin ? textOf(s.cell, style) : ""));
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

const markdown: Presentation = {
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
          if (splitHead && c.kind === "head" && (text === "商业企业" || text === "科研机构")) text = `${text.slice(0, 2)}\n\n${text.slice(2)}`;
          lines.push(text);
        }
      return lines.join(opts.spaced ? "\n\n" : "\n");
    };
    const text = documentText(r, rng, render, { blankLines: opts.spaced });
    return ascii ? asciiPunct(text) : text;
  };
}

const cellLineTight: Presentation = {
  id: "cell-per-line",
  label: "one cell per line, no blank lines, blank cell = empty line",
  lossy: false,
  render: cellPerLine({ spaced: false, blank: "line" }),
};
const cellLineSpaced: Presentation = {
  id: "cell-per-line-spaced",
  label: "one cell per line, blank lines between cells, blank cell = / or —",
  lossy: false,
  render: cellPerLine({ spaced: true, blank: "marker" }),
};
const cellLineDropped: Presentation = {
  id: "cell-per-line-dropped",
  label: "one cell per line, blank lines between cells, blank cells leave no line",
  lossy: true,
  render: cellPerLine({ spaced: true, blank: "none" }),
};
const cellLineDroppedTight: Presentation = {
  id: "cell-per-line-dropped-tight",
  label: "one cell per line, no blank lines, blank cells leave no line",
  lossy: true,
  render: cellPerLine({ spaced: false, blank: "none" }),
};

/** `|` on its own line between cells, `||||` filler lines for merged cells (zhongshan 2021). */
const pipeOwnLine: Presentation = {
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
const pipeSuffix: Presentation = {
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
const pipeLeading: Presentation = {
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
const pipeBroken: Presentation = {
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
const flattenedRows: Presentation = {
  id: "flattened-rows",
  label: "each table row flattened onto one line (规章000)",
  lossy: true,
  render(r, rng) {
    // Blank cells print nothing, or `——` / `/` (which the reader must take as one blank each).
    const style: ValueStyle = { blank: pick(rng, ["", "", "——", "/"]) };
    const render = (t: MTable) => t.rows.map((row) => `    ${rowCells(row, style).map((c) => c.text).join("")}`).join("\n");
    return asciiPunct(documentText(r, rng, render, { indent: "    " }));
  },
};

/**
 * Each table row on one line, its cells separated by single spaces and blanks printed as `——`
 * (a crawler's text of a page whose table cells became words; 汉台区 2025). Every cell shows.
 */
const flattenedSpaced: Presentation = {
  id: "flattened-spaced",
  label: "each table row on one line, cells separated by a space, blanks as ——",
  lossy: false,
  render(r, rng) {
    const style: ValueStyle = { blank: pick(rng, ["——", "/", "-"]) };
    const render = (t: MTable) => t.rows.map((row) => rowCells(row, style).map((c) => c.text).join(" ")).join("\n");
    return asciiPunct(documentText(r, rng, render));
  },
};

/** The whole page (or each whole table) flattened onto one line (a crawler's text of the page). */
const flattenedPage: Presentation = {
  id: "flattened-page",
  label: "whole page (or each table) flattened onto one line",
  lossy: true,
  render(r, rng) {
    const render = (t: MTable) => t.rows.map((row) => rowCells(row, BLANK).map((c) => c.text).join("")).join("");
    const text = documentText(r, rng, render);
    return chance(rng, 0.6) ? text.replace(/\n+/g, chance(rng, 0.5) ? "" : " ") : text;
  },
};

/**
 * Markdown from PDF extraction: 表三/表四 header rows broken into fragments (`| 业 | 构 | 益组织 |`),
 * the last header fragment row merged with the first data row, a long label wrapped with its
 * values continuing on the next row.
 */
const pdfMarkdown: Presentation = {
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
          const slots = row.map((s) => (s && s.origin ? textOf(s.cell, BLANK) : ""));
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
            const labelSlot = slots.findIndex((s) => s === trow.t3!.label);
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
        const slots = row.map((s) => (s && s.origin ? textOf(s.cell, BLANK) : ""));
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

const ocr: Presentation = {
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
const html: Presentation = {
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
      '<html lang="zh-CN"><head><meta charset="utf-8"><title>' + esc(title) + "</title>",
      "<style>td{padding:4px}</style></head>",
      '<body><div class="header"><a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 年度报告</div>',
      ...body,
      '<div class="footer">主办单位：' + esc(r.agency) + "</div>",
      "</body></html>",
    ].join("\n");
  },
};

/** Traditional characters, as a Taiwan mirror converts the page (文件→檔案). */
const traditionalChars: Presentation = {
  id: "traditional",
  label: "Traditional characters (mirror site, 文件→檔案)",
  lossy: false,
  render(r, rng) {
    const base = chance(rng, 0.5) ? pipe : cellLineSpaced;
    return traditional(base.render(r, rng));
  },
  agencyForms: (r) => [r.agency, traditional(r.agency)],
};

/** Header and label variants real reports print (Hubei-2020 annotations, 本年(2023)制发件数, …). */
const headerVariants: Presentation = {
  id: "header-variants",
  label: "header variants (本年(2023)制发件数, 现行有效件, 本年新 | 本年新, annotated headers)",
  lossy: false,
  render(r, rng) {
    const y = r.year;
    const head2021: Record<string, string[]> = {
      issued: [`本年(${y})制发件数`, "本年制发件数", `${y}年制发件数`],
      repealed: ["本年废止件数", `本年(${y})废止件数`],
      in_force: ["现行有效件", "现行有效件数", "现行 有效件数"],
      decisions: ["本年处理决定数量", `本年(${y})处理决定数量`],
    };
    const head2019: Record<string, string[]> = {
      made: ["本年新", "本年新 制作数量", "本年新制作数量"],
      published: ["本年新", "本年新 公开数量"],
      prev_items: [`上一年项目数量(指${y - 1}年事项数)`, "上一年项目数量"],
      change: [`本年增/减(指${y}年增加或减少的事项数,减用负值表示,如-8)`, "本年增/减", "本年增（减）"],
      decisions: [`处理决定数量(指${y}年办件量)`, "处理决定数量"],
      items: [`采购项目数量(指${y}年采购项目数)`, "采购项目数量"],
      amount_yuan: ["采购总金额(元)", "采购总金额"],
    };
    const rowLabels: Record<string, string[]> = {
      rules: ["规章(设区的市、自治州人民政府应提供相关数据)", "规章"],
      normative_docs:
        r.format === "2019"
          ? ["规范性文件(指各行政机关印发的有正式文号的文件)", "规范性文件"]
          : ["行政规范性文件", "行政规范性 文件"],
      other_services: ["其他对外管理服务事项(指行政许可以外的政务服务事项)", "其他对外管理服务事项"],
    };
    const t3Heads: Record<string, string[]> = {
      natural_person: ["自 然 人", "自然人"],
      commercial: ["商业 企业", "商业企业"],
      research: ["科研 机构", "科研机构"],
      public_interest: ["社会公益 组织", "社会公益组织"],
      legal_service: ["法律服务 机构", "法律服务机构"],
    };
    const heads = r.format === "2021" ? head2021 : head2019;
    const extraRow = r.format === "2019" && chance(rng, 0.6);
    const render = (t: MTable) => {
      const lines: string[] = [];
      for (const row of t.rows) {
        const texts = rowCells(row, { blank: "", yuanSuffix: true }).map(({ text, cell: c }) => {
          if (t.id === "t2" && c.kind === "head" && c.tag && heads[c.tag]) return pick(rng, heads[c.tag]);
          if (t.id === "t2" && c.kind === "label" && c.tag && rowLabels[c.tag]) return pick(rng, rowLabels[c.tag]);
          if (t.id === "t3" && c.kind === "head" && c.tag && t3Heads[c.tag]) return pick(rng, t3Heads[c.tag]);
          // a value with its annotation: 22（其中修订16件）
          if (c.kind === "value" && typeof c.value === "number" && c.value > 1 && /^t2\.normative_docs\.(issued|made)$/.test(c.key!) && chance(rng, 0.4))
            return `${text}（其中修订${int(rng, 1, c.value - 1)}件）`;
          return text;
        });
        lines.push(`${texts.join(" | ")} |`);
        if (extraRow && t.id === "t2" && row.cells[0].tag === "normative_docs") {
          const a = int(rng, 0, 300);
          lines.push(`其他主动公开文件 | ${a} | ${a} | ${a + int(rng, 0, 900)} |`);
        }
      }
      return lines.join("\n");
    };
    const text = documentText(r, rng, render);
    return chance(rng, 0.5) ? asciiPunct(text) : text;
  },
};

/** Metadata variants over pipe-row tables. */
function metaVariant(id: string, label: string, meta: MetaStyle): Presentation {
  return {
    id,
    label,
    lossy: false,
    render(r, rng) {
      const text = documentText(r, rng, (t) => t.rows.map((row) => `${rowCells(row, BLANK).map((c) => c.text).join(" | ")} |`).join("\n"), {
        meta,
      });
      return chance(rng, 0.5) ? asciiPunct(text) : text;
    },
  };
}

export const PRESENTATIONS: readonly Presentation[] = [
  pipe,
  markdown,
  cellLineTight,
  cellLineSpaced,
  cellLineDropped,
  cellLineDroppedTight,
  pipeOwnLine,
  pipeSuffix,
  pipeLeading,
  pipeBroken,
  flattenedRows,
  flattenedSpaced,
  flattenedPage,
  pdfMarkdown,
  ocr,
  html,
  traditionalChars,
  headerVariants,
  metaVariant("meta-signature", "agency only in the signature at the end (with its date)", "signature"),
  metaVariant("meta-title-broken", "title broken over two lines", "title-broken"),
  metaVariant("meta-period-year", "year only in the 统计期限 sentence", "period-year"),
];

// ---------------------------------------------------------------------------------------------
// Generated known reports

const CITIES = ["青山", "河西", "东湖", "龙泉", "白沙", "长宁", "安平", "临川", "清源", "永宁", "南华", "兴隆", "云岭", "金川", "秀水", "石门", "柳林", "丰台子", "北塘", "新安"];
const TOWNS = ["红旗", "前进", "马家", "三合", "桃源", "杨柳", "古城", "新民", "双河", "高庄", "五里", "东风", "太和", "平安", "李家", "长岭"];
const DEPTS = [
  "人民政府",
  "人民政府办公室",
  "民政局",
  "自然资源局",
  "市场监督管理局",
  "卫生健康委员会",
  "教育局",
  "交通运输局",
  "生态环境局",
  "住房和城乡建设局",
  "人力资源和社会保障局",
  "财政局",
  "农业农村局",
  "司法局",
  "应急管理局",
];

function agencyName(rng: Rng): string {
  const city = pick(rng, CITIES);
  const county = pick(rng, CITIES.filter((c) => c !== city));
  const town = pick(rng, TOWNS);
  switch (int(rng, 0, 5)) {
    case 0:
      return `${city}市${pick(rng, DEPTS)}`;
    case 1:
      return `${county}县${pick(rng, DEPTS)}`;
    case 2:
      return `${city}市${county}区${pick(rng, DEPTS)}`;
    case 3:
      return `${county}县${town}镇人民政府`;
    case 4:
      return `${county}区${town}街道办事处`;
    default:
      return `${county}县${town}乡人民政府`;
  }
}

/** A count with many zeros and a long tail (scale: typical size of a busy cell). */
function count(rng: Rng, pZero: number, scale: number): number {
  if (chance(rng, pZero)) return 0;
  const u = rng();
  return Math.max(1, Math.round(scale * u * u * u * 3));
}

function decimal(rng: Rng, max: number): number {
  const d = int(rng, 0, 6);
  const v = rng() * max;
  return Number(v.toFixed(d));
}

/** Random but valid known reports: both formats and the mixed one, identities W1 W2 W3 W5 hold. */
export function generateReports(seed: number, n: number): KnownReport[] {
  const rng = makeRng(seed);
  const out: KnownReport[] = [];
  for (let i = 0; i < n; i++) {
    // cycle through the kinds so that every small n covers them all
    const kind = i % 6;
    const format: TableFormat = kind <= 2 ? "2021" : "2019";
    const mixed = kind === 2;
    const year =
      format === "2021" ? int(rng, 2021, 2025) : kind === 5 ? int(rng, 2021, 2023) /* 2019 tables in a later report */ : int(rng, 2019, 2020);
    const size = pick(rng, ["tiny", "small", "medium", "large"] as const);
    const scale = { tiny: 1, small: 6, medium: 60, large: 600 }[size];
    const cells: Record<string, number | null> = {};

    // 表二
    if (format === "2021") {
      for (const row of ["rules", "normative_docs"]) {
        const inForce = row === "rules" && chance(rng, 0.8) ? 0 : count(rng, 0.3, 80);
        cells[t2Key(row, "issued")] = Math.min(inForce, count(rng, 0.5, 10));
        cells[t2Key(row, "repealed")] = count(rng, 0.7, 5);
        cells[t2Key(row, "in_force")] = inForce;
      }
      cells["t2.licensing.decisions"] = count(rng, 0.3, 2000);
      cells["t2.penalty.decisions"] = count(rng, 0.4, 800);
      cells["t2.coercion.decisions"] = count(rng, 0.7, 40);
      cells["t2.fees.amount_wan"] = chance(rng, 0.6) ? 0 : decimal(rng, pick(rng, [1, 100, 30000]));
    } else {
      for (const row of ["rules", "normative_docs"]) {
        const made = count(rng, 0.5, 20);
        cells[t2Key(row, "made")] = made;
        cells[t2Key(row, "published")] = chance(rng, 0.8) ? made : count(rng, 0.5, 20);
        cells[t2Key(row, "total_public")] = made + count(rng, 0.3, 150);
      }
      for (const row of ["licensing", "other_services", "penalty", "coercion"]) {
        const prev = count(rng, 0.3, 120);
        cells[t2Key(row, "prev_items")] = prev;
        cells[t2Key(row, "change")] = chance(rng, 0.6) ? 0 : int(rng, -Math.min(prev, 30), 30);
        cells[t2Key(row, "decisions")] = count(rng, 0.3, 1500);
      }
      const fees = count(rng, 0.5, 10);
      cells["t2.fees.prev_items"] = fees;
      cells["t2.fees.change"] = chance(rng, 0.8) ? 0 : int(rng, -fees, 5);
      const items = count(rng, 0.5, 20);
      cells["t2.procurement.items"] = items;
      cells["t2.procurement.amount_yuan"] = items === 0 ? 0 : chance(rng, 0.5) ? int(rng, 1000, 9_000_000) : Number((rng() * 80_000_000).toFixed(2));
    }

    // 表三: results per column, then carried over/forward, then received so that W1 holds
    const rows = t3RowsFor(format, mixed);
    const resultRows = rows.filter((r) => r.result);
    const parts = T3_COLUMNS.slice(0, 6).map((c) => c.key);
    const colWeight: Record<string, number> = {
      natural_person: 1,
      commercial: 0.25,
      research: 0.03,
      public_interest: 0.03,
      legal_service: 0.1,
      other_org: 0.08,
    };
    const busy: Record<string, number> = {
      disclosed: 0.5,
      partially_disclosed: 0.15,
      unavailable_not_held: 0.2,
      not_processed_petition: 0.05,
      not_processed_duplicate: 0.03,
      other: 0.06,
      other_no_correction: 0.04,
      other_misc: 0.04,
    };
    for (const c of parts) {
      let handled = 0;
      for (const row of resultRows) {
        const w = (busy[row.key] ?? 0.01) * colWeight[c];
        const v = chance(rng, Math.min(0.9, 0.02 + 1.5 * w)) ? count(rng, 0.2, Math.max(1, scale * w)) : 0;
        cells[t3Key(row.key, c)] = v;
        handled += v;
      }
      cells[t3Key("total_handled", c)] = handled;
      const fwd = chance(rng, 0.6) ? 0 : count(rng, 0.3, Math.max(1, scale * colWeight[c] * 0.1));
      const carry = chance(rng, 0.6) ? 0 : Math.min(handled + fwd, count(rng, 0.3, Math.max(1, scale * colWeight[c] * 0.1)));
      cells[t3Key("carried_forward", c)] = fwd;
      cells[t3Key("carried_over", c)] = carry;
      cells[t3Key("received", c)] = handled + fwd - carry;
    }
    for (const row of rows) cells[t3Key(row.key, "total")] = parts.reduce((s, c) => s + (cells[t3Key(row.key, c)] ?? 0), 0);

    // 表四
    const litigious = chance(rng, 0.3);
    for (const g of T4_GROUPS) {
      let total = 0;
      for (const res of T4_RESULTS.slice(0, 4)) {
        const v = litigious ? count(rng, 0.6, g.key === "review" ? 8 : 3) : 0;
        cells[t4Key(g.key, res.key)] = v;
        total += v;
      }
      cells[t4Key(g.key, "total")] = total;
    }

    // blanks: zero cells printed empty (the identities read them as 0)
    const blankStyle = int(rng, 0, 4);
    const zeroKeys = Object.keys(cells).filter((k) => cells[k] === 0);
    if (blankStyle === 1) {
      // a few scattered blank cells
      for (let k = int(rng, 1, 4); k > 0 && zeroKeys.length; k--) cells[pick(rng, zeroKeys)] = null;
    } else if (blankStyle === 2) {
      // whole all-zero rows printed blank
      const byRow = new Map<string, string[]>();
      for (const k of Object.keys(cells)) {
        const row = k.split(".").slice(0, 2).join(".");
        byRow.set(row, [...(byRow.get(row) ?? []), k]);
      }
      const zeroRows = [...byRow.values()].filter((ks) => ks.every((k) => cells[k] === 0));
      for (let k = int(rng, 1, 3); k > 0 && zeroRows.length; k--) for (const key of pick(rng, zeroRows)) cells[key] = null;
    } else if (blankStyle === 3) {
      // the 总计 cells of all-zero rows left blank
      for (const k of zeroKeys) if (/\.total$/.test(k) && k.startsWith("t3.") && chance(rng, 0.3)) cells[k] = null;
    }

    const pub =
      chance(rng, 0.85)
        ? `${year + 1}-${String(int(rng, 1, 3)).padStart(2, "0")}-${String(int(rng, 1, 28)).padStart(2, "0")}`
        : null;
    // canonical key order
    const ordered: Record<string, number | null> = {};
    for (const k of knownKeys(format, mixed)) ordered[k] = cells[k] ?? 0;
    for (const k of Object.keys(ordered)) if (cells[k] === null) ordered[k] = null;
    out.push({ agency: agencyName(rng), year, format, mixed: mixed || undefined, publishedOn: pub, cells: ordered });
  }
  return out;
}

/** The identities of domain.md §5.1–5.2 a report's cells break (blank read as 0): for the generator's own test. */
export function identityErrors(r: KnownReport): string[] {
  const v = (k: string) => r.cells[k] ?? 0;
  const errs: string[] = [];
  const rows = t3RowsFor(r.format, Boolean(r.mixed));
  for (const row of rows) {
    const s = T3_COLUMNS.slice(0, 6).reduce((a, c) => a + v(t3Key(row.key, c.key)), 0);
    if (s !== v(t3Key(row.key, "total"))) errs.push(`W3 ${row.key}`);
  }
  for (const c of T3_COLUMNS) {
    const k = (row: string) => v(t3Key(row, c.key));
    if (k("received") + k("carried_over") !== k("total_handled") + k("carried_forward")) errs.push(`W1 ${c.key}`);
    const results = rows.filter((x) => x.result).reduce((a, x) => a + k(x.key), 0);
    if (results !== k("total_handled")) errs.push(`W2 ${c.key}`);
  }
  for (const g of T4_GROUPS) {
    const s = T4_RESULTS.slice(0, 4).reduce((a, x) => a + v(t4Key(g.key, x.key)), 0);
    if (s !== v(t4Key(g.key, "total"))) errs.push(`W5 ${g.key}`);
  }
  return errs;
}
