/** A scan's OCR progress, for the import page to poll: its own uploader (or an administrator) only. */
import { getDb } from "@/db/index";
import { getScanStatus } from "@/db/queries/scans";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await requireReader();
  const id = Number((await params).id);
  if (!user || !Number.isInteger(id) || id <= 0) return Response.json({ error: msg.scan.notReady }, { status: 404 });
  const s = await getScanStatus(await getDb(), id, user.role === "admin" ? null : user.id);
  if (!s) return Response.json({ error: msg.scan.notReady }, { status: 404 });
  return Response.json(s, { headers: { "Cache-Control": "no-store" } });
}
