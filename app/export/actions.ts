"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { recordAudit } from "@/db/queries/audit";
import { newBatchId } from "@/db/queries/imports";
import { importPackage, isPackage } from "@/db/queries/package";
import { authorizeWrite } from "@/app/session";

export type PackageImportResult = { ok: true; rows: { name: string; status: "created" | "updated" | "failed"; message: string }[] } | { ok: false; error: string };

const MAX_PACKAGE_MB = 200;

/** Read a data package back (administrators: it may touch any agency). Each report is its own transaction. */
export async function importPackageAction(_prev: PackageImportResult | null, form: FormData): Promise<PackageImportResult> {
  const auth = await authorizeWrite("package.import", {});
  if (!auth.ok) return auth;
  const file = form.get("package");
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "请选择数据包（.zip）" };
  if (file.size > MAX_PACKAGE_MB * 1024 * 1024) return { ok: false, error: `数据包超过 ${MAX_PACKAGE_MB} MB` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!(await isPackage(bytes))) return { ok: false, error: "这不是本看板导出的数据包（缺少 manifest.json）；普通的年报压缩包请在“导入年报”页批量导入" };
  const db = await getDb();
  const batchId = newBatchId("package");
  const results = await importPackage(db, bytes, { batchId });
  await recordAudit(db, { actor: auth.user, action: "package.import", target: `batch:${batchId}`, after: { file: file.name, reports: results.length, failed: results.filter((r) => !r.result.ok).length } });
  revalidatePath("/", "layout");
  return {
    ok: true,
    rows: results.map(({ name, result }) =>
      result.ok ? { name, status: result.replaced ? "updated" : "created", message: result.message } : { name, status: "failed", message: result.error },
    ),
  };
}
