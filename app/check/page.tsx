import { getDb } from "@/db/index";
import { listRegions } from "@/db/queries/regions";
import { ImportForm } from "@/app/import/import-form";
import { MAX_UPLOAD_MB } from "@/lib/parse/index";
import { requireReader } from "@/app/session";

import { msg } from "@/lib/messages";

export const dynamic = "force-dynamic";

export default async function DraftCheckPage() {
  await requireReader();
  const regions = await listRegions(await getDb());
  return (
    <>
      <h1>{msg.importPage.checkTitle}</h1>
      <p className="muted">{msg.importPage.checkIntro(MAX_UPLOAD_MB)}</p>
      <ImportForm mode="check" regions={regions.map((r) => ({ id: r.id, name: r.name, depth: r.depth }))} />
    </>
  );
}
