import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath (open redirect after sign-in)", () => {
  it.each([
    "/\\evil.example",
    "/\t/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "//evil.example",
    "https://evil.example",
    "/\n/evil.example",
    " /x",
    "/\\/evil.example",
    "javascript:alert(1)",
    "",
  ])("refuses %j", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });
  it("keeps paths on this site", () => {
    expect(safeNextPath("/agencies/3?year=2024#t")).toBe("/agencies/3?year=2024#t");
    expect(safeNextPath("/%09/evil.example")).toBe("/%09/evil.example"); // still a path here
  });
});
