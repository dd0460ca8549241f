"use server";
import { correctCell, getCell, getFindingReview, reviewFinding } from "@/db/queries/findings";
import { defineAction } from "@/db/queries/actions";
import { describeCell } from "@/lib/report/template";
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
        result: { ok: true as const, message: d.status === "open" ? "已撤销审核结论" : d.status === "confirmed" ? "已确认" : "已排除" },
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
        result: { ok: true as const, message: `已更正 ${describeCell(d.key)}，核对已重新运行` },
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
