"use server";
import { getPostCorrection, deletePostCorrection, upsertPostCorrection } from "@/db/queries/posts";
import { ActionRefused, defineAction } from "@/db/queries/actions";
import { getReportAgencyId } from "@/db/queries/reports";
import { msg } from "@/lib/messages";
import { serverAction } from "@/app/server-action";
import { correctPostCountSchema } from "./schema";

/**
 * Saves (or withdraws) a person's correction of a "posts published" figure: a 填报人 of the
 * report's agency or an administrator (posts.correct), and the agency named by the form must be the
 * report's own — it only picks the page to refresh, but a mismatch means a forged form.
 */
export const correctPostCount = serverAction(
  defineAction({
    write: "posts.correct",
    input: correctPostCountSchema,
    target: (d) => ({ reportId: d.reportId }),
    fail: () => undefined,
    run: async (tx, d, actor) => {
      const { agencyId, reportId, channel, value, comment, reset } = d;
      if ((await getReportAgencyId(tx, reportId)) !== agencyId) throw new ActionRefused(msg.auth.mismatch);
      const before = await getPostCorrection(tx, reportId, channel);
      if (reset) await deletePostCorrection(tx, reportId, channel);
      else await upsertPostCorrection(tx, { reportId, channel, value, comment, correctedBy: actor?.name ?? "" });
      return {
        result: undefined,
        audit: {
          action: "posts.correct",
          target: `report:${reportId}`,
          before: before ? { channel, value: before.value, comment: before.comment } : null,
          after: reset ? null : { channel, value, comment },
        },
        revalidate: [`/agencies/${agencyId}`],
      };
    },
  }),
);
