"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { correctCell, reviewFinding } from "@/db/queries/findings";
import { describeCell } from "@/lib/report/template";
import { correctCellSchema, reviewFindingSchema, type ActionResult } from "./schema";

const fail = (e: { issues: { message: string }[] }): ActionResult => ({ ok: false, error: e.issues.map((i) => i.message).join("；") });

export async function reviewFindingAction(form: FormData): Promise<ActionResult> {
  const v = reviewFindingSchema.safeParse(Object.fromEntries(form));
  if (!v.success) return fail(v.error);
  const ok = await reviewFinding(await getDb(), v.data);
  if (!ok) return { ok: false, error: "这条发现已不存在（报告可能已重新导入或核对），请刷新页面" };
  revalidatePath("/reports/[id]", "page");
  revalidatePath("/findings");
  return { ok: true, message: v.data.status === "open" ? "已撤销审核结论" : v.data.status === "confirmed" ? "已确认" : "已排除" };
}

export async function correctCellAction(form: FormData): Promise<ActionResult> {
  const v = correctCellSchema.safeParse(Object.fromEntries(form));
  if (!v.success) return fail(v.error);
  const r = await correctCell(await getDb(), v.data);
  if (!r.ok) return r;
  revalidatePath("/reports/[id]", "page");
  revalidatePath("/agencies/[id]", "page");
  revalidatePath("/findings");
  return { ok: true, message: `已更正 ${describeCell(v.data.key)}，核对已重新运行` };
}
