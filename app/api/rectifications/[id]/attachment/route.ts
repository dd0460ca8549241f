/** The file an agency attached to its explanation: always a download, never shown inline. */
import { getDb } from "@/db/index";
import { getRectificationAttachment } from "@/db/queries/rectifications";
import { attachment } from "@/lib/export/xlsx";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  await requireReader();
  const id = Number((await params).id);
  const a = Number.isInteger(id) && id > 0 ? await getRectificationAttachment(await getDb(), id) : null;
  if (!a) return new Response(msg.rect.gone, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const ascii = a.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(new Uint8Array(a.data), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": attachment(a.name, ascii || "attachment"),
      "x-content-type-options": "nosniff",
    },
  });
}
