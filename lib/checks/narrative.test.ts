import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "../../test/fixtures";
import { parseReport } from "../parse/index";
import { repeatedShare } from "./narrative";

const narrative = (file: string) => {
  const out = parseReport({ name: file, bytes: readFileSync(path.join(SAMPLES, file)) });
  if (!out.ok) throw new Error(out.error);
  return out.report.narrative;
};

/** The definition written plainly: 12-character substrings, digits folded. */
function plainShare(current: string, previous: string): number {
  const windows = (t: string) => {
    const s = t
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/\d+(?:\.\d+)?/g, "0");
    const out = new Set<string>();
    for (let i = 0; i + 12 <= s.length; i++) out.add(s.slice(i, i + 12));
    return out;
  };
  const cur = windows(current);
  const prev = windows(previous);
  return cur.size === 0 ? 0 : [...cur].filter((x) => prev.has(x)).length / cur.size;
}

describe("repeatedShare", () => {
  it("is 1 for the same text and 0 for unrelated or too short text", () => {
    const t = narrative("pingtan-2024.html");
    expect(repeatedShare(t, t)).toBe(1);
    expect(repeatedShare(t, "完全无关的一段文字，没有任何相同的十二个字的片段。")).toBe(0);
    expect(repeatedShare("短文本", t)).toBe(0);
  });

  it("folds changed figures: the same sentence with other numbers counts as repeated", () => {
    expect(repeatedShare("本年度共收到政府信息公开申请12件，全部按时答复。", "本年度共收到政府信息公开申请345件，全部按时答复。")).toBe(1);
  });

  // The hashed windows must give the plain definition's answer on real year pairs.
  for (const [cur, prev] of [
    ["pingtan-czj-2025.html", "pingtan-czj-2024.html"],
    ["pingtan-2025.html", "pingtan-2024.html"],
    ["pingtan-2022.html", "pingtan-2021.html"],
    ["pingtan-2019.html", "pingtan-2018.html"],
  ]) {
    it(`matches the substring definition: ${cur} against ${prev}`, () => {
      const [a, b] = [narrative(cur), narrative(prev)];
      expect(repeatedShare(a, b)).toBeCloseTo(plainShare(a, b), 12);
    });
  }
});
