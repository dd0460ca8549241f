"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { deletePostCorrection, upsertPostCorrection } from "@/db/queries/posts";
import { correctPostCountSchema } from "./schema";

/** Saves (or withdraws) a person's correction of a "posts published" figure. */
export async function correctPostCount(form: FormData): Promise<void> {
  const parsed = correctPostCountSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  const { agencyId, reportId, channel, value, comment, reset } = parsed.data;
  const db = await getDb();
  if (reset) await deletePostCorrection(db, reportId, channel);
  else await upsertPostCorrection(db, { reportId, channel, value, comment, correctedBy: "看板用户" });
  revalidatePath(`/agencies/${agencyId}`);
}
