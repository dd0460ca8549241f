import { describe, expect, it } from "vitest";
import { divisionByCode, guessDivision, searchDivisions } from "./divisions";

describe("national administrative divisions", () => {
  it("knows every province, city and county with its code", () => {
    expect(divisionByCode("350128")?.fullName).toBe("福建省 / 福州市 / 平潭县");
    expect(divisionByCode("110101")?.fullName).toBe("北京市 / 东城区");
    expect(divisionByCode("110101")?.chain.map((l) => l.level)).toEqual(["province", "county"]);
    expect(divisionByCode("32")?.level).toBe("province");
    expect(divisionByCode("999999")).toBeNull();
    expect(searchDivisions("", 5)).toEqual([]);
  });

  it("finds by name or code, exact names first", () => {
    expect(searchDivisions("洪泽区")[0].fullName).toBe("江苏省 / 淮安市 / 洪泽区");
    expect(searchDivisions("淮安")[0].fullName).toBe("江苏省 / 淮安市");
    const codes = searchDivisions("3208", 50).map((d) => d.code);
    expect(codes[0]).toBe("3208");
    expect(codes).toContain("320813");
    // 朝阳区 is in 北京 and 长春: both found.
    expect(searchDivisions("朝阳区").map((d) => d.fullName)).toEqual(
      expect.arrayContaining(["北京市 / 朝阳区", "吉林省 / 长春市 / 朝阳区"]),
    );
  });

  it("guesses an agency's division from its name only when one fits", () => {
    expect(guessDivision("淮安市洪泽区人民政府")?.code).toBe("320813");
    expect(guessDivision("包头市九原区政务服务局")?.code).toBe("150207");
    expect(guessDivision("南京市生态环境局")?.fullName).toBe("江苏省 / 南京市");
    expect(guessDivision("福建省财政厅")?.fullName).toBe("福建省");
    // Two 朝阳区 and nothing to choose between them: no guess.
    expect(guessDivision("朝阳区卫生健康委员会")).toBeNull();
    expect(guessDivision("北京市朝阳区卫生健康委员会")?.code).toBe("110105");
    expect(guessDivision("某某单位")).toBeNull();
  });
});
