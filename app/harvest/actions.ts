"use server";
import { ActionRefused, defineAction } from "@/db/queries/actions";
import { deleteSource, findOrCreateAgency, findRegionByName, listRegionSources, upsertSource } from "@/db/queries/harvest";
import { enqueueJob } from "@/db/queries/jobs";
import { regionTarget } from "@/db/queries/users";
import { normalizeListUrl, readSourceSheet } from "@/lib/harvest/sheet";
import { msg } from "@/lib/messages";
import { formStateAction } from "@/app/server-action";
import {
  importSourcesSchema,
  saveSourceSchema,
  startHarvestSchema,
  type SaveSourceResult,
  type SourcesImportResult,
  type StartHarvestResult,
} from "./schema";

const say = msg.harvest;
const MAX_SHEET_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 5_000;

/**
 * A sheet of sources (单位, 地区, 栏目地址) for the region chosen on the page: the whole sheet in one
 * transaction, refused whole at the first bad row with that row's number. Every row's agency must
 * be inside the chosen region, which is what the actor was authorized for.
 */
export const importSourcesAction = formStateAction(
  defineAction({
    write: "source.import",
    input: importSourcesSchema,
    fail: (error: string): SourcesImportResult => ({ ok: false, error }),
    prepare: async (_db, input, form) => {
      const file = form.get("sheet");
      const refuse = (error: string) => ({ ok: false as const, result: { ok: false as const, error } });
      if (!(file instanceof File) || file.size === 0) return refuse(say.sources.noFile);
      if (file.size > MAX_SHEET_BYTES) return refuse(say.sources.tooLarge);
      const sheet = await readSourceSheet(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!sheet.ok)
        return refuse(
          sheet.error === "missing_columns"
            ? say.sources.missingColumns
            : sheet.error === "empty"
              ? say.sources.empty
              : say.sources.unreadable,
        );
      if (sheet.rows.length > MAX_ROWS) return refuse(say.sources.tooMany(MAX_ROWS));
      return { ok: true, value: { regionId: input.regionId, rows: sheet.rows, fileName: file.name } };
    },
    target: (p) => ({ regionId: p.regionId }),
    run: async (tx, p, actor) => {
      const scope = await regionTarget(tx, p.regionId);
      const audit = [];
      let created = 0;
      for (const row of p.rows) {
        const bad = (why: string) => new ActionRefused(say.sources.row(row.line, why));
        if (!row.agency) throw bad(say.sources.noAgency);
        if (!row.region) throw bad(say.sources.noRegion);
        const url = normalizeListUrl(row.listUrl);
        if (!url) throw bad(say.sources.badUrl);
        const region = await findRegionByName(tx, row.region);
        if ("error" in region) throw bad(region.error);
        if (scope.regionPath && !region.path.startsWith(scope.regionPath)) throw bad(say.sources.outOfScope(row.agency));
        const agency = await findOrCreateAgency(tx, row.agency, region);
        if (agency.created) created++;
        const before = await upsertSource(tx, agency.id, url, actor?.name ?? "");
        audit.push({
          action: "source.edit",
          target: `agency:${agency.id}`,
          before: before ? { listUrl: before.listUrl } : null,
          after: { listUrl: url, sheet: p.fileName, line: row.line },
        });
      }
      return {
        result: { ok: true as const, message: say.sources.imported(p.rows.length, created) },
        audit,
        revalidate: ["/harvest", "/coverage"],
      };
    },
  }),
);

/** One agency's column address, from its page; an empty address removes the source. */
export const saveSourceAction = formStateAction(
  defineAction({
    write: "source.edit",
    input: saveSourceSchema,
    fail: (error: string): SaveSourceResult => ({ ok: false, error }),
    target: (d) => ({ agencyId: d.agencyId }),
    run: async (tx, d, actor) => {
      if (!d.listUrl) {
        const before = await deleteSource(tx, d.agencyId);
        return {
          result: { ok: true as const, message: say.sources.removed },
          audit: before ? { action: "source.delete", target: `agency:${d.agencyId}`, before: { listUrl: before.listUrl } } : null,
          revalidate: [`/agencies/${d.agencyId}`, "/harvest"],
        };
      }
      const url = normalizeListUrl(d.listUrl);
      if (!url) throw new ActionRefused(say.sources.badUrl);
      const before = await upsertSource(tx, d.agencyId, url, actor?.name ?? "");
      return {
        result: { ok: true as const, message: say.sources.saved },
        audit: {
          action: "source.edit",
          target: `agency:${d.agencyId}`,
          before: before ? { listUrl: before.listUrl } : null,
          after: { listUrl: url },
        },
        revalidate: [`/agencies/${d.agencyId}`, "/harvest"],
      };
    },
  }),
);

/** 开始采集: a job for the region's saved sources; the job runner takes it (pipeline/harvest.ts). */
export const startHarvestAction = formStateAction(
  defineAction({
    write: "harvest.start",
    input: startHarvestSchema,
    fail: (error: string): StartHarvestResult => ({ ok: false, error }),
    target: (d) => ({ regionId: d.regionId }),
    run: async (tx, d, actor) => {
      const sources = await listRegionSources(tx, d.regionId, { withSourceOnly: true });
      if (sources.length === 0) throw new ActionRefused(say.run.nothing);
      const jobId = await enqueueJob(tx, {
        kind: "harvest",
        payload: { regionId: d.regionId, by: actor?.name ?? "" },
        createdBy: actor?.id ?? null,
        maxAttempts: 1,
      });
      return {
        result: { ok: true as const, jobId: jobId!, message: say.run.started },
        audit: {
          action: "harvest.start",
          target: d.regionId ? `region:${d.regionId}` : "region:all",
          after: { jobId, agencies: sources.length },
        },
        revalidate: ["/harvest"],
      };
    },
  }),
);
