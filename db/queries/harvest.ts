/**
 * Harvest sources (each agency's annual-report column), what was found there and when, and the
 * version rows of harvested reports (pipeline/harvest.ts stores a report and its version row in one
 * transaction — so a report is never stored without its evidence, or the reverse).
 */
import { createHash } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { inferAgencyKind } from "../../lib/report/agency";
import { msg } from "../../lib/messages";
import type { Db } from "../index";
import { agencies, harvestSources, harvestVersions, harvestYears, regions, reports } from "../schema";
import { nameInitials } from "../../lib/dashboard/initials";
import { rowsOf } from "./rows";
import { regionsIn, subtreeCondition } from "./scope";

export const contentHash = (text: string) => createHash("sha256").update(text).digest("hex");

export async function getSource(db: Db, agencyId: number) {
  const [row] = await db.select().from(harvestSources).where(eq(harvestSources.agencyId, agencyId));
  return row ?? null;
}

export async function upsertSource(db: Db, agencyId: number, listUrl: string, by: string) {
  const before = await getSource(db, agencyId);
  await db
    .insert(harvestSources)
    .values({ agencyId, listUrl, updatedBy: by })
    .onConflictDoUpdate({ target: harvestSources.agencyId, set: { listUrl, updatedBy: by, updatedAt: new Date() } });
  return before;
}

export async function deleteSource(db: Db, agencyId: number) {
  const before = await getSource(db, agencyId);
  await db.delete(harvestSources).where(eq(harvestSources.agencyId, agencyId));
  return before;
}

export interface SourceRow {
  agencyId: number;
  agency: string;
  kind: "government" | "department" | "township";
  regionId: number;
  regionName: string;
  regionPath: string;
  listUrl: string | null;
  checkedAt: Date | null;
  lastError: string | null;
}

/** Every agency of a region's subtree (null: all) with its source, if it has one. */
export async function listRegionSources(
  db: Db,
  regionId: number | null,
  opts: { withSourceOnly?: boolean; limit?: number } = {},
): Promise<SourceRow[]> {
  const inRegion = await subtreeCondition(db, regionId);
  if (!inRegion) return [];
  const rows = rowsOf<{
    agency_id: number;
    agency: string;
    kind: SourceRow["kind"];
    region_id: number;
    region_name: string;
    region_path: string;
    list_url: string | null;
    checked_at: string | Date | null;
    last_error: string | null;
  }>(
    await db.execute(sql`
      select a.id as agency_id, a.name as agency, a.kind, g.id as region_id, g.name as region_name, g.path || g.id || '/' as region_path,
        s.list_url, s.checked_at, s.last_error
      from agencies a join regions g on g.id = a.region_id
      left join harvest_sources s on s.agency_id = a.id
      where ${inRegion} ${opts.withSourceOnly ? sql`and s.list_url is not null` : sql``}
      order by g.path, g.name, a.name ${opts.limit ? sql`limit ${opts.limit}` : sql``}`),
  );
  return rows.map((r) => ({
    agencyId: Number(r.agency_id),
    agency: r.agency,
    kind: r.kind,
    regionId: Number(r.region_id),
    regionName: r.region_name,
    regionPath: r.region_path,
    listUrl: r.list_url,
    checkedAt: r.checked_at ? new Date(r.checked_at) : null,
    lastError: r.last_error,
  }));
}

/**
 * How many agencies a region's subtree holds and how many of them have a source: the coverage
 * page's evidence card lists a page of the sources, not every agency of a province.
 */
export async function countRegionSources(db: Db, regionId: number | null): Promise<{ agencies: number; withSource: number }> {
  const inRegion = await subtreeCondition(db, regionId);
  if (!inRegion) return { agencies: 0, withSource: 0 };
  const [row] = rowsOf<{ agencies: number; with_source: number }>(
    await db.execute(sql`
      select (select coalesce(sum(n), 0) from coverage_counts where region_id in ${regionsIn(inRegion)})::int as agencies,
             (select count(*) from harvest_sources s join agencies a on a.id = s.agency_id join regions g on g.id = a.region_id
              where s.list_url is not null and ${inRegion})::int as with_source`),
  );
  return { agencies: row?.agencies ?? 0, withSource: row?.with_source ?? 0 };
}

/** A region named by the sheet: `福建省/福州市/平潭综合实验区`, or one name that only one region has. */
export async function findRegionByName(db: Db, name: string): Promise<{ id: number; path: string } | { error: string }> {
  const parts = name
    .split(/[/／>＞]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return { error: msg.harvest.sources.noRegion };
  const last = parts[parts.length - 1];
  const found = await db.select().from(regions).where(eq(regions.name, last));
  const matches = [];
  for (const r of found) {
    if (parts.length === 1) {
      matches.push(r);
      continue;
    }
    const ids = r.path.split("/").filter(Boolean).map(Number);
    const names = ids.length ? await db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, ids)) : [];
    const byId = new Map(names.map((n) => [n.id, n.name]));
    const chain = [...ids.map((i) => byId.get(i)), r.name];
    if (chain.slice(-parts.length).join("/") === parts.join("/")) matches.push(r);
  }
  if (matches.length === 0) return { error: msg.harvest.sources.regionNotFound(name) };
  if (matches.length > 1) return { error: msg.harvest.sources.regionAmbiguous(name) };
  return { id: matches[0].id, path: `${matches[0].path}${matches[0].id}/` };
}

/** The agency of this name in the region's subtree, or a new one in the region itself. */
export async function findOrCreateAgency(db: Db, name: string, region: { id: number; path: string }) {
  const [existing] = rowsOf<{ id: number }>(
    await db.execute(sql`
      select a.id from agencies a join regions g on g.id = a.region_id
      where a.name = ${name} and (g.id = ${region.id} or g.path like ${`${region.path}%`})
      order by a.id limit 1`),
  );
  if (existing) return { id: Number(existing.id), created: false };
  const [other] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, name)).limit(1);
  // An agency is known by its name everywhere else (imports); one elsewhere is the same body.
  if (other) return { id: other.id, created: false };
  const [a] = await db
    .insert(agencies)
    .values({ name, regionId: region.id, kind: inferAgencyKind(name), initials: nameInitials(name) })
    .returning({ id: agencies.id });
  return { id: a.id, created: true };
}

/** After reading a list: when it was read, which years were on it, which expected year was not. */
export async function recordListCheck(
  db: Db,
  agencyId: number,
  o: { at: Date; error: string | null; seenYears: number[]; missingYears: number[] },
) {
  await db.transaction(async (tx) => {
    await tx
      .update(harvestSources)
      .set(o.error ? { lastError: o.error } : { checkedAt: o.at, lastError: null })
      .where(eq(harvestSources.agencyId, agencyId));
    if (o.error) return;
    for (const year of o.seenYears) {
      await tx
        .insert(harvestYears)
        .values({ agencyId, year, firstSeenAt: o.at })
        .onConflictDoUpdate({
          target: [harvestYears.agencyId, harvestYears.year],
          set: { firstSeenAt: sql`coalesce(${harvestYears.firstSeenAt}, ${o.at.toISOString()}::timestamptz)` },
        });
    }
    for (const year of o.missingYears) {
      await tx
        .insert(harvestYears)
        .values({ agencyId, year, lastMissingAt: o.at })
        .onConflictDoUpdate({
          target: [harvestYears.agencyId, harvestYears.year],
          // Once seen, a later absence (a list that pages differently) does not move the evidence.
          set: {
            lastMissingAt: sql`case when ${harvestYears.firstSeenAt} is null then ${o.at.toISOString()}::timestamptz else ${harvestYears.lastMissingAt} end`,
          },
        });
    }
  });
}

export interface HarvestedDocument {
  agencyId: number;
  agency: string;
  year: number;
  title: string;
  pageUrl: string;
  attachmentUrl: string | null;
  printedOn: string | null;
}

/**
 * The last harvested version of an agency's year and the report stored for it, read under a lock
 * held to the end of the transaction: two runs harvesting the same agency at once queue here rather
 * than both adding version 2.
 */
export async function lockHarvestedYear(tx: Db, agencyId: number, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`harvest:${agencyId}:${year}`}))`);
  const [last] = await tx
    .select()
    .from(harvestVersions)
    .where(and(eq(harvestVersions.agencyId, agencyId), eq(harvestVersions.year, year)))
    .orderBy(desc(harvestVersions.version))
    .limit(1);
  const [stored] = await tx
    .select({ id: reports.id, text: reports.sourceText })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)));
  return { last: last ?? null, stored: stored ?? null };
}

export async function recordHarvestVersion(tx: Db, row: typeof harvestVersions.$inferInsert): Promise<void> {
  await tx.insert(harvestVersions).values(row);
}
