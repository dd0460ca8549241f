/** Label normalization and matching against the template. */
import { T2_SECTIONS, T3_ROWS, type LabelDef, type T3Group, type T3Row, type TableFormat } from "./template";

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

/** Exact core match first; then a printed label that starts with a long template core (truncated notes). */
export function matchesLabel(text: string, def: LabelDef): boolean {
  const c = labelCore(text);
  if (!c) return false;
  return cores(def).some((k) => k === c || (k.length >= 4 && c.startsWith(k)));
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

/**
 * The 表三 row a label names. `group` is the innermost group label seen on this row or above it:
 * it decides labels that only their group makes unique (3.其他 under （六）其他处理).
 */
export function matchT3Row(text: string, group: T3Group | undefined): T3Row | undefined {
  const candidates = T3_ROWS.filter((r) => matchesLabel(text, r));
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((r) => r.group === group) ?? candidates[0];
}

export function matchT2Row(text: string): { key: string; formats: TableFormat[] } | undefined {
  const formats: TableFormat[] = [];
  let key: string | undefined;
  for (const f of ["2021", "2019"] as const) {
    for (const s of T2_SECTIONS[f]) {
      const r = s.rows.find((x) => labelCore(x.label) === labelCore(text) || matchesLabel(text, x));
      if (r && (!key || key === r.key)) {
        key = r.key;
        formats.push(f);
      }
    }
  }
  return key ? { key, formats } : undefined;
}

/** A 表二 column header → its key and the formats that print it. */
export function matchT2Column(text: string): { key: string; format: TableFormat } | undefined {
  const c = labelCore(text);
  if (!c) return undefined;
  // Exact matches first: 处理决定数量 (2019) is a suffix of 本年处理决定数量 (2021).
  for (const exact of [true, false]) {
    for (const f of ["2021", "2019"] as const) {
      for (const s of T2_SECTIONS[f]) {
        const col = s.columns.find((x) => (exact ? cores(x).includes(c) : matchesLabel(text, x)));
        if (col) return { key: col.key, format: f };
      }
    }
  }
  return undefined;
}

export function isT2SectionHeader(text: string): boolean {
  return /^第二十条第\(?[一二三四五六七八九十]+\)?项$/.test(normalizeLabel(text));
}

/** Cores of every 表三 row label (with variants) and group label, for rebuilding wrapped labels. */
const T3_LABEL_CORES: readonly string[] = [
  ...T3_ROWS.flatMap((r) => cores(r)),
  ...Object.values(T3_GROUP_CORES),
];

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
