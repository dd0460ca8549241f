/**
 * The ruled grid of a scanned table, from the pixels. Pure: rule masks in (ocr-image.ts marks every
 * pixel on a long horizontal or vertical chain), rectangles out.
 *
 * The national tables are ruled, so a cell is the space between two horizontal and two vertical
 * rules. Knowing the rectangles, a figure is read inside its own cell (ocr-digits.ts) and a label
 * that wraps onto two text lines stays one label: the OCR words no longer have to be grouped by
 * guessing from their gaps. Rows are bands between horizontal rules that cross a good part of the
 * page; in each band, the vertical rules that cross most of its height cut it into cells, so merged
 * cells (表三's row heads, 表四's header) come out as the wider cells they are.
 */

export interface GridCell {
  x0: number;
  x1: number;
}

export interface GridBand {
  y0: number;
  y1: number;
  cells: GridCell[];
}

/** A horizontal rule crosses at least this share of the page width. */
const MIN_RULE_SHARE = 0.12;
/** A vertical rule crosses at least this share of a band's height. */
const MIN_CROSS = 0.7;

/**
 * The skew of the page's horizontal rules in degrees (clockwise positive, as sharp's rotate takes
 * it to undo): the angle whose shear makes the rule pixels' row histogram sharpest.
 */
export function ruleSkew(hmask: Uint8Array, width: number, height: number, maxDeg = 3, step = 0.1): number {
  const xs: number[] = [];
  const ys: number[] = [];
  // A sample of the rule pixels is enough and keeps this to a few milliseconds.
  const stride = Math.max(1, Math.floor(countOnes(hmask) / 60_000));
  let k = 0;
  for (let i = 0; i < hmask.length; i++) {
    if (!hmask[i]) continue;
    if (k++ % stride) continue;
    xs.push(i % width);
    ys.push(Math.floor(i / width));
  }
  if (xs.length < 200) return 0;
  let best = 0;
  let bestScore = -1;
  const hist = new Float64Array(height + 2 * width);
  for (let deg = -maxDeg; deg <= maxDeg + 1e-9; deg += step) {
    const t = Math.tan((deg * Math.PI) / 180);
    hist.fill(0);
    for (let j = 0; j < xs.length; j++) hist[Math.round(ys[j] - xs[j] * t) + width]++;
    let score = 0;
    for (const v of hist) score += v * v;
    if (score > bestScore) {
      bestScore = score;
      best = deg;
    }
  }
  return Math.round(best * 10) / 10;
}

function countOnes(m: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < m.length; i++) n += m[i];
  return n;
}

/** Centres of runs of rows (or columns) whose count passes `min`. */
function peaks(counts: Int32Array, min: number): number[] {
  const out: number[] = [];
  let start = -1;
  for (let i = 0; i <= counts.length; i++) {
    const on = i < counts.length && counts[i] >= min;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.push(Math.round((start + i - 1) / 2));
      start = -1;
    }
  }
  return out;
}

/**
 * Bands and their cells, top to bottom, left to right. `minBand`: the least height of a row (about
 * one text line); thinner gaps between rules are a double rule, not a row.
 */
export function findGrid(hmask: Uint8Array, vmask: Uint8Array, width: number, height: number, minBand: number): GridBand[] {
  const rowCounts = new Int32Array(height);
  for (let i = 0; i < hmask.length; i++) if (hmask[i]) rowCounts[Math.floor(i / width)]++;
  const rules = peaks(rowCounts, width * MIN_RULE_SHARE);
  // A table running over the page break has no rule above its first row or below its last: the
  // vertical rules still bound that row.
  if (rules.length) {
    const crossing = (y: number) => {
      let n = 0;
      for (let x = 0; x < width; x++) n += vmask[y * width + x];
      return n >= 3;
    };
    let top = rules[0] - 3;
    while (top > 0 && crossing(top)) top--;
    if (rules[0] - top >= minBand + 4) rules.unshift(top);
    let bottom = rules[rules.length - 1] + 3;
    while (bottom < height - 1 && crossing(bottom)) bottom++;
    if (bottom - rules[rules.length - 1] >= minBand + 4) rules.push(bottom);
  }
  const bands: GridBand[] = [];
  for (let r = 0; r + 1 < rules.length; r++) {
    const y0 = rules[r];
    const y1 = rules[r + 1];
    if (y1 - y0 < minBand) continue;
    // Vertical rules crossing this band (inset, so the horizontal rules' own ink does not count).
    const inset = Math.max(2, Math.round((y1 - y0) * 0.1));
    const colCounts = new Int32Array(width);
    for (let y = y0 + inset; y < y1 - inset; y++) {
      const row = y * width;
      for (let x = 0; x < width; x++) if (vmask[row + x]) colCounts[x]++;
    }
    // A rule a pixel or two off vertical still counts: a three-column window.
    const smooth = new Int32Array(width);
    for (let x = 0; x < width; x++) smooth[x] = Math.max(colCounts[x], colCounts[x - 1] ?? 0, colCounts[x + 1] ?? 0);
    const xs = peaks(smooth, (y1 - y0 - 2 * inset) * MIN_CROSS);
    if (xs.length < 2) continue;
    const cells: GridCell[] = [];
    for (let c = 0; c + 1 < xs.length; c++) if (xs[c + 1] - xs[c] >= minBand * 0.8) cells.push({ x0: xs[c], x1: xs[c + 1] });
    if (cells.length) bands.push({ y0, y1, cells });
  }
  return bands;
}
