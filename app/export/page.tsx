import { getDb } from "@/db/index";
import { listRegions } from "@/db/queries/regions";
import { roleMay } from "@/lib/auth/permissions";
import { requireReader } from "@/app/session";
import { PackageImportForm } from "./package-import";
import { PackageExportForm } from "./package-export";
import { RegionChartsExport } from "./region-charts";
import { FAMILIES } from "@/lib/dashboard/agency-view";

export const dynamic = "force-dynamic";

export default async function ExportPage() {
  const [regions, user] = await Promise.all([listRegions(await getDb()), requireReader()]);
  const options = regions.map((r) => ({ id: r.id, name: `${"　".repeat(r.path.split("/").filter(Boolean).length)}${r.name}` }));
  return (
    <>
      <h1>导出</h1>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>地区图表</h2>
        <p className="muted">选一个地区（含下级）、年度范围和图表，地区内每个单位的图表各导出一份 PNG、SVG 和 CSV，按单位分文件夹，打成一个 ZIP，不必逐个打开单位页。</p>
        <RegionChartsExport regions={options} families={FAMILIES.map((f) => ({ id: f.id, title: f.title }))} years={[new Date().getFullYear() - 7, new Date().getFullYear() - 1]} />
      </div>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>数据包</h2>
        <p className="muted">
          一个地区（含下级）或全部单位的全部年报：每份报告一个 JSON（report-cells 格式，另含原文写法、位置、审核结论和更正记录）加原文文本。导入数据包可原样恢复，例如从嵌入式数据库迁到 Postgres 服务器，或交给另一个部门。
        </p>
        <PackageExportForm regions={options} />
      </div>
      {roleMay(user, "import_package") && (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>导入数据包</h2>
          <PackageImportForm />
        </div>
      )}
    </>
  );
}
