import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../index";
import { inTreeOrder } from "../../lib/dashboard/tree";
import { regions, type Region } from "../schema";
import type { RegionLevel } from "../../lib/report/agency";

/** Every region in tree order (each followed by its subregions), with its depth for indented pickers. */
export async function listRegions(db: Db): Promise<(Region & { depth: number })[]> {
  return inTreeOrder(await db.select().from(regions));
}

/**
 * The region at the end of a path of names (province first), created where missing. A link with a
 * code (from the national directory) is found by its code first, and an existing region of that
 * name under the same parent takes the code.
 */
export async function upsertRegionPath(db: Db, chain: { name: string; level: RegionLevel; code?: string }[]): Promise<Region> {
  let parent: Region | undefined;
  for (const link of chain) {
    const parentCond = parent ? eq(regions.parentId, parent.id) : isNull(regions.parentId);
    const [byCode] = link.code ? await db.select().from(regions).where(eq(regions.code, link.code)) : [];
    const [found] = byCode
      ? [byCode]
      : await db
          .select()
          .from(regions)
          .where(and(parentCond, eq(regions.name, link.name)));
    if (found) {
      if (link.code && !found.code) await db.update(regions).set({ code: link.code }).where(eq(regions.id, found.id));
      parent = found;
      continue;
    }
    const path = parent ? `${parent.path}${parent.id}/` : "/";
    const [created] = await db
      .insert(regions)
      .values({ name: link.name, level: link.level, parentId: parent?.id ?? null, path, code: link.code ?? null })
      .onConflictDoNothing()
      .returning();
    parent =
      created ??
      (
        await db
          .select()
          .from(regions)
          .where(and(parentCond, eq(regions.name, link.name)))
      )[0];
  }
  if (!parent) throw new Error("empty region path");
  return parent;
}

/** Region names from the root down to this region, e.g. 福建省 / 福州市 / 平潭综合实验区. */
export async function getRegionTrail(db: Db, regionId: number): Promise<Region[]> {
  const [r] = await db.select().from(regions).where(eq(regions.id, regionId));
  if (!r) return [];
  const ids = r.path.split("/").filter(Boolean).map(Number);
  if (ids.length === 0) return [r];
  const rows = await db.select().from(regions).where(inArray(regions.id, ids));
  const byId = new Map(rows.map((x) => [x.id, x]));
  return [...ids.map((id) => byId.get(id)).filter((x): x is Region => Boolean(x)), r];
}
