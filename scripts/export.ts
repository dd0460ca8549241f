/**
 * npm run export -- --out FILE.zip [--region 地区名]: a data package of every report (or of one
 * region's subtree) from the configured database. `npm run import -- FILE.zip` reads it back, e.g.
 * with DATABASE_URL set to move from the embedded database to a Postgres server.
 */
import { writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/index";
import { exportPackage } from "../db/queries/package";
import { regions } from "../db/schema";
import { runCli } from "./cli";

import { msg } from "../lib/messages";

const argv = process.argv.slice(2);
const opt = (k: string) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const out = opt("out");
if (!out) {
  console.error(msg.cli.exportUsage);
  process.exit(2);
}

await runCli(async () => {
  const h = await openDatabase();
  try {
    let regionId: number | undefined;
    const name = opt("region");
    if (name) {
      const [r] = await h.db.select({ id: regions.id }).from(regions).where(eq(regions.name, name));
      if (!r) throw new Error(msg.cli.noRegionNamed(name));
      regionId = r.id;
    }
    const zip = await exportPackage(h.db, { regionId, onProgress: (d, t) => process.stderr.write(msg.cli.exportProgress(d, t)) });
    process.stderr.write("\n");
    writeFileSync(out, zip);
    console.log(msg.cli.written(out, (zip.length / 1024).toFixed(0)));
  } finally {
    await h.close();
  }
});
