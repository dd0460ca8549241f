/**
 * Figures the report's prose states, found next to the words that name them. Only sentences that
 * pair a keyword with a count are read; anything less clear is left alone rather than guessed.
 */

export interface StatedFigure {
  value: number;
  /** The sentence it was read from, as printed. */
  sentence: string;
}

export type NarrativeFigure = "received" | "handled" | "carried_forward" | "carried_over" | "review" | "suits" | "in_force";

const CLAUSE = "[^。；;，,：:（）()]";

const PATTERNS: Record<NarrativeFigure, RegExp[]> = {
  received: [
    new RegExp(`(?:收到|受理|接收|新收)${CLAUSE}{0,16}?申请${CLAUSE}{0,6}?(?<![\\d.])(\\d+)\\s*(?:件|个|条)`),
    new RegExp(`申请${CLAUSE}{0,4}(?:共|合计)?(?<![\\d.])(\\d+)\\s*件`),
  ],
  handled: [new RegExp(`(?:办结|答复|办理完毕|已办理)${CLAUSE}{0,10}?(?<![\\d.])(\\d+)\\s*件`)],
  carried_forward: [
    new RegExp(`(?:结转|顺延)(?:至|到)?(?:下一?年度?|${CLAUSE}{0,4}年)${CLAUSE}{0,8}?(?<![\\d.])(\\d+)\\s*件`),
    new RegExp(`(?<![\\d.])(\\d+)\\s*件${CLAUSE}{0,8}?(?:结转|顺延)(?:至|到)?下`),
  ],
  carried_over: [new RegExp(`(?:含|其中)?上(?:一)?年度?结转${CLAUSE}{0,6}?(?<![\\d.])(\\d+)\\s*件`)],
  review: [new RegExp(`行政复议${CLAUSE}{0,8}?(?<![\\d.])(\\d+)\\s*(?:件|起)`)],
  suits: [new RegExp(`行政诉讼${CLAUSE}{0,8}?(?<![\\d.])(\\d+)\\s*(?:件|起)`)],
  in_force: [new RegExp(`现行有效${CLAUSE}{0,12}?(?<![\\d.])(\\d+)\\s*件`)],
};

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；;！!？?\n])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Sentences with their normalized form, kept for the last text: every figure reads the same prose. */
let lastPlain: { text: string; out: [string, string][] } | undefined;
function plainSentences(text: string): [string, string][] {
  if (lastPlain?.text !== text) lastPlain = { text, out: sentences(text).map((s) => [s, s.normalize("NFKC").replace(/\s+/g, "")]) };
  return lastPlain.out;
}

/** The first sentence that states this figure, with its value. */
export function statedFigure(text: string, figure: NarrativeFigure): StatedFigure | null {
  for (const [s, plain] of plainSentences(text)) {
    for (const re of PATTERNS[figure]) {
      const m = re.exec(plain);
      if (m) return { value: Number(m[1]), sentence: s };
    }
  }
  return null;
}

/**
 * How much of this year's prose stands again in last year's: the share of this year's 12-character
 * shingles (digits folded, so changed figures still count as repeated) found in last year's text.
 */
export function repeatedShare(current: string, previous: string): number {
  const cur = shingles(current);
  if (cur.size === 0) return 0;
  const prev = shingles(previous);
  let same = 0;
  for (const x of cur) if (prev.has(x)) same++;
  return same / cur.size;
}

const SHINGLE = 12;
/**
 * Each 12-character window as a 30-bit rolling hash rather than a substring: no string per window,
 * and a set of small integers, which V8 keeps unboxed. A collision counts one window of this year
 * as repeated: with a few thousand windows per report, about one window in 200,000 — it does not
 * move a share.
 */
function shingles(text: string): Set<number> {
  const s = text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\d+(?:\.\d+)?/g, "0");
  const out = new Set<number>();
  if (s.length < SHINGLE) return out;
  const base = 131;
  let top = 1; // base^(SHINGLE-1) mod 2^32: the weight of the character leaving the window
  for (let i = 0; i < SHINGLE - 1; i++) top = Math.imul(top, base);
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    if (i >= SHINGLE) h = (h - Math.imul(s.charCodeAt(i - SHINGLE), top)) | 0;
    h = (Math.imul(h, base) + s.charCodeAt(i)) | 0;
    // Mix before folding to 30 bits, so that every character moves the kept bits.
    if (i >= SHINGLE - 1) out.add((Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 2) & 0x3fffffff);
  }
  return out;
}

/** Words a government's report must use for its 考核、评议、追究 (条例第五十条; rule doc.accountability). */
export const ACCOUNTABILITY_WORDS = ["考核", "评议", "追究"] as const;

/** The six sections of the national format, each recognised by its number and its key words. */
export const SECTIONS = [
  { n: "一", title: "总体情况", words: ["总体情况", "概述"] },
  { n: "二", title: "主动公开政府信息情况", words: ["主动公开"] },
  { n: "三", title: "收到和处理政府信息公开申请情况", words: ["申请"] },
  { n: "四", title: "政府信息公开行政复议、行政诉讼情况", words: ["复议", "诉讼"] },
  { n: "五", title: "存在的主要问题及改进情况", words: ["问题", "改进"] },
  { n: "六", title: "其他需要报告的事项", words: ["其他"] },
] as const;

/** Section numbers whose heading is not found, in order. */
export function missingSections(text: string): string[] {
  const heads = text
    .split("\n")
    .map((l) => l.normalize("NFKC").replace(/\s+/g, ""))
    .filter((l) => /^[一二三四五六][、.．]/.test(l) && l.length <= 40);
  return SECTIONS.filter((sec) => !heads.some((h) => h.startsWith(sec.n) && sec.words.some((w) => h.includes(w)))).map(
    (s) => `${s.n}、${s.title}`,
  );
}
