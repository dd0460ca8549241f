import { describe, expect, it } from "vitest";
import { publicOrigin } from "./origin";

const h = (o: Record<string, string>) => ({ get: (k: string) => o[k] ?? null });

describe("publicOrigin (links in downloads)", () => {
  it("uses the host the browser used, not the one Next listens on", () => {
    expect(publicOrigin(h({ host: "dashboard.example.gov.cn" }), "http://localhost:3000/api/coverage", "")).toBe(
      "http://dashboard.example.gov.cn",
    );
    expect(publicOrigin(h({ host: "10.0.0.5:3000", "x-forwarded-proto": "https" }), "http://localhost:3000/x", "")).toBe(
      "https://10.0.0.5:3000",
    );
  });
  it("PUBLIC_URL wins; a malformed Host falls back", () => {
    expect(publicOrigin(h({ host: "a.example" }), "http://localhost:3000/x", "https://pub.example/base")).toBe("https://pub.example");
    expect(publicOrigin(h({ host: "evil.example/<script>" }), "http://localhost:3000/x", "")).toBe("http://localhost:3000");
  });
});
