/** What the 整改通知书, the 通报 and the 年报体检报告 are made of, read in a few queries. */
import { and, desc, eq, inArray } from "drizzle-orm";
import {
  KEY_FIGURES,
  type BulletinCount,
  type BulletinOverdue,
  type CellRef,
  type CheckupData,
  type NoticeItem,
} from "../../lib/documents/blocks";
import { describeLoc } from "../../lib/parse/document";
import { beijingToday } from "../../lib/rectification/state";
import type { Db } from "../index";
import { agencies, regions, reports, rubrics, scores } from "../schema";
import { unpackCells } from "../../lib/parse/cell-sources";
import { listReportFindings } from "./findings";
import { listRectifications, summarizeRectifications } from "./rectifications";

type CellRow = { reportId: number; key: string; value: number | null; raw: string; source: Parameters<typeof describeLoc>[0] };

async function cellsOf(db: Db, reportIds: number[], keys: string[]): Promise<Map<string, CellRow>> {
  if (reportIds.length === 0 || keys.length === 0) return new Map();
  const wanted = new Set(keys);
  const rows = await db
    .select({ id: reports.id, values: reports.cellValues, sources: reports.cellSources })
    .from(reports)
    .where(inArray(reports.id, [...new Set(reportIds)]));
  const out = new Map<string, CellRow>();
  for (const r of rows)
    for (const c of unpackCells(r.values, r.sources)) if (wanted.has(c.key)) out.set(`${r.id}:${c.key}`, { reportId: r.id, ...c });
  return out;
}

const ref = (cells: Map<string, CellRow>, reportId: number, key: string): CellRef => {
  const c = cells.get(`${reportId}:${key}`);
  return { key, value: c?.value ?? null, raw: c?.raw ?? "", where: c ? describeLoc(c.source) : "" };
};

/** An agency's items still to be corrected (待整改), each finding with its cells as printed. */
export async function loadNotice(db: Db, agencyId: number) {
  const [a] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
  if (!a) return null;
  const items = await listRectifications(db, { agencyId, status: "open" }, 1000);
  const cells = await cellsOf(
    db,
    items.map((i) => i.reportId),
    items.flatMap((i) => i.cells),
  );
  const out: NoticeItem[] = items
    .sort((x, y) => x.year - y.year || x.id - y.id)
    .map((i) => ({
      id: i.id,
      year: i.year,
      rule: i.rule,
      message: i.message,
      dueOn: i.dueOn,
      note: i.note,
      cells: i.cells.map((k) => ref(cells, i.reportId, k)),
    }));
  return { agency: a.name, items: out, today: beijingToday() };
}

/** A region's (with its subtree) counts per agency and its overdue items. */
export async function loadBulletin(db: Db, regionId: number) {
  const [r] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  if (!r) return null;
  const [counts, overdue] = await Promise.all([
    summarizeRectifications(db, "agency", { regionId }),
    listRectifications(db, { regionId, status: "overdue" }, 5000),
  ]);
  return {
    region: r.name,
    counts: counts.map(
      (c): BulletinCount => ({
        name: c.name,
        total: c.total,
        open: c.open,
        responded: c.responded,
        accepted: c.accepted,
        overdue: c.overdue,
      }),
    ),
    overdue: overdue.map(
      (o): BulletinOverdue => ({ agency: o.agency, year: o.year, message: o.message, dueOn: o.dueOn, overdueDays: o.overdueDays }),
    ),
    today: beijingToday(),
  };
}

/** One agency-year: key figures with last year's, findings with their cells, the latest score, 整改 counts. */
export async function loadCheckup(db: Db, agencyId: number, year: number): Promise<CheckupData | null> {
  const [rep] = await db
    .select({ id: reports.id, agency: agencies.name })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)));
  if (!rep) return null;
  const [prev] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year - 1)));
  const findings = await listReportFindings(db, rep.id);
  const cells = await cellsOf(db, [rep.id, ...(prev ? [prev.id] : [])], [...KEY_FIGURES, ...findings.flatMap((f) => f.cells)]);
  const figures = KEY_FIGURES.filter((k) => cells.has(`${rep.id}:${k}`)).map((k) => ({
    ...ref(cells, rep.id, k),
    prev: prev ? (cells.get(`${prev.id}:${k}`)?.value ?? null) : null,
  }));
  const [score] = await db
    .select({ total: scores.total, complete: scores.complete, rubric: rubrics.name })
    .from(scores)
    .innerJoin(rubrics, and(eq(rubrics.id, scores.rubricId), eq(rubrics.version, scores.rubricVersion)))
    .where(and(eq(scores.agencyId, agencyId), eq(scores.year, year)))
    .orderBy(desc(scores.updatedAt))
    .limit(1);
  const items = await listRectifications(db, { agencyId, year }, 5000);
  const count = (s: string) => items.filter((i) => i.status === s).length;
  return {
    agency: rep.agency,
    year,
    figures,
    findings: findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      message: f.message,
      cells: f.cells.map((k) => ref(cells, rep.id, k)),
    })),
    score: score ? { total: score.total, rubric: score.rubric, complete: score.complete } : null,
    rect: {
      total: items.length,
      open: count("open"),
      responded: count("responded"),
      accepted: count("accepted"),
      overdue: items.filter((i) => i.overdueDays > 0).length,
    },
    today: beijingToday(),
  };
}
