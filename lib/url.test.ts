import { describe, expect, it } from "vitest";
import { pageHref, searchString } from "./url";

describe("pageHref", () => {
  it("leaves out empty values and the first page", () => {
    expect(pageHref("/findings", { rule: "t3.balance", q: "", region: undefined, level: null, page: 1 })).toBe("/findings?rule=t3.balance");
    expect(pageHref("/findings", { page: 2, year: 2024 })).toBe("/findings?page=2&year=2024");
    expect(pageHref("/compare", {})).toBe("/compare");
  });

  it("encodes what it writes", () => {
    expect(pageHref("/compare", { agencies: "1,2", q: "市 局" })).toBe("/compare?agencies=1%2C2&q=%E5%B8%82+%E5%B1%80");
  });

  it("keeps page 1 when asked (an address another page reads whole)", () => {
    expect(searchString({ page: 1, basis: "score" }, { keepFirstPage: true })).toBe("page=1&basis=score");
  });
});
