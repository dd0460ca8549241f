import { getDb } from "@/db/index";
import { exportPackage } from "@/db/queries/package";
import { listRegions } from "@/db/queries/regions";
import { attachment } from "@/lib/export/xlsx";
import { safeFileName } from "@/lib/export/table";
import { msg } from "@/lib/messages";
import { createGate } from "@/lib/http/gate";
import { requireReader } from "@/app/session";
import { optionalId } from "@/app/params";

export const dynamic = "force-dynamic";

// One package at a time: each holds its reports in memory while it zips.
const gate = createGate(Number(process.env.PACKAGE_EXPORTS ?? 1));

export async function GET(request: Request) {
  await requireReader();
  const region = optionalId(new URL(request.url).searchParams.get("region") ?? undefined);
  const db = await getDb();
  const name = region ? (await listRegions(db)).find((r) => r.id === region)?.name : msg.exportPage.all;
  if (region && !name)
    return new Response(msg.exportPage.noSuchRegion, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const built = await gate.run(() => exportPackage(db, { regionId: region }));
  if (!built.ok)
    return new Response(msg.errors.exportBusy, {
      status: 429,
      headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "30" },
    });
  const zip = built.value;
  const file = `${safeFileName(msg.exportPage.packageName(name))}.zip`;
  return new Response(new Uint8Array(zip), {
    headers: { "content-type": "application/zip", "content-disposition": attachment(file, "package.zip") },
  });
}
