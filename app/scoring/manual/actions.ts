"use server";
import { defineAction, ActionRefused } from "@/db/queries/actions";
import { getRanking, saveScoreEntry, type SaveEntryError } from "@/db/queries/scoring";
import { getRubric } from "@/db/queries/rubrics";
import { agencyTarget } from "@/db/queries/users";
import { decide } from "@/lib/auth/permissions";
import { msg } from "@/lib/messages";
import { readManualSheet } from "@/lib/scoring/manual-sheet";
import { serverAction } from "@/app/server-action";
import { CELL_PREFIX, manualGridSchema, type ManualGridResult } from "./schema";

const m = msg.scoring.manual;
const e = msg.scoring.errors;
const ERRORS: Record<SaveEntryError, string> = {
  no_rubric: e.noRubric,
  no_agency: e.noAgency,
  indicator: e.indicator,
  reason_required: e.reasonRequired,
  out_of_range: e.indicator,
  no_report: msg.scoring.sheet.noReport,
};

interface Change {
  agencyId: number;
  agency: string;
  indicatorId: string;
  indicator: string;
  points: number | null;
}

/**
 * Manual indicators of many agencies at once, typed in the grid or uploaded as a spreadsheet:
 * every change is one score edit (scope checked per agency, history and audit per item), all in one
 * transaction — one bad value or one agency outside the assessor's scope and nothing is saved.
 */
export const saveManualGrid = serverAction(
  defineAction({
    write: "score.edit",
    input: manualGridSchema,
    fail: (error: string): ManualGridResult => ({ ok: false, error }),
    prepare: async (db, v, form) => {
      const fail = (error: string) => ({ ok: false as const, result: { ok: false as const, error } });
      const rubric = await getRubric(db, v.rubric, v.version);
      if (!rubric) return fail(msg.scoring.errors.noRubric);
      const manual = rubric.definition.indicators.filter((x) => x.method.kind === "manual");
      const { rows } = await getRanking(db, { regionId: v.region, level: v.level }, v.year, rubric, "auto");
      const withReport = rows.filter((r) => r.reportId !== null);
      const byId = new Map(withReport.map((r) => [r.agencyId, r]));
      const byName = new Map(withReport.map((r) => [r.agency, r]));

      // What was asked: from the grid's fields, or from the uploaded sheet.
      const asked: { agencyId: number; indicatorId: string; value: number | "clear" }[] = [];
      const file = form.get("sheet");
      if (file instanceof File && file.size > 0) {
        const sheet = await readManualSheet(new Uint8Array(await file.arrayBuffer()), file.name, manual);
        if (!sheet.ok) return fail(sheet.error);
        for (const [agency, values] of sheet.values) {
          const row = byName.get(agency);
          if (!row) return fail(m.notInGrid(agency));
          for (const [indicatorId, value] of Object.entries(values)) asked.push({ agencyId: row.agencyId, indicatorId, value });
        }
      } else {
        for (const [k, raw] of form.entries()) {
          if (!k.startsWith(CELL_PREFIX) || typeof raw !== "string") continue;
          const [id, indicatorId] = k.slice(CELL_PREFIX.length).split(".");
          const row = byId.get(Number(id));
          const x = manual.find((i) => i.id === indicatorId);
          if (!row || !x) return fail(m.notInGrid(id));
          const s = raw.trim();
          const n = Number(s);
          if (s && (!Number.isFinite(n) || n < 0 || n > x.max)) return fail(m.outOfRange(row.agency, x.name, x.max));
          asked.push({ agencyId: row.agencyId, indicatorId, value: s ? n : "clear" });
        }
      }
      // Only what differs from what is stored becomes a change (and a line of history).
      const changes: Change[] = [];
      for (const a of asked) {
        const row = byId.get(a.agencyId)!;
        const item = row.score.items.find((i) => i.indicatorId === a.indicatorId)!;
        const now = item.entry ? item.points : null;
        const next = a.value === "clear" ? null : a.value;
        if (now === next) continue;
        changes.push({ agencyId: a.agencyId, agency: row.agency, indicatorId: a.indicatorId, indicator: item.name, points: next });
      }
      if (changes.length === 0) return { ok: false as const, result: { ok: true as const, message: m.saved(0), saved: 0 } };
      return { ok: true as const, value: { v, rubric, changes } };
    },
    // The wrapper checks the first agency; run checks every one before anything is written.
    target: (p) => ({ agencyId: p.changes[0].agencyId }),
    run: async (tx, { v, rubric, changes }, actor) => {
      for (const c of new Map(changes.map((c) => [c.agencyId, c])).values()) {
        if (!decide(actor, "score", await agencyTarget(tx, c.agencyId)).ok) throw new ActionRefused(m.outOfScope(c.agency));
      }
      const audit = [];
      for (const c of changes) {
        const r = await saveScoreEntry(tx, {
          agencyId: c.agencyId,
          year: v.year,
          rubricId: rubric.id,
          rubricVersion: rubric.version,
          indicatorId: c.indicatorId,
          action: c.points === null ? "clear" : "set",
          points: c.points,
          reason: v.reason,
          by: actor?.name ?? "",
        });
        if (!r.ok) throw new ActionRefused(`${c.agency}「${c.indicator}」：${ERRORS[r.error]}`);
        audit.push({
          action: "score.edit",
          target: `score:${c.agencyId}:${v.year}:${rubric.id}.${rubric.version}`,
          before: null,
          after: {
            indicator: c.indicatorId,
            action: c.points === null ? "clear" : "set",
            points: c.points,
            reason: v.reason,
            total: r.total,
            bulk: true,
          },
        });
      }
      return {
        result: { ok: true as const, message: m.saved(changes.length), saved: changes.length },
        audit,
        revalidate: ["/scoring", "/scoring/manual"],
      };
    },
  }),
);
