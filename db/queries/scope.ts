import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../index";
import { rowsOf } from "./rows";

/**
 * The regions table alias `g` restricted to a region's subtree (the region itself and every region
 * below it): one prefix match on the materialized path.
 */
export async function subtreeCondition(db: Db, regionId: number | null | undefined): Promise<SQL | null> {
  if (!regionId) return sql`true`;
  const [r] = rowsOf<{ id: number; path: string }>(await db.execute(sql`select id, path from regions where id = ${regionId}`));
  if (!r) return null;
  return sql`(g.id = ${r.id} or g.path like ${`${r.path}${r.id}/%`})`;
}

/** Ids of the regions in a region's subtree (`inRegion` from subtreeCondition): what per-region rollups are summed over. */
export const regionsIn = (inRegion: SQL) => sql`(select g.id from regions g where ${inRegion})`;
