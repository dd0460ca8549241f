"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { correctCell, getCell, getFindingReview, reviewFinding } from "@/db/queries/findings";
import { recordAudit } from "@/db/queries/audit";
import { describeCell } from "@/lib/report/template";
import { authorizeWrite } from "@/app/session";
import { correctCellSchema, reviewFindingSchema, type ActionResult } from "./schema";

const fail = (e: { issues: { message: string }[] }): ActionResult => ({ ok: false, error: e.issues.map((i) => i.message).join("；") });

export async function reviewFindingAction(form: FormData): Promise<ActionResult> {
  const v = reviewFindingSchema.safeParse(Object.fromEntries(form));
  if (!v.success) return fail(v.error);
  const db = await getDb();
  const auth = await authorizeWrite("finding.review", { findingId: v.data.findingId });
  if (!auth.ok) return auth;
  const before = await getFindingReview(db, v.data.findingId);
  const ok = await reviewFinding(db, { ...v.data, reviewer: auth.user.name });
  if (!ok) return { ok: false, error: "这条发现已不存在（报告可能已重新导入或核对），请刷新页面" };
  await recordAudit(db, {
    actor: auth.user,
    action: "finding.review",
    target: `finding:${v.data.findingId}`,
    before,
    after: v.data.status === "open" ? null : { status: v.data.status, comment: v.data.comment, reviewer: auth.user.name },
  });
  revalidatePath("/reports/[id]", "page");
  revalidatePath("/findings");
  return { ok: true, message: v.data.status === "open" ? "已撤销审核结论" : v.data.status === "confirmed" ? "已确认" : "已排除" };
}

export async function correctCellAction(form: FormData): Promise<ActionResult> {
  const v = correctCellSchema.safeParse(Object.fromEntries(form));
  if (!v.success) return fail(v.error);
  const db = await getDb();
  const auth = await authorizeWrite("cell.correct", { reportId: v.data.reportId });
  if (!auth.ok) return auth;
  const old = await getCell(db, v.data.reportId, v.data.key);
  const r = await correctCell(db, { ...v.data, by: auth.user.name });
  if (!r.ok) return r;
  await recordAudit(db, {
    actor: auth.user,
    action: "cell.correct",
    target: `report:${v.data.reportId}`,
    before: { key: v.data.key, value: old?.value ?? null, raw: old?.raw ?? null },
    after: { key: v.data.key, value: v.data.value, reason: v.data.reason },
  });
  revalidatePath("/reports/[id]", "page");
  revalidatePath("/agencies/[id]", "page");
  revalidatePath("/findings");
  return { ok: true, message: `已更正 ${describeCell(v.data.key)}，核对已重新运行` };
}
