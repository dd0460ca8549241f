import { getDb } from "@/db/index";
import { listRegions } from "@/db/queries/regions";
import { ImportForm } from "./import-form";
import { MAX_UPLOAD_MB } from "@/lib/parse/index";

export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const regions = await listRegions(await getDb());
  return (
    <>
      <h1>导入年报</h1>
      <p className="muted">
        粘贴年报全文，或上传 .txt / .md / .html 文件（不超过 {MAX_UPLOAD_MB} MB）。先预览读到的表格和基本信息，确认后保存；同一单位同一年度再次保存会整体替换原报告。
      </p>
      <ImportForm regions={regions.map((r) => ({ id: r.id, name: r.name, depth: r.path.split("/").filter(Boolean).length }))} />
    </>
  );
}
