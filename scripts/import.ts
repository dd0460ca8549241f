/**
 * npm run import -- FILE|FOLDER|ZIP ... : store reports in the configured database, one
 * transaction per file. Folders are read recursively, .zip archives expanded here. One line per
 * file (新增 / 更新 / 失败 and why), a summary line, and a non-zero exit if any file failed.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/index";
import { logFailure, newBatchId } from "../db/queries/imports";
import { importFile } from "../pipeline/import";
import { IMPORTABLE, isZip, listZip } from "../lib/parse/archive";
import { importPackage, isPackage } from "../pipeline/package";
import { recordAudit } from "../db/queries/audit";
import { msg } from "../lib/messages";
import { runCli } from "./cli";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (args.length === 0) {
  console.error(msg.import.cliUsage);
  process.exit(2);
}

const JUNK = /^(\.DS_Store|Thumbs\.db|desktop\.ini|\._.*)$/i;

/** Files under the arguments: folders recursively (reports and zips only), files as given. */
function expand(p: string, top = true): string[] {
  try {
    if (statSync(p).isDirectory()) {
      return readdirSync(p)
        .filter((f) => !JUNK.test(f) && f !== "__MACOSX" && !f.startsWith("."))
        .sort()
        .flatMap((f) => expand(path.join(p, f), false));
    }
  } catch {
    return [p]; // reported as unreadable below
  }
  return top || IMPORTABLE.test(p) || /\.zip$/i.test(p) ? [p] : [];
}

await runCli(async () => {
  const files = args.flatMap((a) => expand(a));
  const h = await openDatabase();
  const batchId = newBatchId("cli");
  const count = { created: 0, updated: 0, failed: 0 };
  const line = (status: keyof typeof count, name: string, text: string) => {
    count[status]++;
    (status === "failed" ? console.error : console.log)(`${msg.import.status[status]}  ${name}：${text}`);
  };
  const fail = async (name: string, error: string) => {
    await logFailure(h.db, { sourceName: name, error, batchId });
    line("failed", name, error);
  };
  const one = async (name: string, bytes: Uint8Array) => {
    const r = await importFile(h.db, { name, bytes }, { batchId, ocr: true });
    if (r.ok) line(r.replaced ? "updated" : "created", name, msg.cli.withReport(r.message, r.reportId));
    else line("failed", name, r.error); // importFile has logged it
  };
  try {
    if (files.length === 0) console.error(msg.import.noFiles);
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch {
        await fail(file, msg.errors.fileUnreadable(file));
        continue;
      }
      if (!isZip(bytes, file)) {
        await one(file, bytes);
        continue;
      }
      // A data package (npm run export) is read back whole, losslessly, not re-parsed.
      if (await isPackage(bytes)) {
        for (const { name, result: r } of await importPackage(h.db, bytes, {
          batchId,
          // Each report's audit row goes in with the report, in its transaction.
          audit: (tx, name, r) =>
            recordAudit(tx, {
              actor: null,
              action: r.replaced ? "report.replace" : "report.create",
              target: `report:${r.reportId}`,
              after: { agency: r.agency, year: r.year, source: `${file}/${name}`, batch: batchId },
            }),
        })) {
          if (r.ok) line(r.replaced ? "updated" : "created", `${file}/${name}`, msg.cli.withReport(r.message, r.reportId));
          else line("failed", `${file}/${name}`, r.error);
        }
        continue;
      }
      const zip = await listZip(bytes);
      if (!zip.ok) {
        await fail(file, zip.error);
        continue;
      }
      if (zip.entries.length === 0 && zip.unsupported.length === 0) await fail(file, msg.errors.zipEmpty);
      for (const u of zip.unsupported) await fail(`${file}/${u.path}`, u.error);
      for (const entry of zip.entries) {
        const name = `${file}/${entry.path}`;
        const read = await entry.read();
        if (read.ok) await one(name, read.bytes);
        else await fail(name, read.error);
      }
    }
  } finally {
    await h.close();
  }
  const total = count.created + count.updated + count.failed;
  console.log(msg.import.batchSummary(total, count.created, count.updated, count.failed));
  return count.failed || total === 0 ? 1 : 0;
});
