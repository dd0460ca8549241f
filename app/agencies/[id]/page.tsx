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
import { ExportPageButton, ExportRegistry } from "@/components/export/page-export";
import { PrintButton } from "@/components/export/print";
import { PrintHeader } from "@/components/export/print-header";
import { AgencyFindingsByYear } from "./findings-by-year";
import { HarvestSection } from "./harvest-section";
import { requireReader } from "@/app/session";
import { listRectifications } from "@/db/queries/rectifications";
import { ItemList } from "@/components/rectification/item-list";

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
        {msg.agencyKinds[found.agency.kind]} · <Link href={`/compare?agencies=${agencyId}`}>{msg.agencyPage.compare}</Link> ·{" "}
        <Link href={`/regions/${found.region.id}`}>
          {found.region.name}
          {msg.agencyPage.regionTotal}
        </Link>
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

      <Card title={msg.harvest.evidence.title} testId="card-harvest" skeletonHeight={120}>
        <HarvestSection agencyId={agencyId} kind={found.agency.kind} />
      </Card>

      <Card title={msg.rect.summary.title} testId="card-rectifications" skeletonHeight={80}>
        <AgencyRectifications agencyId={agencyId} />
      </Card>

      <h2 className="print-section">{msg.agencyPage.reports}</h2>
      <ReportListSection agencyId={agencyId} />
    </ExportRegistry>
  );
}

/** The agency's unfinished 整改事项 (overdue first), the notice to send, and the way to all of them. */
async function AgencyRectifications({ agencyId }: { agencyId: number }) {
  const rows = await listRectifications(await getDb(), { agencyId, status: "unfinished" }, 20);
  const d = msg.rect.docs;
  return (
    <>
      <ItemList rows={rows} testId="agency-rectifications" />
      <p className="small no-print">
        <Link href={`/rectifications?agency=${agencyId}`}>{msg.rect.summary.all}</Link> · {d.title}：
        <a href={`/api/rectifications/documents/notice?agency=${agencyId}`} download>
          {d.notice}
        </a>
      </p>
    </>
  );
}
