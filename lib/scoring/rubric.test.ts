import { describe, expect, it } from "vitest";
import { sourceSchema } from "./rubric";

describe("rubric source links", () => {
  it.each([
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
    "file:///etc/passwd",
    "//evil.example",
  ])("refuses %s", (url) => {
    const r = sourceSchema.safeParse({ ref: "§6", url });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].message).toMatch(/http/);
  });
  it("accepts http(s)", () => {
    expect(sourceSchema.parse({ ref: "§6", url: "https://www.gov.cn/x" }).url).toBe("https://www.gov.cn/x");
    expect(sourceSchema.safeParse({ ref: "§6", url: "http://example.org" }).success).toBe(true);
  });
});
