import { getDb } from "@/db/index";
import { listRegions } from "@/db/queries/regions";
import { roleMay } from "@/lib/auth/permissions";
import { requireReader } from "@/app/session";
import { PackageImportForm } from "./package-import";
import { PackageExportForm } from "./package-export";
import { RegionChartsExport } from "./region-charts";
import { FAMILIES } from "@/lib/dashboard/families";

import { msg } from "@/lib/messages";

export const dynamic = "force-dynamic";

export default async function ExportPage() {
  const [regions, user] = await Promise.all([listRegions(await getDb()), requireReader()]);
  const options = regions.map((r) => ({ id: r.id, name: `${"　".repeat(r.path.split("/").filter(Boolean).length)}${r.name}` }));
  return (
    <>
      <h1>{msg.exportPage.title}</h1>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>{msg.exportPage.regionCharts}</h2>
        <p className="muted">{msg.exportPage.regionChartsIntro}</p>
        <RegionChartsExport
          regions={options}
          families={FAMILIES.map((f) => ({ id: f.id, title: f.title }))}
          years={[new Date().getFullYear() - 7, new Date().getFullYear() - 1]}
        />
      </div>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>{msg.exportPage.package}</h2>
        <p className="muted">{msg.exportPage.packageIntro}</p>
        <PackageExportForm regions={options} />
      </div>
      {roleMay(user, "import_package") && (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{msg.exportPage.importPackage}</h2>
          <PackageImportForm />
        </div>
      )}
    </>
  );
}
