/**
 * npm run harvest -- --region 地区名 [--year 2024]          the saved sources of a region (and below)
 * npm run harvest -- --list 栏目地址 --agency 单位 --region 地区   one column, no source saved
 * One line per report (新增 / 更新 / 未变 / 失败 and why) and per agency with nothing found; a
 * summary; a non-zero exit when anything failed. Goes straight to the database, like `npm run import`.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../db/index";
import { countResults, harvestTargets, type HarvestTarget } from "../pipeline/harvest";
import { findOrCreateAgency, findRegionByName, listRegionSources } from "../db/queries/harvest";
import { upsertRegionPath } from "../db/queries/regions";
import { REGION_LEVELS } from "../lib/report/agency";
import { parseReportAsync } from "../lib/parse/index";
import { msg } from "../lib/messages";
import { runCli } from "./cli";

const say = msg.harvest;
const { values } = parseArgs({
  options: { region: { type: "string" }, list: { type: "string" }, agency: { type: "string" }, year: { type: "string", multiple: true } },
  allowPositionals: true,
});
if (!values.region || (values.list && !values.agency) || (!values.list && values.agency)) {
  console.error(say.cli.usage);
  process.exit(2);
}

await runCli(async () => {
  const h = await openDatabase();
  let region = await findRegionByName(h.db, values.region!);
  // One column into a fresh database: a full path (省/市/县) names where its agency goes.
  if ("error" in region && values.list && values.region!.includes("/")) {
    const chain = values
      .region!.split("/")
      .map((name, i) => ({ name: name.trim(), level: REGION_LEVELS[Math.min(i, REGION_LEVELS.length - 1)] }));
    const r = await upsertRegionPath(h.db, chain);
    region = { id: r.id, path: `${r.path}${r.id}/` };
  }
  if ("error" in region) {
    console.error(say.cli.regionNotFound(values.region!));
    return 2;
  }
  let targets: HarvestTarget[];
  if (values.list) {
    try {
      new URL(values.list);
    } catch {
      console.error(say.sources.badUrl);
      return 2;
    }
    const a = await findOrCreateAgency(h.db, values.agency!.trim(), region);
    targets = [{ agencyId: a.id, agency: values.agency!.trim(), listUrl: values.list }];
  } else {
    const sources = await listRegionSources(h.db, region.id, { withSourceOnly: true });
    if (sources.length === 0) {
      console.error(say.cli.noSources(values.region!));
      return 2;
    }
    targets = sources.map((s) => ({ agencyId: s.agencyId, agency: s.agency, listUrl: s.listUrl! }));
  }
  const years = values.year?.map(Number).filter((y) => Number.isInteger(y));
  // The command line is one person's run: reading in-process is enough (the server uses child processes).
  const results = await harvestTargets(h.db, targets, {
    years: years?.length ? years : undefined,
    parse: parseReportAsync,
    onAgency: async (_done, _total, r) => {
      if (r.status !== "done") console.error(say.cli.line(say.status[r.status], r.agency, null, r.detail));
      for (const i of r.items)
        (i.status === "failed" ? console.error : console.log)(say.cli.line(say.status[i.status], r.agency, i.year, `${i.url} ${i.detail}`));
    },
  });
  const counts = countResults(results);
  console.log(say.cli.done(say.run.counts(counts)));
  await h.close();
  return counts.failed > 0 ? 1 : 0;
});
