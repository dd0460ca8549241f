import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";

type Header = { key: string; value: string };

describe("security headers", () => {
  it("no X-Powered-By; CSP with frame-ancestors 'none', nosniff and no framing on every path", async () => {
    const path = "../next.config.js";
    const { default: config, SECURITY_HEADERS } = (await import(/* @vite-ignore */ path)) as {
      default: NextConfig;
      SECURITY_HEADERS: Header[];
    };
    expect(config.poweredByHeader).toBe(false);
    const rules = await config.headers!();
    const all = rules.find((r) => r.source === "/:path*")!;
    expect(all.headers).toEqual(SECURITY_HEADERS);
    const h = Object.fromEntries(all.headers.map((x: Header) => [x.key.toLowerCase(), x.value]));
    expect(h["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(h["content-security-policy"]).toMatch(/object-src 'none'/);
    expect(h["content-security-policy"]).not.toMatch(/unsafe-eval/);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
  });
});
