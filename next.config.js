/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files it loads from its own folder; bundling breaks those paths.
  serverExternalPackages: ["@electric-sql/pglite", "pdfjs-dist", "postgres"],
  experimental: {
    serverActions: { bodySizeLimit: "25mb" },
  },
};
export default nextConfig;
