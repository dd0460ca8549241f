/** npm run import -- FILE... : store reports in the configured database, one transaction each. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/index";
import { importFile } from "../db/queries/imports";
import { msg } from "../lib/messages";
import { runCli } from "./cli";

const files = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (files.length === 0) {
  console.error("用法：npm run import -- 文件或文件夹...");
  process.exit(2);
}

function expand(p: string): string[] {
  try {
    return statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((f) => expand(path.join(p, f))) : [p];
  } catch {
    return [p];
  }
}

await runCli(async () => {
  const h = await openDatabase();
  let failed = 0;
  try {
    for (const file of files.flatMap(expand)) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch {
        console.error(`失败  ${file}：${msg.errors.fileUnreadable(file)}`);
        failed++;
        continue;
      }
      const r = await importFile(h.db, { name: path.basename(file), bytes });
      if (r.ok) console.log(`${r.replaced ? "更新" : "新增"}  ${file}：${r.message}（报告 ${r.reportId}）`);
      else {
        failed++;
        console.error(`失败  ${file}：${r.error}`);
      }
    }
  } finally {
    await h.close();
  }
  return failed ? 1 : 0;
});
