import { getDb } from "@/db/index";
import { listRegions } from "@/db/queries/regions";
import { listRecentImports } from "@/db/queries/imports";
import { BatchImport } from "./batch-import";
import { ImportForm } from "./import-form";
import { RecentImports } from "./recent-imports";
import { ScanPanel } from "./scan-panel";
import { listMyScans } from "@/db/queries/scans";
import { z } from "zod";
import { MAX_UPLOAD_MB } from "@/lib/parse/limits";
import Link from "next/link";
import { requireReader } from "@/app/session";
import { ROLE_LABELS, roleMay } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireReader();
  const scanId = z.coerce.number().int().positive().optional().catch(undefined).parse((await searchParams).scan);
  if (!roleMay(user, "import")) {
    return (
      <>
        <h1>导入年报</h1>
        <div className="card" data-testid="import-refused">
          {user ? `您的角色（${ROLE_LABELS[user.role]}）不能导入年报；导入需要填报人或管理员账号。` : "导入年报需要先登录（填报人或管理员账号）。"}
          {!user && <Link href="/login?next=/import">登录</Link>}
        </div>
      </>
    );
  }
  const db = await getDb();
  const [regions, recent, mine] = await Promise.all([listRegions(db), listRecentImports(db, 20), user ? listMyScans(db, user.id) : []]);
  const regionOptions = regions.map((r) => ({ id: r.id, name: r.name, depth: r.path.split("/").filter(Boolean).length }));
  return (
    <>
      <h1>导入年报</h1>
      <p className="muted">
        粘贴年报全文，或上传 .txt / .md / .html / .pdf / .docx 文件（不超过 {MAX_UPLOAD_MB} MB）。先预览读到的表格和基本信息，确认后保存；同一单位同一年度再次保存会整体替换原报告。
      </p>
      {!scanId && <ImportForm regions={regionOptions} />}
      <ScanPanel scanId={scanId} mine={mine} regions={regionOptions} />
      <BatchImport />
      <RecentImports items={recent} />
    </>
  );
}
