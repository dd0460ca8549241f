/**
 * Harvesting a set of agencies' annual-report columns: for each, read the list (lib/harvest/crawl),
 * fetch each report, read it through the import pipeline (in a child process) and store it with its
 * provenance (saveHarvested, below). One agency at a time; whatever goes
 * wrong with one site is that agency's result, never the end of the run. Used by the job handler
 * (UI and schedule) and by `npm run harvest`.
 */
import type { Db } from "../db/index";
import type { JobContext } from "../db/jobs";
import type { Job } from "../db/queries/jobs";
import {
  contentHash,
  listRegionSources,
  lockHarvestedYear,
  recordHarvestVersion,
  recordListCheck,
  type HarvestedDocument,
} from "../db/queries/harvest";
import { newBatchId } from "../db/queries/imports";
import { crawlList, fetchReport, MAX_LIST_PAGES } from "../lib/harvest/crawl";
import { FetchFailure, PoliteFetcher } from "../lib/harvest/fetcher";
import type { ParseOutcome, ParsedReport } from "../lib/parse/index";
import { msg } from "../lib/messages";
import { chinaDate } from "../lib/harvest/evidence";
import { readReport, storeReport } from "./import";

const say = msg.harvest;

export interface HarvestTarget {
  agencyId: number;
  agency: string;
  listUrl: string;
}

export type ItemStatus = "created" | "updated" | "unchanged" | "failed";
export interface ItemResult {
  year: number;
  title: string;
  url: string;
  status: ItemStatus;
  detail: string;
  reportId?: number;
}

export interface AgencyResult {
  agencyId: number;
  agency: string;
  listUrl: string;
  status: "done" | "not_found" | "failed";
  detail: string;
  items: ItemResult[];
}

export interface HarvestOptions {
  fetcher?: PoliteFetcher;
  parse?: (file: { name: string; bytes: Uint8Array }) => Promise<ParseOutcome>;
  /** Only these report years (default: every year on the list). */
  years?: number[];
  now?: () => Date;
  batchId?: string;
  maxListPages?: number;
  /** Agencies harvested at once (default HARVEST_CONCURRENCY or 4). */
  concurrency?: number;
  onAgency?: (done: number, total: number, r: AgencyResult) => Promise<void>;
}

/** A fetch failure in Chinese, with the HTTP status where there is one. */
export function describeFailure(e: unknown): string {
  if (e instanceof FetchFailure) return e.code === "http" && e.status ? say.httpStatus(e.status) : say.fetch[e.code];
  return say.fetch.network;
}

/**
 * Several agencies at once (HARVEST_CONCURRENCY, default 4): agencies on different servers need not
 * wait for each other, while the shared fetcher still sends one request at a time to any one host.
 */
export async function harvestTargets(db: Db, targets: HarvestTarget[], o: HarvestOptions = {}): Promise<AgencyResult[]> {
  const fetcher = o.fetcher ?? new PoliteFetcher();
  const batchId = o.batchId ?? newBatchId("harvest");
  const width = Math.max(1, Math.min(o.concurrency ?? (Number(process.env.HARVEST_CONCURRENCY ?? 4) || 4), targets.length));
  const out: AgencyResult[] = new Array(targets.length);
  let next = 0;
  let done = 0;
  let stop: unknown = null;
  const worker = async () => {
    while (stop === null && next < targets.length) {
      const at = next++;
      const t = targets[at];
      let r: AgencyResult;
      try {
        r = await harvestOne(db, t, fetcher, batchId, o);
      } catch (e) {
        // A database error for one agency (its transaction rolled back): the others go on.
        console.error(`[harvest] ${t.agency}`, e);
        r = { ...t, status: "failed", detail: msg.errors.saveFailed(msg.errors.internalShort), items: [] };
      }
      out[at] = r;
      try {
        await o.onAgency?.(++done, targets.length, r);
      } catch (e) {
        stop = e; // the job was cancelled or taken over: start no further agency
      }
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  if (stop !== null) throw stop;
  return out;
}

async function harvestOne(db: Db, t: HarvestTarget, fetcher: PoliteFetcher, batchId: string, o: HarvestOptions): Promise<AgencyResult> {
  const now = o.now?.() ?? new Date();
  const base = { agencyId: t.agencyId, agency: t.agency, listUrl: t.listUrl };
  let list: Awaited<ReturnType<typeof crawlList>>;
  try {
    list = await crawlList(t.listUrl, fetcher, o.maxListPages ?? MAX_LIST_PAGES);
  } catch (e) {
    const detail = say.listFailed(describeFailure(e));
    await recordListCheck(db, t.agencyId, { at: now, error: detail, seenYears: [], missingYears: [] });
    return { ...base, status: "failed", detail, items: [] };
  }
  const links = list.links.filter((l) => !o.years || o.years.includes(l.year)).sort((a, b) => b.year - a.year);
  // The year whose reports fall due this spring: its absence from the list is evidence too.
  const due = Number(chinaDate(now).slice(0, 4)) - 1;
  const seenYears = [...new Set(list.links.map((l) => l.year))];
  await recordListCheck(db, t.agencyId, { at: now, error: null, seenYears, missingYears: seenYears.includes(due) ? [] : [due] });
  const notes = [say.summary(list.pages, list.links.length)];
  if (list.truncated) notes.push(say.truncated(list.pages));
  if (list.offsite.length) notes.push(say.offsiteLinks(list.offsite.length));
  if (!seenYears.includes(due)) notes.push(say.expectedMissing(due));
  if (links.length === 0) return { ...base, status: "not_found", detail: [say.noReports, ...notes.slice(1)].join("；"), items: [] };

  const items: ItemResult[] = [];
  for (const link of links) {
    const item = { year: link.year, title: link.title, url: link.url };
    let doc: Awaited<ReturnType<typeof fetchReport>>;
    try {
      doc = await fetchReport(link, t.listUrl, fetcher);
    } catch (e) {
      items.push({ ...item, status: "failed", detail: describeFailure(e) });
      continue;
    }
    const file = { name: doc.name, bytes: doc.bytes };
    const parsed = o.parse
      ? await o.parse(file).catch(() => ({ ok: false as const, error: msg.errors.notReport }))
      : await readReport(file, { untrusted: true });
    if (!parsed.ok) {
      items.push({ ...item, url: doc.attachmentUrl ?? doc.pageUrl, status: "failed", detail: parsed.error });
      continue;
    }
    let saved: SaveOutcome;
    try {
      saved = await saveHarvested(
        db,
        {
          agencyId: t.agencyId,
          agency: t.agency,
          year: link.year,
          title: link.title,
          pageUrl: doc.pageUrl,
          attachmentUrl: doc.attachmentUrl,
          printedOn: doc.printedOn,
        },
        parsed.report,
        batchId,
      );
    } catch (e) {
      console.error(`[harvest] ${t.agency} ${link.year}`, e);
      saved = { status: "failed", error: msg.errors.saveFailed(msg.errors.internalShort) };
    }
    items.push(
      saved.status === "failed"
        ? { ...item, status: "failed", detail: saved.error }
        : { ...item, url: doc.attachmentUrl ?? doc.pageUrl, status: saved.status, detail: doc.printedOn ?? "", reportId: saved.reportId },
    );
  }
  return { ...base, status: "done", detail: notes.join("；"), items };
}

export type HarvestCounts = Record<"created" | "updated" | "unchanged" | "not_found" | "failed", number>;

export function countResults(results: AgencyResult[]): HarvestCounts {
  const c: HarvestCounts = { created: 0, updated: 0, unchanged: 0, not_found: 0, failed: 0 };
  for (const r of results) {
    if (r.status !== "done") c[r.status]++;
    for (const i of r.items) c[i.status]++;
  }
  return c;
}

export interface HarvestPayload {
  /** A region's subtree (null or absent: every region). */
  regionId?: number | null;
  agencyIds?: number[];
  years?: number[];
  scheduled?: boolean;
  by?: string;
}

export interface HarvestProgress {
  done: number;
  total: number;
  note?: string;
  results: AgencyResult[];
}

/** The `harvest` job: the saved sources of a region (or all), progress after every agency. */
export async function harvestJob(job: Job, ctx: JobContext) {
  const p = (job.payload ?? {}) as HarvestPayload;
  const sources = await listRegionSources(ctx.db, p.regionId ?? null, { withSourceOnly: true });
  const targets = sources
    .filter((s) => !p.agencyIds || p.agencyIds.includes(s.agencyId))
    .map((s) => ({ agencyId: s.agencyId, agency: s.agency, listUrl: s.listUrl! }));
  await ctx.progress({ done: 0, total: targets.length, results: [] } as HarvestProgress);
  const sofar: AgencyResult[] = [];
  const results = await harvestTargets(ctx.db, targets, {
    years: p.years,
    batchId: newBatchId(`harvest-${job.id}`),
    // Each agency's result is in the job's progress as soon as it is known: the page shows it live.
    onAgency: async (done, total, r) => {
      sofar.push(r);
      await ctx.progress({ done, total, note: say.progress(done, total, r.agency), results: sofar } as HarvestProgress);
    },
  });
  return { results, counts: countResults(results) };
}

export type SaveOutcome =
  | { status: "created" | "updated" | "unchanged"; reportId: number; version: number }
  | { status: "failed"; error: string };

/**
 * Stores a harvested report unless the same content is already stored. One transaction: the
 * report (through the import pipeline, which rewrites cells, findings and figures) and its version row.
 */
export async function saveHarvested(db: Db, doc: HarvestedDocument, report: ParsedReport, batchId: string): Promise<SaveOutcome> {
  const hash = contentHash(report.sourceText);
  return db.transaction(async (tx) => {
    const { last, stored } = await lockHarvestedYear(tx, doc.agencyId, doc.year);
    const version = (last?.version ?? 0) + 1;
    const row = {
      agencyId: doc.agencyId,
      year: doc.year,
      version,
      title: doc.title,
      pageUrl: doc.pageUrl,
      attachmentUrl: doc.attachmentUrl,
      printedOn: doc.printedOn,
      contentHash: hash,
      cellValues: report.cells,
      sourceText: report.sourceText,
    };
    if (last?.contentHash === hash && stored) return { status: "unchanged" as const, reportId: stored.id, version: last.version };
    if (!last && stored && contentHash(stored.text) === hash) {
      // Imported by hand before, identical: record where it is published, change nothing else.
      await recordHarvestVersion(tx, { ...row, reportId: stored.id });
      return { status: "unchanged" as const, reportId: stored.id, version };
    }
    const r = await storeReport(tx, report, doc.attachmentUrl ?? doc.pageUrl, {
      agency: doc.agency,
      year: doc.year,
      publishedOn: report.publishedOn ?? doc.printedOn,
      batchId,
    });
    if (!r.ok) return { status: "failed" as const, error: r.error };
    await recordHarvestVersion(tx, { ...row, reportId: r.reportId });
    return { status: stored ? ("updated" as const) : ("created" as const), reportId: r.reportId, version };
  });
}
