"use server";
import { z } from "zod";
import { newBatchId } from "@/db/queries/imports";
import { importPackage, isPackage } from "@/pipeline/package";
import { defineAction } from "@/db/queries/actions";
import { formStateAction } from "@/app/server-action";

import { msg } from "@/lib/messages";

export type PackageImportResult =
  | { ok: true; rows: { name: string; status: "created" | "updated" | "failed"; message: string }[] }
  | { ok: false; error: string };

const MAX_PACKAGE_MB = 200;
const refuse = (error: string) => ({ ok: false as const, result: { ok: false as const, error } });

/**
 * Read a data package back (administrators: it may touch any agency). Each report is its own
 * transaction with its own audit row, so a package cut short leaves every stored report audited.
 */
export const importPackageAction = formStateAction(
  defineAction({
    write: "package.import",
    input: z.object({}),
    fields: () => ({}),
    fail: (error: string): PackageImportResult => ({ ok: false, error }),
    prepare: async (_db, _input, form) => {
      const file = form.get("package");
      if (!(file instanceof File) || file.size === 0) return refuse(msg.exportPage.choosePackage);
      if (file.size > MAX_PACKAGE_MB * 1024 * 1024) return refuse(msg.exportPage.packageTooLarge(MAX_PACKAGE_MB));
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (!(await isPackage(bytes))) return refuse(msg.exportPage.notPackage);
      return { ok: true, value: { bytes, fileName: file.name } };
    },
    target: () => ({}),
    transaction: "own",
    run: async (db, { bytes, fileName }, _actor, audit) => {
      const batchId = newBatchId("package");
      const results = await importPackage(db, bytes, {
        batchId,
        audit: (tx, name, r) =>
          audit(tx, {
            action: r.replaced ? "report.replace" : "report.create",
            target: `report:${r.reportId}`,
            after: { agency: r.agency, year: r.year, source: name, package: fileName, batch: batchId },
          }),
      });
      return {
        result: {
          ok: true as const,
          rows: results.map(({ name, result }) =>
            result.ok
              ? { name, status: result.replaced ? ("updated" as const) : ("created" as const), message: result.message }
              : { name, status: "failed" as const, message: result.error },
          ),
        },
        audit: {
          action: "package.import",
          target: `batch:${batchId}`,
          after: { file: fileName, reports: results.length, failed: results.filter((r) => !r.result.ok).length },
        },
        revalidate: [["/", "layout"]],
      };
    },
  }),
);
