import { getDb } from "@/db/index";
import { listRegions } from "@/db/queries/regions";
import { listRecentImports } from "@/db/queries/imports";
import { BatchImport } from "./batch-import";
import { ImportForm } from "./import-form";
import { RecentImports } from "./recent-imports";
import { ScanPanel } from "./scan-panel";
import { listMyScans } from "@/db/queries/scans";
import { MAX_UPLOAD_MB } from "@/lib/parse/limits";
import Link from "next/link";
import { requireReader } from "@/app/session";
import { ROLE_LABELS, roleMay } from "@/lib/auth/permissions";

import { msg } from "@/lib/messages";
import { optionalId } from "@/app/params";

export const dynamic = "force-dynamic";

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireReader();
  const scanId = optionalId((await searchParams).scan);
  if (!roleMay(user, "import")) {
    return (
      <>
        <h1>{msg.importPage.title}</h1>
        <div className="card" data-testid="import-refused">
          {user ? msg.importPage.roleCannot(ROLE_LABELS[user.role]) : msg.importPage.signInNeeded}
          {!user && <Link href="/login?next=/import">{msg.common.signIn}</Link>}
        </div>
      </>
    );
  }
  const db = await getDb();
  const [regions, recent, mine] = await Promise.all([listRegions(db), listRecentImports(db, 20), user ? listMyScans(db, user.id) : []]);
  const regionOptions = regions.map((r) => ({ id: r.id, name: r.name, depth: r.depth }));
  return (
    <>
      <h1>{msg.importPage.title}</h1>
      <p className="muted">{msg.importPage.intro(MAX_UPLOAD_MB)}</p>
      {!scanId && <ImportForm regions={regionOptions} />}
      <ScanPanel scanId={scanId} mine={mine} regions={regionOptions} />
      <BatchImport />
      <RecentImports items={recent} />
    </>
  );
}
