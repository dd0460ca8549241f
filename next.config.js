/**
 * Sent with every response. Scripts and styles from this site only ('unsafe-inline': Next's own
 * inline bootstrap scripts carry no nonce here); images also as data:/blob: (chart export); no
 * framing (clickjacking on the review and correction buttons); no MIME sniffing of downloads.
 */
const dev = process.env.NODE_ENV === "development";
export const SECURITY_HEADERS = [
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // PGlite ships WASM and data files it loads from its own folder; bundling breaks those paths.
  serverExternalPackages: ["@electric-sql/pglite", "pdfjs-dist", "postgres"],
  experimental: {
    // Uploads: one file up to MAX_UPLOAD_MB (20, lib/parse/limits.ts) plus multipart overhead. A
    // larger body is cut off while it streams (Next answers 413; the form says 上传失败 in Chinese),
    // so a 100 MB upload is never read whole. The proxy (proxy.ts) buffers bodies too, by default
    // only 10 MB: without its limit raised, a 15 MB report would arrive truncated.
    serverActions: { bodySizeLimit: "25mb" },
    proxyClientMaxBodySize: "25mb",
  },
};
export default nextConfig;
