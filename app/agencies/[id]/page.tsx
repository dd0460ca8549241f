import Link from "next/link";
import { notFound } from "next/navigation";
import { RegionBreadcrumb } from "@/components/layout/region-breadcrumb";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getAgency } from "@/db/queries/agencies";
import { getRegionTrail } from "@/db/queries/regions";
import { Card } from "@/components/dashboard/card";
import { msg } from "@/lib/messages";
import { FamilyCards, FilingHistoryLine, HeadlineSection, KpiSection, PostsSection, ReportListSection } from "./sections";
import { ExportPageButton, ExportRegistry } from "@/components/export/chart-export";
import { PrintButton } from "@/components/export/print";
import { PrintHeader } from "@/components/export/print-header";
import { AgencyFindingsByYear } from "./findings-by-year";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

export default async function AgencyPage({ params }: { params: Promise<{ id: string }> }) {
  await requireReader();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const db = await getDb();
  const found = await getAgency(db, parsed.data.id);
  if (!found) notFound();
  const trail = await getRegionTrail(db, found.region.id);
  const agencyId = found.agency.id;
  const agencyName = found.agency.name;

  return (
    <ExportRegistry>
      <PrintHeader agency={agencyName} years={msg.agencyPage.history} />
      <RegionBreadcrumb trail={trail} />
      <h1>{found.agency.name}</h1>
      <p className="muted">
        {msg.agencyKinds[found.agency.kind]} ·{" "}
        <Link href={`/compare?agencies=${agencyId}`}>{msg.agencyPage.compare}</Link> ·{" "}
        <Link href={`/regions/${found.region.id}`}>{found.region.name}{msg.agencyPage.regionTotal}</Link>
      </p>
      <FilingHistoryLine agencyId={agencyId} kind={found.agency.kind} />
      <p className="form-row no-print">
        <ExportPageButton zipName={msg.agencyPage.zipName(agencyName)} />
        <PrintButton />
      </p>

      <Card title={msg.agencyPage.kpis} testId="card-kpis" skeletonHeight={120}>
        <KpiSection agencyId={agencyId} />
      </Card>
      <Card title={msg.dashboard.headline.title} testId="card-headline" skeletonHeight={340}>
        <HeadlineSection agencyId={agencyId} agencyName={agencyName} />
      </Card>
      <FamilyCards agencyId={agencyId} agencyName={agencyName} />
      <Card title={msg.dashboard.posts.title + msg.agencyPage.posts} testId="card-posts" skeletonHeight={260}>
        <PostsSection agencyId={agencyId} agencyName={agencyName} />
      </Card>

      <Card title={msg.agencyPage.findingsByYear} testId="card-findings" skeletonHeight={120}>
        <AgencyFindingsByYear agencyId={agencyId} />
      </Card>

      <h2 className="print-section">{msg.agencyPage.reports}</h2>
      <ReportListSection agencyId={agencyId} />
    </ExportRegistry>
  );
}
