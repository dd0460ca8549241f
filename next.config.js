/** @type {import('next').NextConfig} */
const nextConfig = {
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
