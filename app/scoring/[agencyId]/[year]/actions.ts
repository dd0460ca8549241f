"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { recordAudit } from "@/db/queries/audit";
import { saveScoreEntry, type SaveEntryError } from "@/db/queries/scoring";
import { authorizeWrite } from "@/app/session";
import { msg } from "@/lib/messages";
import { saveScoreEntrySchema, type ActionResult } from "./schema";

const ERRORS: Record<SaveEntryError, string> = {
  no_rubric: msg.scoring.errors.noRubric,
  no_agency: msg.scoring.errors.noAgency,
  indicator: msg.scoring.errors.indicator,
  reason_required: msg.scoring.errors.reasonRequired,
  out_of_range: "分值超出该指标的范围",
  no_report: msg.scoring.sheet.noReport,
};

export async function saveScoreEntryAction(form: FormData): Promise<ActionResult> {
  const v = saveScoreEntrySchema.safeParse(Object.fromEntries(form));
  if (!v.success) return { ok: false, error: v.error.issues.map((i) => i.message).join("；") };
  const auth = await authorizeWrite("score.edit", { agencyId: v.data.agencyId });
  if (!auth.ok) return auth;
  const db = await getDb();
  // The "who" comes from the session; db/queries/scoring takes it as a plain string.
  const r = await saveScoreEntry(db, { ...v.data, by: auth.user.name });
  if (!r.ok) return { ok: false, error: ERRORS[r.error] };
  await recordAudit(db, {
    actor: auth.user,
    action: "score.edit",
    target: `score:${v.data.agencyId}:${v.data.year}:${v.data.rubricId}.${v.data.rubricVersion}`,
    before: null,
    after: { indicator: v.data.indicatorId, action: v.data.action, points: v.data.points, reason: v.data.reason, total: r.total },
  });
  revalidatePath("/scoring");
  revalidatePath("/scoring/[agencyId]/[year]", "page");
  return { ok: true, message: v.data.action === "set" ? msg.scoring.sheet.savedEntry : msg.scoring.sheet.cleared };
}
