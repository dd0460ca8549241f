/**
 * The figure decision (ocr-cells.ts) and the reads it weighs (ocr-digits.ts), without tesseract:
 * a figure is stored only when the two models agree and no sure read says otherwise.
 */
import { describe, expect, it } from "vitest";
import { cellText, decideFigure, figureCells } from "./ocr-cells";
import { strokeRead, unrepeat } from "./ocr-digits";
import type { OcrWord } from "./ocr-engine";
import { normalizeEnumerator, trimRuleMarks } from "./ocr-layout";

const r = (text: string, conf: number) => ({ text, conf });
const none = r("", 0);

describe("decideFigure", () => {
  it("stores a figure the English digits read surely and a Chinese read agrees with", () => {
    expect(decideFigure({ page: r("351", 40), eng: [r("351", 88)], chi: [] })).toEqual({ text: "351", conf: 93, doubt: false });
    expect(decideFigure({ page: none, eng: [r("351", 88)], chi: [r("351", 90)] })?.doubt).toBe(false);
  });

  it("leaves a figure only one model read doubtful", () => {
    expect(decideFigure({ page: none, eng: [r("64", 96)], chi: [] })).toMatchObject({ text: "64", doubt: true });
  });

  it("never stores a figure a sure read contradicts: 72 read as 92 at 80 % by the English model", () => {
    const d = decideFigure({ page: r("72", 90), eng: [r("92", 80), r("72", 90)], chi: [r("72", 90)] });
    expect(d?.doubt).toBe(true);
  });

  it("lets the page pass contradict only when it is very sure (a rule remnant makes 4 into 14)", () => {
    const reads = { eng: [r("4", 96), r("4", 96)], chi: [r("4", 90)] };
    expect(decideFigure({ ...reads, page: r("14", 80) })).toMatchObject({ text: "4", doubt: false });
    expect(decideFigure({ ...reads, page: r("14", 90) })?.doubt).toBe(true);
  });

  it("outvotes one Chinese crop read when both English reads and another Chinese read agree", () => {
    const d = decideFigure({ page: r("6064", 33), eng: [r("64", 96), r("64", 96)], chi: [r("64", 93), r("04", 85)] });
    expect(d).toMatchObject({ text: "64", doubt: false });
    const split = decideFigure({ page: none, eng: [r("64", 96), r("64", 96)], chi: [r("04", 85), r("04", 85)] });
    expect(split?.doubt).toBe(true);
  });

  it("takes the ink's shape as the second opinion on a lone 1, but not against another figure", () => {
    expect(decideFigure({ page: r("中", 48), eng: [r("1", 94)], chi: [], shape: r("1", 70) })).toMatchObject({ text: "1", doubt: false });
    expect(decideFigure({ page: none, eng: [r("7", 94)], chi: [], shape: r("1", 70) })?.doubt).toBe(true);
  });

  it("decides no figure where no read sees one: a dash or a label's stroke keeps the page's words", () => {
    expect(decideFigure({ page: r("—", 60), eng: [r("-", 70)], chi: [] })).toBeNull();
    expect(decideFigure({ page: r("人", 0), eng: [none], chi: [none] })).toBeNull();
  });
});

describe("unrepeat", () => {
  it("keeps a glyph read alike three times, and drops a read whose copies disagree", () => {
    expect(unrepeat(r("111", 93), 3)).toEqual(r("1", 93));
    expect(unrepeat(r("111111", 61), 3)).toEqual(r("11", 61));
    expect(unrepeat(r("5335", 69), 3)).toEqual(none);
    expect(unrepeat(r("11111", 64), 3)).toEqual(none);
    expect(unrepeat(r("42", 90), 1)).toEqual(r("42", 90));
  });
});

/** A crop of `w` × `h` pixels, white, with `ink` cells (x, y) black. */
function crop(w: number, h: number, ink: (x: number, y: number) => boolean) {
  const gray = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (ink(x, y)) gray[y * w + x] = 0;
  return { gray, width: w, box: { x0: 0, y0: 0, x1: w, y1: h } };
}

describe("strokeRead", () => {
  it("sees a 1 in one upright stem with a flag and a foot", () => {
    const one = crop(9, 27, (x, y) => (x >= 4 && x <= 5) || (y < 5 && x === 4 - y) || (y >= 25 && x >= 1 && x <= 8));
    expect(strokeRead(one, 27)).toEqual(r("1", 70));
  });

  it("sees nothing in a slanted stroke, a 7, or a stem far from the page's figure height", () => {
    const slash = crop(9, 27, (x, y) => x === Math.floor((26 - y) / 3));
    expect(strokeRead(slash, 27).text).toBe("");
    const seven = crop(12, 27, (x, y) => y < 3 || x === 11 - Math.floor(y / 2.5));
    expect(strokeRead(seven, 27).text).toBe("");
    const stem = crop(5, 27, (x) => x === 2);
    expect(strokeRead(stem, 27).text).toBe("1");
    expect(strokeRead(stem, 40).text).toBe("");
  });
});

describe("label cells", () => {
  const w = (text: string, x0: number, y0: number, y1: number, line: string): OcrWord => ({
    text,
    conf: 90,
    x0,
    x1: x0 + 20,
    y0,
    y1,
    line,
  });

  it("orders a wrapped label by tesseract's lines, even where a tall bracket sits off its line's centre", () => {
    const words = [
      w("（二", 0, 20, 40, "a"),
      w("）", 40, 6, 50, "a"),
      w("部分", 60, 20, 40, "a"),
      w("计其他", 0, 60, 80, "b"),
      w("的", 80, 6, 50, "a"),
    ];
    expect(cellText(words)).toBe("（二）部分的计其他");
  });

  it("restores 一 read as a dash before its 、, and leaves a printed blank alone", () => {
    expect(normalizeEnumerator("-、本年新收政府信息公开申请数量")).toBe("一、本年新收政府信息公开申请数量");
    expect(normalizeEnumerator("-")).toBe("-");
  });

  it("drops a stray / | or dash at a label's ends (a header tight against its rules), never a blank cell's own", () => {
    expect(trimRuleMarks("总计人/")).toBe("总计人");
    expect(trimRuleMarks("总计所-")).toBe("总计所");
    expect(trimRuleMarks("|规章")).toBe("规章");
    expect(trimRuleMarks("—")).toBe("—");
    expect(trimRuleMarks("/")).toBe("/");
    expect(trimRuleMarks("12/")).toBe("12/");
  });

  it("reads a cell of one sure character again as a figure (a table's last column: 7 read as 了)", () => {
    const band = {
      y0: 0,
      y1: 40,
      cells: [
        { x0: 0, x1: 200 },
        { x0: 200, x1: 260 },
        { x0: 260, x1: 320 },
      ],
    };
    const words = [w("总计", 10, 10, 30, "a"), { ...w("了", 280, 10, 30, "a"), conf: 95 }, w("4", 220, 10, 30, "a")];
    const ink = (b: { x0: number; x1: number; y0: number; y1: number }) => ({ ...b, x0: b.x0 + 5, x1: b.x1 - 5 });
    expect(figureCells(words, [band], ink).map((c) => [c.cell, c.page.text])).toEqual([
      [1, "4"],
      [2, "了"],
    ]);
  });
});
