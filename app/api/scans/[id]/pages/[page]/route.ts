/**
 * A scanned page as recognized (JPEG), or with `?box=x0,y0,x1,y1` (fractions of the page) the part
 * around one cell or row: the provenance of an OCR figure. A scan that became a report is read like
 * the report; one still being imported only by its uploader or an administrator.
 */
import sharp from "sharp";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getScanPage, getScanStatus } from "@/db/queries/scans";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const boxSchema = z
  .string()
  .transform((s) => s.split(",").map(Number))
  .pipe(z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]));

export async function GET(req: Request, { params }: { params: Promise<{ id: string; page: string }> }) {
  const user = await requireReader();
  const p = await params;
  const id = Number(p.id);
  const page = Number(p.page);
  const notFound = () => new Response(msg.scan.pageNotFound, { status: 404 });
  if (!Number.isInteger(id) || !Number.isInteger(page) || id <= 0 || page <= 0) return notFound();
  const db = await getDb();
  const status = await getScanStatus(db, id, null);
  if (!status) return notFound();
  if (status.reportId === null && !(user && (user.role === "admin" || (await getScanStatus(db, id, user.id))))) return notFound();
  const row = await getScanPage(db, id, page);
  if (!row) return notFound();
  let image = row.image;
  const boxParam = new URL(req.url).searchParams.get("box");
  if (boxParam) {
    const box = boxSchema.safeParse(boxParam);
    if (!box.success) return new Response(msg.scan.badBox, { status: 400 });
    const [x0, y0, x1, y1] = box.data;
    // The whole width of the page at the box's height: the row's label and all its figures.
    void x0;
    void x1;
    const left = 0;
    const top = Math.max(0, Math.floor((Math.min(y0, y1) - 0.01) * row.height));
    const right = row.width;
    const bottom = Math.min(row.height, Math.ceil((Math.max(y0, y1) + 0.01) * row.height));
    if (right - left < 2 || bottom - top < 2) return new Response(msg.scan.badBox, { status: 400 });
    image = await sharp(row.image)
      .extract({ left, top, width: right - left, height: bottom - top })
      .jpeg({ quality: 80 })
      .toBuffer();
  }
  return new Response(new Uint8Array(image), { headers: { "Content-Type": "image/jpeg", "Cache-Control": "private, max-age=3600" } });
}
