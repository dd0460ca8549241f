/**
 * What the harvest saw, for the pages that show it: each year's first sighting and last absence,
 * each version of a report, and the harvest runs of a region.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../index";
import { harvestSources, harvestVersions, jobs, users } from "../schema";
import { rowsOf } from "./rows";

export async function listVersions(db: Db, agencyId: number) {
  return db
    .select({
      id: harvestVersions.id,
      year: harvestVersions.year,
      version: harvestVersions.version,
      reportId: harvestVersions.reportId,
      title: harvestVersions.title,
      pageUrl: harvestVersions.pageUrl,
      attachmentUrl: harvestVersions.attachmentUrl,
      printedOn: harvestVersions.printedOn,
      fetchedAt: harvestVersions.fetchedAt,
      contentHash: harvestVersions.contentHash,
    })
    .from(harvestVersions)
    .where(eq(harvestVersions.agencyId, agencyId))
    .orderBy(desc(harvestVersions.year), desc(harvestVersions.version));
}

export interface YearEvidence {
  agencyId: number;
  year: number;
  firstSeenAt: Date | null;
  lastMissingAt: Date | null;
  printedOn: string | null;
  pageUrl: string | null;
  attachmentUrl: string | null;
  versions: number;
}

/** Per agency and year, what the harvest saw: first seen, last seen missing, the latest version's addresses. */
export async function listYearEvidence(db: Db, agencyIds: number[], years?: number[]): Promise<YearEvidence[]> {
  if (agencyIds.length === 0) return [];
  const rows = rowsOf<{
    agency_id: number;
    year: number;
    first_seen_at: string | Date | null;
    last_missing_at: string | Date | null;
    printed_on: string | null;
    page_url: string | null;
    attachment_url: string | null;
    versions: number;
  }>(
    await db.execute(sql`
      select y.agency_id, y.year, y.first_seen_at, y.last_missing_at, v.printed_on::text as printed_on, v.page_url, v.attachment_url,
        (select count(*)::int from harvest_versions c where c.agency_id = y.agency_id and c.year = y.year) as versions
      from harvest_years y
      left join lateral (
        select printed_on, page_url, attachment_url from harvest_versions v
        where v.agency_id = y.agency_id and v.year = y.year order by v.version desc limit 1
      ) v on true
      where y.agency_id in (${sql.join(
        agencyIds.map((i) => sql`${i}`),
        sql`, `,
      )})
        ${
          years?.length
            ? sql`and y.year in (${sql.join(
                years.map((i) => sql`${i}`),
                sql`, `,
              )})`
            : sql``
        }
      order by y.agency_id, y.year desc`),
  );
  const at = (v: string | Date | null) => (v ? new Date(v) : null);
  return rows.map((r) => ({
    agencyId: Number(r.agency_id),
    year: Number(r.year),
    firstSeenAt: at(r.first_seen_at),
    lastMissingAt: at(r.last_missing_at),
    printedOn: r.printed_on,
    pageUrl: r.page_url,
    attachmentUrl: r.attachment_url,
    versions: Number(r.versions),
  }));
}

/** Sources by agency id (the coverage page asks for the agencies it shows). */
export async function listSourcesFor(db: Db, agencyIds: number[]) {
  if (agencyIds.length === 0) return [];
  return db.select().from(harvestSources).where(inArray(harvestSources.agencyId, agencyIds)).orderBy(asc(harvestSources.agencyId));
}

/** Harvest runs of a region (and the runs of every region, like the daily schedule's), newest first. */
export async function listHarvestJobs(db: Db, regionId: number | null, limit = 5) {
  const region =
    regionId === null ? sql`true` : sql`(${jobs.payload}->>'regionId' is null or ${jobs.payload}->>'regionId' = ${String(regionId)})`;
  return db
    .select({ job: jobs, by: users.displayName })
    .from(jobs)
    .leftJoin(users, eq(users.id, jobs.createdBy))
    .where(and(eq(jobs.kind, "harvest"), region))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit);
}
