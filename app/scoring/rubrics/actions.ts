"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { recordAudit } from "@/db/queries/audit";
import { createRubric, saveRubricVersion } from "@/db/queries/scoring";
import { authorizeWrite } from "@/app/session";
import { msg } from "@/lib/messages";
import { saveRubricSchema, type RubricActionResult } from "./schema";

export async function saveRubricAction(form: FormData): Promise<RubricActionResult> {
  const v = saveRubricSchema.safeParse(Object.fromEntries(form));
  if (!v.success) return { ok: false, error: v.error.issues.map((i) => `${i.path.filter((p) => p !== "definition").join(".")} ${i.message}`.trim()).join("；") };
  const auth = await authorizeWrite("rubric.edit", {});
  if (!auth.ok) return auth;
  const db = await getDb();
  const by = auth.user.name;
  if (v.data.id === undefined) {
    const r = await createRubric(db, { name: v.data.name, definition: v.data.definition, by });
    await recordAudit(db, { actor: auth.user, action: "rubric.edit", target: `rubric:${r.id}`, before: null, after: { version: 1, name: v.data.name } });
    revalidatePath("/scoring/rubrics");
    return { ok: true, message: msg.scoring.rubrics.created, ...r };
  }
  const r = await saveRubricVersion(db, { id: v.data.id, name: v.data.name, definition: v.data.definition, by });
  if (!r.ok) return { ok: false, error: msg.scoring.errors.noRubric };
  if (!r.unchanged) await recordAudit(db, { actor: auth.user, action: "rubric.edit", target: `rubric:${v.data.id}`, before: { version: r.version - 1 }, after: { version: r.version, name: v.data.name } });
  revalidatePath("/scoring/rubrics");
  revalidatePath("/scoring");
  return { ok: true, message: r.unchanged ? msg.scoring.rubrics.unchanged : msg.scoring.rubrics.saved(r.version), id: v.data.id, version: r.version };
}
