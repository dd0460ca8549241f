/**
 * The figures of every agency of a region (subtree), family by family, for the region chart
 * export: the browser draws and packs the charts, so this only sends numbers.
 */
import { z } from "zod";
import { getDb } from "@/db/index";
import { listRegionReportCells } from "@/db/queries/dashboard";
import { FAMILIES, familyRows } from "@/lib/dashboard/families";
import { buildAgencyYears } from "@/lib/dashboard/agency-years";
import { fromFirstTables } from "@/lib/dashboard/kpis";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const schema = z.object({
  region: z.coerce.number().int().positive(),
  from: z.coerce.number().int().min(2000).max(2100),
  to: z.coerce.number().int().min(2000).max(2100),
  families: z.string().transform((s) => s.split(",").filter((id) => FAMILIES.some((f) => f.id === id))),
});

export async function GET(request: Request) {
  await requireReader();
  const p = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!p.success || p.data.families.length === 0 || p.data.from > p.data.to)
    return Response.json({ error: msg.exportPage.regionChartsInvalid }, { status: 400 });
  const rows = await listRegionReportCells(await getDb(), p.data.region, p.data.from, p.data.to);
  const byAgency = new Map<number, { name: string; reports: typeof rows }>();
  for (const r of rows) {
    const a = byAgency.get(r.agencyId) ?? { name: r.agencyName, reports: [] };
    a.reports.push(r);
    byAgency.set(r.agencyId, a);
  }
  const families = FAMILIES.filter((f) => p.data.families.includes(f.id));
  return Response.json({
    families: families.map((f) => ({
      id: f.id,
      title: f.title,
      unit: f.unit,
      chart: f.chart,
      series: f.series.map(({ id, label }) => ({ id, label })),
    })),
    agencies: [...byAgency.entries()].map(([id, a]) => {
      const years = buildAgencyYears(a.reports);
      return {
        id,
        name: a.name,
        charts: Object.fromEntries(
          families.map((f) => [
            f.id,
            fromFirstTables(familyRows(f, years)).map((r) => ({ year: r.year, filed: r.filed, values: r.values })),
          ]),
        ),
      };
    }),
  });
}
