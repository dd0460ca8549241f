"use server";
import { saveScoreEntry, type SaveEntryError } from "@/db/queries/scoring";
import { defineAction } from "@/db/queries/actions";
import { msg } from "@/lib/messages";
import { serverAction } from "@/app/server-action";
import { saveScoreEntrySchema, type ActionResult } from "./schema";

const ERRORS: Record<SaveEntryError, string> = {
  no_rubric: msg.scoring.errors.noRubric,
  no_agency: msg.scoring.errors.noAgency,
  indicator: msg.scoring.errors.indicator,
  reason_required: msg.scoring.errors.reasonRequired,
  out_of_range: msg.scoringPage.scoreOutOfRange,
  no_report: msg.scoring.sheet.noReport,
};

export const saveScoreEntryAction = serverAction(
  defineAction({
    write: "score.edit",
    input: saveScoreEntrySchema,
    target: (d) => ({ agencyId: d.agencyId }),
    fail: (error: string): ActionResult => ({ ok: false, error }),
    run: async (tx, d, actor) => {
      // The "who" comes from the session; db/queries/scoring takes it as a plain string.
      const r = await saveScoreEntry(tx, { ...d, by: actor?.name ?? "" });
      if (!r.ok) return { result: { ok: false as const, error: ERRORS[r.error] }, audit: null };
      return {
        result: { ok: true as const, message: d.action === "set" ? msg.scoring.sheet.savedEntry : msg.scoring.sheet.cleared },
        audit: {
          action: "score.edit",
          target: `score:${d.agencyId}:${d.year}:${d.rubricId}.${d.rubricVersion}`,
          before: null,
          after: { indicator: d.indicatorId, action: d.action, points: d.points, reason: d.reason, total: r.total },
        },
        revalidate: ["/scoring", ["/scoring/[agencyId]/[year]", "page"]],
      };
    },
  }),
);
