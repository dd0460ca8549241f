/** Label normalization and matching against the template. */
import {
  T2_COLUMN_DEFS,
  T2_ROW_DEFS,
  T3_COLUMNS,
  T3_GROUPS,
  T3_NOTE,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  type LabelDef,
  type T3Group,
  type T3Row,
  type TableFormat,
} from "./template";

/**
 * Bring a printed label to a comparable form: NFKC (full-width brackets and CJK compatibility
 * look-alikes such as ⼀ → 一), no white space (PDF and CMS line wrapping puts spaces inside
 * labels), one kind of quote and enumerator punctuation.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/[“”"‘’'「」]/g, "")
    .replace(/[:：]$/, "")
    .replace(/、/g, ".")
    .replace(/．/g, ".");
}

const ENUMERATOR = /^(?:[一二三四五六七八九十]+\.|\([一二三四五六七八九十]+\)|\d+\.|\(\d+\)|\d+(?=[\u4e00-\u9fff]))/;

/** The label without its enumerator (`（三）`, `1.`, `一、`). */
export function labelCore(text: string): string {
  // Memoized: matching asks for the core of the same few hundred labels many times per report.
  let s = coreMemo.get(text);
  if (s !== undefined) return s;
  s = normalizeLabel(text);
  for (let i = 0; i < 2 && ENUMERATOR.test(s); i++) s = s.replace(ENUMERATOR, "");
  if (coreMemo.size > 20_000) coreMemo.clear();
  coreMemo.set(text, s);
  return s;
}
const coreMemo = new Map<string, string>();

const coresMemo = new WeakMap<LabelDef, string[]>();
function cores(def: LabelDef): string[] {
  let c = coresMemo.get(def);
  if (!c) coresMemo.set(def, (c = [def.label, ...(def.variants ?? [])].map(labelCore)));
  return c;
}

const T3_GROUP_CORES: Record<T3Group, string> = {
  results: "本年度办理结果",
  withheld: "不予公开",
  unavailable: "无法提供",
  not_processed: "不予处理",
  other: "其他处理",
};

export function matchT3Group(text: string): T3Group | undefined {
  const c = labelCore(text);
  return (Object.keys(T3_GROUP_CORES) as T3Group[]).find((g) => T3_GROUP_CORES[g] === c);
}

/** Cores of every 表三 row label (with variants) and group label, for rebuilding wrapped labels. */
const T3_LABEL_CORES: readonly string[] = [...T3_ROWS.flatMap((r) => cores(r)), ...Object.values(T3_GROUP_CORES)];

/**
 * How far a (possibly partial) label text goes towards a 表三 label: `complete` when it names a row
 * or group, `prefix` when it is the beginning of one (a label wrapped over several lines), else
 * `none`.
 */
export function t3LabelFit(text: string): "complete" | "prefix" | "none" {
  const c = labelCore(text);
  if (T3_LABEL_CORES.some((k) => k === c || (k.length >= 4 && c.startsWith(k)))) return "complete";
  return T3_LABEL_CORES.some((k) => k.startsWith(c)) ? "prefix" : "none";
}

/** The label opens with its own enumerator (`（二）`, `3.`, `四、`): it starts a new row or group. */
export function startsWithEnumerator(text: string): boolean {
  return /^(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+\.|\d+\.)/.test(normalizeLabel(text));
}

// ---------------------------------------------------------------------------------------------
// The lexicon: every label the national tables print, as skeletons (Chinese characters only), for
// spotting labels inside any presentation — a cell, a wrapped line, or a whole page run together.

/**
 * A label reduced to its Chinese characters: NFKC, no enumerator, no punctuation, space or digits.
 * Every presentation keeps these characters of a label, in order, whatever it does to the rest.
 */
export function skeleton(text: string): string {
  let out = "";
  // The enumerator (`一、`, `（三）`) is not part of the label: reports drop, vary and misplace it.
  const s = text.normalize("NFKC").replace(/^\s*\(?[一二三四五六七八九十]{1,3}[)、.]\s*/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) out += s[i];
  }
  return out;
}

export type LexKind =
  | "title" // a table's section heading: 二、主动公开政府信息情况 …
  | "end" // 五、存在的主要问题… / 六、其他需要报告的事项: the tables are over
  | "t2section" // 第二十条第（X）项
  | "t2info" // 信息内容
  | "t2col"
  | "t2row"
  | "t3head" // the note, 申请人情况, and the applicant columns
  | "t3group"
  | "t3row"
  | "t4group"
  | "t4result";

export interface LexEntry {
  kind: LexKind;
  skel: string;
  /** Row or column key (t2row, t2col, t3row, t3head column), group key, section numeral, or table id. */
  key: string;
  /** Formats that print this label (t2col, t2row, t3row). */
  formats?: readonly TableFormat[];
  /** t3row: its template row; t2col: the sections (by numeral) that print it. */
  t3?: T3Row;
  sections?: readonly string[];
  /** A digit enumerator the template prints before the label (`1.属于国家秘密` → "1"). */
  enumerator?: string;
  /** Only as a prefix of a longer printed label may this skeleton stand for the whole (truncated headers). */
  prefixOk?: boolean;
}

const SECTION_NUMERALS = ["一", "五", "六", "八", "九"] as const;

function buildLexicon(): LexEntry[] {
  const out: LexEntry[] = [];
  const add = (e: LexEntry) => {
    if (e.skel) out.push(e);
  };
  for (const [table, texts] of [
    ["t2", ["主动公开政府信息情况", "行政机关主动公开政府信息情况"]],
    ["t3", ["收到和处理政府信息公开申请情况", "行政机关收到和处理政府信息公开申请情况"]],
    ["t4", ["政府信息公开行政复议行政诉讼情况", "因政府信息公开工作被申请行政复议提起行政诉讼情况", "政府信息公开行政复议诉讼情况"]],
  ] as const)
    for (const t of texts) add({ kind: "title", skel: skeleton(t), key: table });
  for (const t of ["存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题", "其他需要报告的事项"])
    add({ kind: "end", skel: skeleton(t), key: "end" });
  for (const n of SECTION_NUMERALS) add({ kind: "t2section", skel: `第二十条第${n}项`, key: n });
  add({ kind: "t2info", skel: "信息内容", key: "info" });
  for (const col of T2_COLUMN_DEFS)
    for (const text of [col.def.label, ...(col.def.variants ?? [])])
      add({ kind: "t2col", skel: skeleton(text), key: col.def.key, formats: [col.format], sections: col.sections, prefixOk: true });
  for (const row of T2_ROW_DEFS)
    for (const text of [row.def.label, ...(row.def.variants ?? [])])
      add({ kind: "t2row", skel: skeleton(text), key: row.def.key, formats: row.formats });
  add({ kind: "t3head", skel: skeleton(T3_NOTE), key: "note" });
  add({ kind: "t3head", skel: "勾稽关系", key: "note" });
  add({ kind: "t3head", skel: "申请人情况", key: "applicants" });
  add({ kind: "t3head", skel: "法人或其他组织", key: "orgs" });
  for (const c of T3_COLUMNS) add({ kind: "t3head", skel: skeleton(c.label), key: c.key });
  for (const [g, label] of Object.entries(T3_GROUPS)) add({ kind: "t3group", skel: skeleton(label), key: g });
  for (const r of T3_ROWS)
    for (const text of [r.label, ...(r.variants ?? [])]) {
      const enumerator = /^(\d+)[.、．]/.exec(text)?.[1];
      add({
        kind: "t3row",
        skel: skeleton(text),
        key: r.key,
        formats: r.formats,
        t3: r,
        prefixOk: true,
        ...(enumerator ? { enumerator } : {}),
      });
    }
  for (const g of T4_GROUPS) add({ kind: "t4group", skel: skeleton(g.label), key: g.key });
  add({ kind: "t4group", skel: "行政诉讼", key: "suits" });
  for (const r of T4_RESULTS) add({ kind: "t4result", skel: skeleton(r.label), key: r.key });
  return out;
}

export const LEXICON: readonly LexEntry[] = buildLexicon();

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: LexEntry[];
  /** Entries whose skeleton runs through this node (for truncated labels). */
  through: LexEntry[];
}

function buildTrie(entries: readonly LexEntry[]): TrieNode {
  const root: TrieNode = { next: new Map(), entries: [], through: [] };
  for (const e of entries) {
    let n = root;
    for (const ch of e.skel) {
      let m = n.next.get(ch);
      if (!m) n.next.set(ch, (m = { next: new Map(), entries: [], through: [] }));
      n = m;
      n.through.push(e);
    }
    n.entries.push(e);
  }
  return root;
}

const TRIE = buildTrie(LEXICON);
/** Whether a label starts with each Chinese character: most characters of a document start none. */
const STARTS = new Uint8Array(0x9fff - 0x4e00 + 1);
for (const ch of TRIE.next.keys()) STARTS[ch.charCodeAt(0) - 0x4e00] = 1;

export interface LexMatch {
  entries: LexEntry[];
  /** Characters of the skeleton the match covers. */
  length: number;
  /** Matched only as the beginning of a label (a truncated header). */
  prefix: boolean;
}

/**
 * Every label that starts at `at` in a skeleton, longest first. `boundaryAt(i)` says whether a cell
 * ends after character i: a truncated header (`本年新`) counts only up to a cell's end.
 */
const NONE: LexMatch[] = [];

export function labelsAt(skel: string, at: number, boundaryAt: (i: number) => boolean): LexMatch[] {
  // Most characters of a document start no label: answer those without allocating.
  const c = skel.charCodeAt(at) - 0x4e00;
  if (!(c >= 0 && c < STARTS.length && STARTS[c])) return NONE;
  const found: LexMatch[] = [];
  let n: TrieNode | undefined = TRIE;
  let i = at;
  let deepest: { node: TrieNode; len: number } | undefined;
  while (i < skel.length && (n = n.next.get(skel[i]))) {
    i++;
    if (n.entries.length) found.push({ entries: n.entries, length: i - at, prefix: false });
    deepest = { node: n, len: i - at };
  }
  found.reverse();
  if (deepest && deepest.len >= 3 && boundaryAt(at + deepest.len - 1) && !deepest.node.entries.length) {
    // A label cut at its cell's end (a header `本年新`, a row label wrapped into the next row
    // `二、上年结转政府 ⏎ 信息公开申请数量`): only where every label it can begin is of one row.
    const prefixed = deepest.node.through.filter((e) => e.prefixOk && (e.kind !== "t3row" || deepest!.len >= 4));
    const rows = new Set(prefixed.filter((e) => e.kind === "t3row").map((e) => e.key));
    if (prefixed.length && prefixed.length === deepest.node.through.length && rows.size <= 1)
      found.unshift({ entries: prefixed, length: deepest.len, prefix: true });
  }
  return found;
}
