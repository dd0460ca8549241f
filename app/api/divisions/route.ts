/** The national administrative directory, searched by name or code for the import preview's region picker. */
import { z } from "zod";
import { searchDivisions } from "@/lib/report/divisions";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const schema = z.object({ q: z.string().trim().min(1).max(20) });

export async function GET(request: Request) {
  await requireReader();
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: msg.importPreview.divisionBadQuery }, { status: 400 });
  return Response.json(searchDivisions(parsed.data.q, 20).map((d) => ({ code: d.code, fullName: d.fullName })));
}
