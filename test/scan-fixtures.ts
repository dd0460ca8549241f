/**
 * Scans whose cells are known: the real PDF fixtures rasterized (pdftoppm) and degraded the way
 * scans and phone photos are — slight skew, blur, JPEG artefacts, speckle, a red seal stamped over
 * a table — then written as image-only PDFs or images. The expected cells of the PDF apply.
 * Deterministic (seeded), so tests and `npm run ocr:accuracy` measure the same pages.
 */
import sharp, { type OverlayOptions } from "sharp";
import { makeRng } from "../lib/random";
import { rasterizePdfGray } from "../lib/parse/ocr-engine";

export interface ScanVariant {
  name: string;
  dpi: number;
  /** Degrees, clockwise. */
  skew?: number;
  /** Gaussian blur sigma, pixels. */
  blur?: number;
  /** JPEG quality; none: lossless PNG. */
  jpeg?: number;
  /** Share of pixels turned to speckle. */
  speckle?: number;
  /** Stamp a red seal over the first table. */
  seal?: boolean;
  /** Turn the whole page (a photo taken sideways), degrees clockwise. */
  turn?: 90 | 180 | 270;
}

export const VARIANTS: Record<string, ScanVariant> = {
  clean200: { name: "200 dpi", dpi: 200 },
  noisy150: { name: "150 dpi，倾斜、模糊、JPEG、噪点、红色印章", dpi: 150, skew: 0.8, blur: 0.6, jpeg: 45, speckle: 0.002, seal: true },
  photo: { name: "手机照片：侧转 90°、倾斜 1.5°、JPEG", dpi: 200, skew: -1.5, jpeg: 70, turn: 90 },
};

/** A PDF's pages as grayscale PNGs, as a scanner would hand them over. */
async function rasterizePdf(pdf: Uint8Array, dpi: number, maxPages: number): Promise<Buffer[]> {
  const pages: Buffer[] = [];
  for (const p of await rasterizePdfGray(pdf, dpi, maxPages))
    pages.push(
      await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 1 } })
        .png({ compressionLevel: 1 })
        .toBuffer(),
    );
  return pages;
}

/** A PDF's pages as degraded page images (PNG or JPEG bytes). */
export async function scanPages(pdf: Uint8Array, v: ScanVariant, seed = 1, maxPages = 30): Promise<Buffer[]> {
  const pages = await rasterizePdf(pdf, v.dpi, maxPages);
  const rng = makeRng(seed);
  const out: Buffer[] = [];
  for (const png of pages) out.push(await degrade(png, v, rng));
  return out;
}

async function degrade(png: Buffer, v: ScanVariant, rng: () => number): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const w = meta.width!;
  const h = meta.height!;
  // Colour, so a red seal stays red; a scanner's grey background is white here.
  let img = sharp(png).toColourspace("srgb");
  const layers: OverlayOptions[] = [];
  if (v.seal) layers.push({ input: Buffer.from(sealSvg(w, h, v.dpi)), top: 0, left: 0 });
  if (v.speckle) layers.push({ input: speckle(w, h, v.speckle, rng), raw: { width: w, height: h, channels: 4 }, top: 0, left: 0 });
  if (layers.length) img = sharp(await img.composite(layers).png().toBuffer());
  if (v.blur) img = img.blur(v.blur);
  if (v.skew) img = img.rotate(v.skew, { background: "#ffffff" });
  if (v.turn) img = img.rotate(v.turn);
  return v.jpeg ? img.jpeg({ quality: v.jpeg }).toBuffer() : img.png().toBuffer();
}

/** A round red seal, half over the middle of the page where the tables are. */
function sealSvg(w: number, h: number, dpi: number): string {
  const r = Math.round(dpi * 0.8);
  const cx = Math.round(w * 0.62);
  const cy = Math.round(h * 0.45);
  const font = Math.round(r * 0.22);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <g fill="none" stroke="rgb(220,30,30)" stroke-opacity="0.75">
    <circle cx="${cx}" cy="${cy}" r="${r}" stroke-width="${Math.round(r * 0.06)}"/>
  </g>
  <text x="${cx}" y="${cy + font / 3}" font-size="${font * 2}" text-anchor="middle" fill="rgb(220,30,30)" fill-opacity="0.7">★</text>
  <text x="${cx}" y="${cy - r * 0.45}" font-size="${font}" text-anchor="middle" fill="rgb(220,30,30)" fill-opacity="0.7" font-family="Noto Sans CJK SC, sans-serif">某某市人民政府办公室</text>
  <text x="${cx}" y="${cy + r * 0.65}" font-size="${font}" text-anchor="middle" fill="rgb(220,30,30)" fill-opacity="0.7" font-family="Noto Sans CJK SC, sans-serif">政务公开专用章</text>
</svg>`;
}

/** Dark specks on a transparent layer. */
function speckle(w: number, h: number, share: number, rng: () => number): Buffer {
  const buf = Buffer.alloc(w * h * 4);
  const n = Math.round(w * h * share);
  for (let k = 0; k < n; k++) {
    const p = Math.floor(rng() * w * h) * 4;
    buf[p] = buf[p + 1] = buf[p + 2] = 40;
    buf[p + 3] = 200;
  }
  return buf;
}

/**
 * Page images (JPEG or PNG) → an image-only PDF, one image a page at its resolution. JPEGs are
 * embedded as they are (DCTDecode), PNGs re-encoded as JPEG: what a scanner writes.
 */
export async function imagesToPdf(images: Buffer[], dpi: number): Promise<Uint8Array> {
  const objs: Buffer[] = [];
  const pageIds: number[] = [];
  const jpegs = await Promise.all(images.map(async (b) => (b[0] === 0xff ? b : sharp(b).jpeg({ quality: 85 }).toBuffer())));
  // 1: catalog, 2: pages; then per page: page, content, image.
  let id = 3;
  const body: { id: number; data: Buffer }[] = [];
  for (const jpg of jpegs) {
    const m = await sharp(jpg).metadata();
    const pw = ((m.width ?? 0) * 72) / dpi;
    const ph = ((m.height ?? 0) * 72) / dpi;
    const [page, content, image] = [id++, id++, id++];
    pageIds.push(page);
    const cs = m.channels === 1 ? "/DeviceGray" : "/DeviceRGB";
    const draw = Buffer.from(`q ${pw.toFixed(2)} 0 0 ${ph.toFixed(2)} 0 0 cm /Im0 Do Q`);
    body.push({
      id: page,
      data: Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw.toFixed(2)} ${ph.toFixed(2)}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    });
    body.push({
      id: content,
      data: Buffer.concat([Buffer.from(`<< /Length ${draw.length} >>\nstream\n`), draw, Buffer.from("\nendstream")]),
    });
    body.push({
      id: image,
      data: Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${m.width} /Height ${m.height} /ColorSpace ${cs} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpg.length} >>\nstream\n`,
        ),
        jpg,
        Buffer.from("\nendstream"),
      ]),
    });
  }
  body.unshift(
    { id: 1, data: Buffer.from("<< /Type /Catalog /Pages 2 0 R >>") },
    { id: 2, data: Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(" ")}] /Count ${pageIds.length} >>`) },
  );
  body.sort((a, b) => a.id - b.id);
  const offsets: number[] = [];
  let pos = 0;
  const push = (b: Buffer) => {
    objs.push(b);
    pos += b.length;
  };
  push(Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1"));
  for (const o of body) {
    offsets[o.id] = pos;
    push(Buffer.concat([Buffer.from(`${o.id} 0 obj\n`), o.data, Buffer.from("\nendobj\n")]));
  }
  const xref = pos;
  const n = body.length + 1;
  push(
    Buffer.from(
      `xref\n0 ${n}\n0000000000 65535 f \n${body.map((o) => `${String(offsets[o.id]).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${n} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(objs));
}
