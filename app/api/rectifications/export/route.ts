/** The 整改事项 list, with the same filters as /rectifications, as CSV or XLSX. */
import { getDb } from "@/db/index";
import { listRectifications } from "@/db/queries/rectifications";
import { rectSearchSchema } from "@/app/rectifications/schema";
import { toCsv } from "@/lib/export/table";
import { XLSX_TYPE, attachment, toXlsx } from "@/lib/export/xlsx";
import { itemsTable } from "@/lib/documents/tables";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { publicOrigin } from "@/lib/http/origin";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await requireReader();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const s = rectSearchSchema.parse(params);
  const rows = await listRectifications(
    await getDb(),
    { status: s.status, regionId: s.region, agencyId: s.agency, year: s.year, agencyIds: s.mine && user ? user.agencyIds : undefined },
    50_000,
  );
  const table = itemsTable(rows, publicOrigin(request.headers, request.url));
  const name = msg.rect.title;
  if (params.format === "xlsx")
    return new Response(new Uint8Array(await toXlsx(table)), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachment(`${name}.xlsx`, "rectifications.xlsx") },
    });
  return new Response(toCsv(table), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(`${name}.csv`, "rectifications.csv") },
  });
}
