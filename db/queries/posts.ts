/** Users' corrections of the "posts published" figures read from section 一. */
import { and, inArray, sql } from "drizzle-orm";
import type { Db } from "../index";
import { postCountCorrections, type PostCountCorrection } from "../schema";

export async function listPostCorrections(db: Db, reportIds: number[]): Promise<PostCountCorrection[]> {
  if (reportIds.length === 0) return [];
  return db.select().from(postCountCorrections).where(inArray(postCountCorrections.reportId, reportIds));
}

export async function upsertPostCorrection(
  db: Db,
  input: { reportId: number; channel: string; value: number | null; comment: string; correctedBy: string },
): Promise<void> {
  await db
    .insert(postCountCorrections)
    .values({ ...input, correctedAt: new Date() })
    .onConflictDoUpdate({
      target: [postCountCorrections.reportId, postCountCorrections.channel],
      set: { value: input.value, comment: input.comment, correctedBy: input.correctedBy, correctedAt: sql`now()` },
    });
}

export async function deletePostCorrection(db: Db, reportId: number, channel: string): Promise<void> {
  await db
    .delete(postCountCorrections)
    .where(and(sql`${postCountCorrections.reportId} = ${reportId}`, sql`${postCountCorrections.channel} = ${channel}`));
}

export async function getPostCorrection(db: Db, reportId: number, channel: string): Promise<PostCountCorrection | null> {
  const [row] = await db
    .select()
    .from(postCountCorrections)
    .where(and(sql`${postCountCorrections.reportId} = ${reportId}`, sql`${postCountCorrections.channel} = ${channel}`));
  return row ?? null;
}
