/**
 * Page image clean-up before OCR. Pure: grayscale pixels in, grayscale pixels out.
 *
 * A table's ruling lines are what tesseract reads worst: a cell border beside a figure becomes a
 * `1` or an `|`, and rows between rules come out as strings of nonsense. So the rules are erased
 * first. A rule is a long chain of dark pixels — horizontal or vertical, allowed to step one pixel
 * sideways per pixel so that a skewed or slightly bent (photographed) line is still one chain —
 * much longer than any stroke of a character.
 */
import type { OcrWord } from "./ocr-engine";

/**
 * Darker than this (0–255) is a rule's ink. Lighter than text's threshold: a thin rule blurred by
 * the scanner, or resampled when the page is turned straight, is a light grey line.
 */
const RULE_INK = 200;

/** Pixels on the page's rules, 1 or 0 each. */
export interface RuleMasks {
  horizontal: Uint8Array;
  vertical: Uint8Array;
}

/**
 * Every dark pixel on a horizontal or vertical chain of at least `minRun` pixels. Chains are
 * 8-connected in the line's direction: from (x, y) to (x+1, y-1..y+1) for horizontal ones.
 */
export function findRules(gray: Uint8Array, width: number, height: number, minRun: number): RuleMasks {
  // Horizontal chains are vertical chains of the transposed image: walked row by row, the inner
  // loop reads memory in order (walking columns of a 1654-pixel-wide page was most of a second).
  const horizontal = transpose(verticalChains(transpose(gray, width, height), height, width, minRun), height, width);
  return { horizontal, vertical: verticalChains(gray, width, height, minRun) };
}

/**
 * Whiten the rules' pixels, in place (the page's pixels are 4 MB, and on a busy machine a copy of
 * them costs more than a pass over them). A rule's blurred or JPEG-rung edges are lighter than ink
 * but still read as `|`: two pixels either side of it go as well (above and below a horizontal
 * rule, left and right of a vertical one).
 */
export function eraseRules(image: Uint8Array, width: number, height: number, { horizontal, vertical }: RuleMasks): void {
  const n = width * height;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (horizontal[i]) for (let d = Math.max(0, y - 2); d <= Math.min(height - 1, y + 2); d++) image[d * width + x] = 255;
      if (vertical[i]) for (let j = Math.max(0, i - 2); j <= Math.min(n - 1, i + 2); j++) image[j] = 255;
    }
  }
}

/**
 * Words that run across a vertical rule are two or more cells whose figures tesseract joined
 * (`0000` over four columns): cut them at the rules, giving each piece the characters whose
 * centres fall between them. A piece left with no character means the characters' positions do
 * not fit the rules: the word is kept whole with no confidence, so a figure in it is never stored.
 * `vertical`: the rule pixels packed (packMask).
 */
export function splitAtRules(words: OcrWord[], vertical: Uint8Array, width: number): OcrWord[] {
  return words.flatMap((w) => {
    const cuts = rulesIn(w, vertical, width);
    if (!cuts.length || !w.chars?.length) return [w];
    const edges = [w.x0, ...cuts, w.x1];
    const parts: OcrWord[] = [];
    for (let k = 0; k + 1 < edges.length; k++) {
      const chars = w.chars.filter((c) => {
        const cx = (c.x0 + c.x1) / 2;
        return cx >= edges[k] && cx < edges[k + 1];
      });
      if (!chars.length) continue;
      const conf = Math.min(w.conf, ...chars.map((c) => c.conf));
      parts.push({
        ...w,
        text: chars.map((c) => c.text).join(""),
        conf,
        x0: Math.max(edges[k], Math.min(...chars.map((c) => c.x0))),
        x1: Math.min(edges[k + 1], Math.max(...chars.map((c) => c.x1))),
        chars,
      });
    }
    // A rule with nothing on one side: a speck or border inside the word, not two cells.
    return parts.length >= 2 ? parts : [w];
  });
}

/**
 * A mask of 0/1 bytes as bits, eight pixels a byte: a page's vertical rules are kept until all
 * pages are recognized, 0.5 MB a page instead of 4.
 */
export function packMask(mask: Uint8Array): Uint8Array {
  const bits = new Uint8Array((mask.length + 7) >> 3);
  for (let i = 0; i < mask.length; i++) if (mask[i]) bits[i >> 3] |= 1 << (i & 7);
  return bits;
}

/** x positions inside the word where a vertical rule (a packed mask) crosses most of its height. */
function rulesIn(w: OcrWord, vertical: Uint8Array, width: number): number[] {
  const cuts: number[] = [];
  const h = w.y1 - w.y0;
  let run: number[] = [];
  for (let x = Math.ceil(w.x0) + 2; x < w.x1 - 2; x++) {
    let n = 0;
    for (let y = w.y0; y < w.y1; y++) {
      const i = y * width + x;
      n += (vertical[i >> 3] >> (i & 7)) & 1;
    }
    if (n >= 0.6 * h) run.push(x);
    else if (run.length) {
      cuts.push((run[0] + run[run.length - 1]) / 2);
      run = [];
    }
  }
  if (run.length) cuts.push((run[0] + run[run.length - 1]) / 2);
  return cuts;
}

/** The w × h image turned to h × w (rows become columns), in blocks that stay in the cache. */
function transpose(a: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const B = 64;
  for (let y0 = 0; y0 < h; y0 += B) {
    for (let x0 = 0; x0 < w; x0 += B) {
      const y1 = Math.min(h, y0 + B);
      const x1 = Math.min(w, x0 + B);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out[x * h + y] = a[y * w + x];
    }
  }
  return out;
}

/**
 * Pixels darker than RULE_INK on a vertical chain of at least minRun: lengths down the chain (bottom up, kept for the
 * whole page) and up it (top down, only the row above is needed), each pixel continuing the
 * longest chain among the three pixels below (or above) it; a pixel is on a long chain when the
 * best path through it, down plus up, is long enough. Lengths saturate at 255: only whether they
 * reach minRun matters, and a rule is at most a few hundred pixels shorter than a page side that
 * is at most 2400 (minRun is a few percent of it).
 */
function verticalChains(gray: Uint8Array, w: number, h: number, minRun: number): Uint8Array {
  const run = Math.min(minRun, 254);
  const fwd = new Uint8Array(w * h);
  for (let y = h - 1; y >= 0; y--) {
    const row = y * w;
    const below = row + w;
    const last = y + 1 < h;
    for (let x = 0; x < w; x++) {
      if (gray[row + x] >= RULE_INK) continue;
      let best = 0;
      if (last) {
        const i = below + x;
        best = fwd[i];
        if (x > 0 && fwd[i - 1] > best) best = fwd[i - 1];
        if (x + 1 < w && fwd[i + 1] > best) best = fwd[i + 1];
      }
      fwd[row + x] = best < 255 ? best + 1 : 255;
    }
  }
  const out = new Uint8Array(w * h);
  let above = new Uint8Array(w);
  let here = new Uint8Array(w);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    here.fill(0);
    for (let x = 0; x < w; x++) {
      if (gray[row + x] >= RULE_INK) continue;
      let best = 0;
      if (y > 0) {
        best = above[x];
        if (x > 0 && above[x - 1] > best) best = above[x - 1];
        if (x + 1 < w && above[x + 1] > best) best = above[x + 1];
      }
      const up = best < 255 ? best + 1 : 255;
      here[x] = up;
      if (fwd[row + x] + up - 1 >= run) out[row + x] = 1;
    }
    [above, here] = [here, above];
  }
  return out;
}
