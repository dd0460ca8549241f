/**
 * Labels in a run of letter pieces (tokens.ts gathers the run across cells and lines): the run's
 * skeleton — its Chinese characters — is matched against the template's lexicon, and each label
 * or stretch of text between labels becomes a token with the printed text it came from.
 */
import { labelsAt, type LexMatch } from "../report/labels";
import { ONLY_ENUMERATOR, type Piece } from "./lex";
import type { Tok } from "./tokens";

/**
 * Spot labels in a run of letter pieces. The run's skeleton is scanned left to right; at each
 * character the longest label starting there wins, and the characters between labels are text.
 */
export function spotRun(run: Piece[], out: Tok[]) {
  // Skeleton with, per character, the piece it came from.
  let skel = "";
  const pieceOf: number[] = [];
  const annot: boolean[] = [];
  // Whether something other than a Chinese character (space, punctuation) stands before each one.
  const brokenBefore: boolean[] = [];
  // Where each piece's characters start in the skeleton (pieces come from cells already in NFKC).
  const firstOf: number[] = [];
  for (let pi = 0; pi < run.length; pi++) {
    const text = run[pi].text;
    const paren = run[pi].paren;
    firstOf.push(pieceOf.length);
    let j = 0;
    let gap = true;
    for (let x = 0; x < text.length; x++) {
      const c = text.charCodeAt(x);
      if (!(c >= 0x4e00 && c <= 0x9fff)) {
        gap = true;
        continue;
      }
      skel += text[x];
      pieceOf.push(pi);
      // Inside an annotation (past its first character) no label starts.
      annot.push(paren && j > 0);
      brokenBefore.push(gap);
      gap = false;
      j++;
    }
  }
  firstOf.push(pieceOf.length);
  const boundaryAt = (i: number) => i + 1 >= skel.length || run[pieceOf[i + 1]].cell !== run[pieceOf[i]].cell;

  type Span = { from: number; to: number; match?: LexMatch };
  const spans: Span[] = [];
  const pushText = (from: number, to: number) => {
    // Text never spans cells: one span per cell.
    let a = from;
    for (let i = from + 1; i <= to; i++) {
      if (i === to || run[pieceOf[i]].cell !== run[pieceOf[a]].cell || pieceOf[i] !== pieceOf[a]) {
        spans.push({ from: a, to: i });
        a = i;
      }
    }
  };
  // A two-character label (其他, 总计, 规章) inside a longer phrase is a word, not a label: it must
  // open its piece (bar an enumerator's numeral) and close it.
  const standsAlone = (i: number, len: number) => {
    if (len > 2) return true;
    const p = pieceOf[i];
    let j = i;
    while (j > 0 && !brokenBefore[j] && pieceOf[j - 1] === p && "一二三四五六七八九十".includes(skel[j - 1])) j--;
    // Run together with its neighbours (`现行有效件数规章000`), a label next to it is a boundary too.
    const opens = brokenBefore[j] || j === 0 || pieceOf[j - 1] !== p || lastLabelEnd === j;
    const k = i + len;
    const closes = k >= skel.length || pieceOf[k] !== p || brokenBefore[k] || labelStartsAt(k);
    return opens && closes;
  };
  const labelStartsAt = (k: number) => {
    for (let n = 0; n <= 2 && k + n < skel.length; n++) {
      if (labelsAt(skel, k + n, boundaryAt).some((m) => m.length > 2)) return true;
      if (!"一二三四五六七八九十".includes(skel[k + n])) return false;
    }
    return false;
  };
  let lastLabelEnd = -1;
  let textFrom = 0;
  for (let i = 0; i < skel.length; ) {
    const m = annot[i] ? undefined : labelsAt(skel, i, boundaryAt).find((x) => standsAlone(i, x.length));
    if (!m) {
      i++;
      continue;
    }
    if (textFrom < i) pushText(textFrom, i);
    spans.push({ from: i, to: i + m.length, match: m });
    i += m.length;
    textFrom = i;
    lastLabelEnd = i;
  }
  if (textFrom < skel.length) pushText(textFrom, skel.length);

  const lastPieceOfCell = new Map<number, number>();
  run.forEach((p, q) => lastPieceOfCell.set(p.cell, q));
  // Pieces with no Chinese character (a stray `)`, `:`) carry no span; a cell of such pieces is text.
  let lastCell = -1;
  for (let s = 0; s < spans.length; s++) {
    const sp = spans[s];
    const p0 = pieceOf[sp.from];
    const p1 = pieceOf[sp.to - 1];
    const piece = run[p0];
    if (lastCell >= 0 && piece.cell !== lastCell) out.push({ k: "sep", row: false });
    lastCell = run[p1].cell;
    const text = pieceText(run, pieceOf, firstOf, sp.from, sp.to);
    const before = spans[s - 1];
    const after = spans[s + 1];
    if (sp.match) {
      const enumBefore =
        before &&
        !before.match &&
        pieceOf[before.to - 1] === p0 &&
        ONLY_ENUMERATOR.test(pieceText(run, pieceOf, firstOf, before.from, before.to));
      const startsCell = piece.first && (!before || pieceOf[before.to - 1] !== p0 || enumBefore);
      // After the label, its cell holds nothing but annotations.
      let endsCell = !after || pieceOf[after.from] !== p1 || run[pieceOf[after.from]].paren;
      for (let q = p1 + 1; endsCell && q < run.length && run[q].cell === run[p1].cell; q++) endsCell = run[q].paren;
      endsCell = endsCell && run[lastPieceOfCell.get(run[p1].cell)!].last;
      out.push({
        k: "label",
        entries: sp.match.entries,
        text,
        loc: piece.loc,
        whole: Boolean(startsCell && endsCell),
        prefix: sp.match.prefix,
        ...(piece.pos ? { pos: piece.pos } : {}),
      });
      continue;
    }
    const t = text.trim();
    // An enumerator before a label belongs to the label.
    if (!t || (after?.match && pieceOf[after.from] === p1 && ONLY_ENUMERATOR.test(t))) continue;
    const glued = Boolean(before?.match) && pieceOf[before.to - 1] === p0 && !piece.paren;
    out.push({ k: "text", text: t, loc: piece.loc, paren: piece.paren, glued });
  }
  // A run whose pieces hold no Chinese character at all (`:`, `)`): text.
  if (!spans.length) {
    const t = run
      .map((p) => p.text)
      .join(" ")
      .trim();
    if (t) out.push({ k: "text", text: t, loc: run[0].loc, paren: false, glued: false });
  }
}

/** The printed text of skeleton characters [from, to): whole pieces where the span covers them. */
function pieceText(run: Piece[], pieceOf: number[], firstOf: number[], from: number, to: number): string {
  const p0 = pieceOf[from];
  const p1 = pieceOf[to - 1];
  if (p0 === p1) {
    // Characters of one piece: cut its text at the skeleton characters' positions.
    const first = firstOf[p0];
    return sliceBySkeleton(run[p0].text, from - first, to - first, from === first, to === firstOf[p0 + 1]);
  }
  const parts: string[] = [];
  for (let p = p0; p <= p1; p++) {
    const first = firstOf[p];
    const last = firstOf[p + 1];
    const a = Math.max(from, first) - first;
    const b = Math.min(to, last) - first;
    parts.push(sliceBySkeleton(run[p].text, a, b, from <= first, to >= last));
  }
  return parts.join("");
}

/** A piece's text from its k0-th to its k1-th Chinese character, with the punctuation around. */
function sliceBySkeleton(text: string, k0: number, k1: number, fromStart: boolean, toEnd: boolean): string {
  let k = 0;
  let a = fromStart ? 0 : -1;
  let b = toEnd ? text.length : -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (k === k0 && a < 0) a = i;
      k++;
      if (k === k1 && b < 0) b = i + 1;
    }
  }
  return text.slice(Math.max(a, 0), b < 0 ? text.length : b);
}
