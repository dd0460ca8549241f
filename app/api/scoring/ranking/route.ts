/** The ranking as a file: CSV (UTF-8 with BOM) or XLSX, the same figures as the page. */
import { getDb } from "@/db/index";
import { listRegions } from "@/db/queries/regions";
import { getRanking, listScoringYears } from "@/db/queries/scoring";
import { getRubric } from "@/db/queries/rubrics";
import { rankingTable } from "@/lib/scoring/export";
import { SOURCE_LINE, madeOnLine, toCsv } from "@/lib/export/table";
import { XLSX_TYPE, attachment, toXlsx } from "@/lib/export/xlsx";
import { msg } from "@/lib/messages";
import { z } from "zod";
import { rankingSearchSchema } from "@/app/scoring/schema";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const exportSchema = rankingSearchSchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv").catch("csv") });

export async function GET(request: Request) {
  await requireReader();
  const s = exportSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = await getDb();
  const year = s.year ?? (await listScoringYears(db))[0];
  const rubric = await getRubric(db, s.rubric, s.version);
  if (!rubric || year === undefined) return new Response(msg.scoring.errors.noRubric, { status: 404 });
  const { rows, basis } = await getRanking(db, { regionId: s.region, level: s.level }, year, rubric, s.basis);
  const region = s.region ? (await listRegions(db)).find((r) => r.id === s.region)?.name : undefined;
  const table = {
    ...rankingTable(rows, rubric.definition.indicators, msg.scoring.export.sheetName, basis),
    notes: [
      msg.scoring.chartTitle(region ?? msg.common.allRegions, year, msg.scoringPage.rubricVersion(rubric.name, rubric.version)),
      msg.scoring.basis[basis],
      SOURCE_LINE,
      madeOnLine(),
    ],
  };
  const name = `${msg.scoring.export.filename(year)}${region ? `-${region}` : ""}`;
  if (s.format === "csv") {
    return new Response(toCsv(table), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(`${name}.csv`, `ranking-${year}.csv`) },
    });
  }
  return new Response(new Uint8Array(await toXlsx(table)), {
    headers: { "content-type": XLSX_TYPE, "content-disposition": attachment(`${name}.xlsx`, `ranking-${year}.xlsx`) },
  });
}
