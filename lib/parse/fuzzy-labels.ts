/**
 * Where a document's labels differ from the template's: Traditional characters (a mirror site's
 * copy), and OCR misreadings within a few edits of exactly one label.
 */
import { LEXICON, skeleton, type LexEntry } from "../report/labels";
import type { DocLine } from "./document";

const TRADITIONAL = /[與為數條項處請應關機於會務發報區縣鎮辦規範檔計資總統許訟複議結維糾審訴費採購額內製訊開體據資請權]/g;
export function looksTraditional(lines: DocLine[]): boolean {
  let n = 0;
  const count = (t: string) => {
    TRADITIONAL.lastIndex = 0;
    while (TRADITIONAL.exec(t) && ++n < 8);
  };
  for (const l of lines) {
    if (l.kind === "text") count(l.text);
    else for (const c of l.cells) count(c.text);
    if (n >= 8) return true;
  }
  return false;
}

/**
 * Labels a scan's OCR got slightly wrong (`行玫许可`, `本年外埋决定数量`, a dropped character):
 * a text token standing alone in its cell whose skeleton is within a few edits of exactly one
 * label's — and nearer to it than to any other — is that label.
 */
const FUZZY_KINDS = new Set<LexEntry["kind"]>([
  "t2row",
  "t2col",
  "t2section",
  "t3row",
  "t3group",
  "t3head",
  "t4group",
  "t4result",
  "title",
]);
const FUZZY_LEXICON = LEXICON.filter((e) => FUZZY_KINDS.has(e.kind) && e.skel.length >= 4);

/** Every two-character sequence of a label, to pass over text that shares none with any label. */
const LABEL_BIGRAMS = new Set(FUZZY_LEXICON.flatMap((e) => [...e.skel].slice(1).map((c, i) => e.skel[i] + c)));

export function fuzzyLabel(text: string): LexEntry[] | undefined {
  if (text.length > 48 || /[，。；,;]/.test(text)) return undefined;
  const sk = skeleton(text);
  if (sk.length < 4 || sk.length > 40) return undefined;
  let shared = 0;
  for (let i = 1; i < sk.length; i++) if (LABEL_BIGRAMS.has(sk[i - 1] + sk[i])) shared++;
  // Each edit breaks at most two of them: a 4-character label with its middle character misread
  // (其他外理) keeps one of its three.
  const edits = Math.max(1, Math.floor((sk.length + 1) / 4));
  if (shared === 0 || shared < sk.length - 1 - 2 * edits) return undefined;
  // The nearest label, if it is within a quarter of its length and strictly nearer than any other.
  let best = Infinity;
  let second = Infinity;
  let found: LexEntry[] = [];
  for (const e of FUZZY_LEXICON) {
    const allowed = Math.max(1, Math.floor(Math.max(e.skel.length, sk.length) / 4));
    if (Math.abs(e.skel.length - sk.length) > allowed) continue;
    const d = editDistance(sk, e.skel, Math.min(allowed, second) + 1);
    if (d > allowed) continue;
    if (d < best) {
      if (!found.length || found[0].skel !== e.skel) second = best;
      best = d;
      found = [e];
    } else if (d === best && found[0]?.skel === e.skel) found.push(e);
    else if (d < second) second = d;
  }
  return found.length && best > 0 && second > best ? found : undefined;
}

/** Levenshtein distance, giving up (returning `cap`) once it must exceed it. */
function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length];
}
