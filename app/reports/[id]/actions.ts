"use server";
import { correctCell, getFindingReview, reviewFinding } from "@/db/queries/findings";
import { getCell } from "@/db/queries/reports";
import { defineAction } from "@/db/queries/actions";
import { describeCell } from "@/lib/report/cell-keys";
import { msg } from "@/lib/messages";
import { serverAction } from "@/app/server-action";
import { correctCellSchema, reviewFindingSchema, type ActionResult } from "./schema";

const fail = (error: string): ActionResult => ({ ok: false, error });

export const reviewFindingAction = serverAction(
  defineAction({
    write: "finding.review",
    input: reviewFindingSchema,
    target: (d) => ({ findingId: d.findingId }),
    fail,
    run: async (tx, d, actor) => {
      const reviewer = actor?.name ?? "";
      const before = await getFindingReview(tx, d.findingId);
      const ok = await reviewFinding(tx, { ...d, reviewer });
      if (!ok) return { result: fail(msg.findings.gone), audit: null };
      return {
        result: {
          ok: true as const,
          message:
            d.status === "open" ? msg.reportPage.reviewUndone : d.status === "confirmed" ? msg.common.confirmed : msg.common.dismissed,
        },
        audit: {
          action: "finding.review",
          target: `finding:${d.findingId}`,
          before,
          after: d.status === "open" ? null : { status: d.status, comment: d.comment, reviewer },
        },
        revalidate: [["/reports/[id]", "page"], "/findings"],
      };
    },
  }),
);

export const correctCellAction = serverAction(
  defineAction({
    write: "cell.correct",
    input: correctCellSchema,
    target: (d) => ({ reportId: d.reportId }),
    fail,
    run: async (tx, d, actor) => {
      const old = await getCell(tx, d.reportId, d.key);
      const r = await correctCell(tx, { ...d, by: actor?.name ?? "" });
      if (!r.ok) return { result: r, audit: null };
      return {
        result: { ok: true as const, message: msg.reportPage.corrected(describeCell(d.key)) },
        audit: {
          action: "cell.correct",
          target: `report:${d.reportId}`,
          before: { key: d.key, value: old?.value ?? null, raw: old?.raw ?? null },
          after: { key: d.key, value: d.value, reason: d.reason },
        },
        revalidate: [["/reports/[id]", "page"], ["/agencies/[id]", "page"], "/findings"],
      };
    },
  }),
);
