/** GET /api/export/package[?region=ID]: every report of a region subtree (or all) as one ZIP. */
import { z } from "zod";
import { getDb } from "@/db/index";
import { exportPackage } from "@/db/queries/package";
import { listRegions } from "@/db/queries/regions";
import { attachment } from "@/lib/export/xlsx";
import { safeFileName } from "@/lib/export/table";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  await requireReader();
  const region = z.coerce.number().int().positive().optional().catch(undefined).parse(new URL(request.url).searchParams.get("region") ?? undefined);
  const db = await getDb();
  const name = region ? (await listRegions(db)).find((r) => r.id === region)?.name : "全部";
  if (region && !name) return new Response("没有这个地区", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const zip = await exportPackage(db, { regionId: region });
  const file = `${safeFileName(`年报数据包-${name}`)}.zip`;
  return new Response(new Uint8Array(zip), { headers: { "content-type": "application/zip", "content-disposition": attachment(file, "package.zip") } });
}
