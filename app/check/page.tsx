import { getDb } from "@/db/index";
import { listRegions } from "@/db/queries/regions";
import { ImportForm } from "@/app/import/import-form";
import { MAX_UPLOAD_MB } from "@/lib/parse/index";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

export default async function DraftCheckPage() {
  await requireReader();
  const regions = await listRegions(await getDb());
  return (
    <>
      <h1>草稿核对</h1>
      <p className="muted">
        发布前先核对：粘贴年报草稿，或上传文件（.txt / .md / .html / .pdf / .docx，不超过 {MAX_UPLOAD_MB} MB），查看全部勾稽规则的核对结果，包括与数据库中该单位上一年度报告的跨年度比对。草稿不会保存。
      </p>
      <ImportForm mode="check" regions={regions.map((r) => ({ id: r.id, name: r.name, depth: 0 }))} />
    </>
  );
}
