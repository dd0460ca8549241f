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
 *
 * Walked over the ink only: a page is about 3 % ink, and on a busy machine each pass over its 4 MB
 * of pixels costs 10–20 ms. One pass lists the ink pixels by row and by column; chains are then
 * followed along those lists (rows for vertical chains, columns for horizontal ones).
 */
export function findRules(gray: Uint8Array, width: number, height: number, minRun: number): RuleMasks {
  const { rowStart, xs, colStart, ys } = inkLists(gray, width, height);
  const vertical = new Uint8Array(width * height);
  const onV = chainsAlong(rowStart, xs, height, width, minRun);
  for (let y = 0; y < height; y++) for (let k = rowStart[y]; k < rowStart[y + 1]; k++) if (onV[k]) vertical[y * width + xs[k]] = 1;
  const horizontal = new Uint8Array(width * height);
  const onH = chainsAlong(colStart, ys, width, height, minRun);
  for (let x = 0; x < width; x++) for (let k = colStart[x]; k < colStart[x + 1]; k++) if (onH[k]) horizontal[ys[k] * width + x] = 1;
  return { horizontal, vertical };
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

/**
 * The page's ink pixels (darker than RULE_INK), listed by row (their x, rows in order) and by
 * column (their y, columns in order), each list ascending.
 */
function inkLists(gray: Uint8Array, w: number, h: number) {
  const rowStart = new Int32Array(h + 1);
  const colCount = new Int32Array(w + 1);
  let xs = new Int32Array(Math.max(1024, (w * h) >> 5));
  let n = 0;
  for (let y = 0; y < h; y++) {
    rowStart[y] = n;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (gray[row + x] >= RULE_INK) continue;
      if (n === xs.length) {
        const grown = new Int32Array(xs.length * 2);
        grown.set(xs);
        xs = grown;
      }
      xs[n++] = x;
      colCount[x]++;
    }
  }
  rowStart[h] = n;
  const colStart = new Int32Array(w + 1);
  for (let x = 0; x < w; x++) colStart[x + 1] = colStart[x] + colCount[x];
  const fill = colStart.slice(0, w);
  const ys = new Int32Array(n);
  for (let y = 0; y < h; y++) for (let k = rowStart[y]; k < rowStart[y + 1]; k++) ys[fill[xs[k]]++] = y;
  return { rowStart, xs: xs.subarray(0, n), colStart, ys };
}

/**
 * Which listed pixels lie on a chain of at least minRun lines: `start`/`pos` list each line's ink
 * positions (rows and their x for vertical chains, columns and their y for horizontal ones). Each
 * pixel continues the longest chain among the three neighbouring positions in the next line (the
 * lengths "down"), and in the line before (the lengths "up"); it is on a long chain when the best
 * path through it, down plus up, is long enough. Lengths saturate at 255: only whether they reach
 * minRun matters, and minRun is a few percent of a page side of at most 2400 pixels.
 */
function chainsAlong(start: Int32Array, pos: Int32Array, lines: number, len: number, minRun: number): Uint8Array {
  const run = Math.min(minRun, 254);
  const down = new Uint8Array(pos.length);
  // The neighbouring line's lengths by position; cleared again after use, so it stays sparse.
  const near = new Uint8Array(len);
  const longest = (p: number) => {
    let best = near[p];
    if (p > 0 && near[p - 1] > best) best = near[p - 1];
    if (p + 1 < len && near[p + 1] > best) best = near[p + 1];
    return best < 255 ? best + 1 : 255;
  };
  for (let l = lines - 1; l >= 0; l--) {
    for (let k = start[l]; k < start[l + 1]; k++) down[k] = longest(pos[k]);
    if (l + 1 < lines) for (let k = start[l + 1]; k < start[l + 2]; k++) near[pos[k]] = 0;
    for (let k = start[l]; k < start[l + 1]; k++) near[pos[k]] = down[k];
  }
  near.fill(0);
  const on = new Uint8Array(pos.length);
  const up = new Uint8Array(pos.length);
  for (let l = 0; l < lines; l++) {
    for (let k = start[l]; k < start[l + 1]; k++) {
      up[k] = longest(pos[k]);
      if (down[k] + up[k] - 1 >= run) on[k] = 1;
    }
    if (l > 0) for (let k = start[l - 1]; k < start[l]; k++) near[pos[k]] = 0;
    for (let k = start[l]; k < start[l + 1]; k++) near[pos[k]] = up[k];
  }
  return on;
}
