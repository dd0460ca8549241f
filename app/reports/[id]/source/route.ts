import { getDb } from "@/db/index";
import { getReportSource } from "@/db/queries/reports";
import { requireReader } from "@/app/session";

import { msg } from "@/lib/messages";

export const dynamic = "force-dynamic";

/** The report's source text, as plain text: imported HTML is never rendered as HTML. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  await requireReader();
  const id = Number((await ctx.params).id);
  const row = Number.isInteger(id) && id > 0 ? await getReportSource(await getDb(), id) : null;
  if (!row) return new Response(msg.reportPage.noReport, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(msg.reportPage.sourceHeader(row.agency, row.year, row.name, row.text), {
    headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
  });
}
