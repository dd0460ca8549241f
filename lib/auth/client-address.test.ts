import { describe, expect, it } from "vitest";
import { clientAddressFrom, trustedProxies } from "./client-address";

const T = "tok";
const headers = (o: Record<string, string>) => ({ get: (k: string) => (k === "x-dd-peer" && o[k] ? `${T}:${o[k]}` : (o[k] ?? null)) });
process.env.DD_PEER_TOKEN = T;

describe("client address", () => {
  it("ignores X-Forwarded-For from a connection that is not a trusted proxy (spoofed spraying)", () => {
    expect(clientAddressFrom(headers({ "x-dd-peer": "203.0.113.9", "x-forwarded-for": "10.9.9.9" }), trustedProxies(""))).toBe(
      "203.0.113.9",
    );
    expect(
      clientAddressFrom(headers({ "x-dd-peer": "::ffff:203.0.113.9", "x-forwarded-for": "1.1.1.1" }), trustedProxies("10.0.0.1")),
    ).toBe("203.0.113.9");
  });
  it("behind a trusted proxy takes the first untrusted hop from the right", () => {
    const t = trustedProxies("10.0.0.1, 10.0.0.2");
    expect(clientAddressFrom(headers({ "x-dd-peer": "10.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" }), t)).toBe(
      "198.51.100.7",
    );
  });
  it("without the server's peer header knows nothing (never the client's own claim)", () => {
    expect(clientAddressFrom(headers({ "x-forwarded-for": "1.2.3.4" }), trustedProxies(""))).toBe("unknown");
    // A client sending x-dd-peer itself, without the server's token (e.g. under plain `next start`).
    const forged = { get: (k: string) => (k === "x-dd-peer" ? "9.9.9.9" : null) };
    expect(clientAddressFrom(forged, trustedProxies(""))).toBe("unknown");
    expect(clientAddressFrom(forged, trustedProxies(""), undefined)).toBe("unknown");
    expect(clientAddressFrom({ get: (k: string) => (k === "x-dd-peer" ? "guess:9.9.9.9" : null) }, trustedProxies(""), "tok")).toBe(
      "unknown",
    );
  });
});

describe("isLoopbackHost", () => {
  it("is true only for this machine", async () => {
    const { isLoopbackHost } = await import("./client-address");
    expect(isLoopbackHost(undefined)).toBe(true);
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
    expect(isLoopbackHost("192.168.1.5")).toBe(false);
  });
});
