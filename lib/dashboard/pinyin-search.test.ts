import { describe, expect, it } from "vitest";
import { initialsOf, nameMatches } from "./pinyin-search";

describe("pinyin search", () => {
  it("reads full pinyin as the initials it stands for", () => {
    expect(initialsOf("pingtan")).toContain("pt");
    expect(initialsOf("pingtanzonghe")).toContain("ptzh");
    expect(initialsOf("pingt")).toContain("pt");
    expect(initialsOf("huaian")).toContain("ha");
  });
  it("matches names by characters, initials, full or begun pinyin", () => {
    for (const q of ["平潭", "pingtan", "ptzhsyq", "pingtanzonghe", "PingTan", "pingt", "zonghe"])
      expect(nameMatches("平潭综合实验区", q)).toBe(true);
    expect(nameMatches("平潭综合实验区", "pingtai")).toBe(false);
    expect(nameMatches("淮安市人民政府", "huaian")).toBe(true);
  });
});
