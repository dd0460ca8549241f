/**
 * 整改事项 moving through their states: the filer's answer, the assessor's acceptance or return.
 * Each locks its item and refuses a transition its state does not allow (lib/rectification/state.ts).
 */
import { eq, sql } from "drizzle-orm";
import { nextStatus, type Transition } from "../../lib/rectification/state";
import { msg } from "../../lib/messages";
import type { Db } from "../index";
import { rectificationAttachments, rectifications, reports, type RectificationResponse } from "../schema";
import { ActionRefused } from "./actions";
import { rowsOf } from "./rows";

/** The item, locked for its transition; refuses when it is not in the state the transition starts from. */
async function lockFor(tx: Db, itemId: number, t: Transition) {
  const [row] = await tx.select().from(rectifications).where(eq(rectifications.id, itemId)).for("update");
  if (!row) throw new ActionRefused(msg.rect.gone);
  const to = nextStatus(row.status, t);
  if (!to) throw new ActionRefused(msg.rect.wrongState(msg.rect.status[row.status]));
  return { row, to };
}

export interface Response {
  kind: RectificationResponse;
  text: string;
  attachment?: { name: string; type: string; data: Uint8Array };
  by: string;
}

/**
 * The filer's answer. "Corrected" needs the report re-imported (or a cell corrected) after the
 * item was opened: the answer points at that import, and the data status shows what it changed.
 */
export async function respondRectification(tx: Db, itemId: number, r: Response) {
  const { row, to } = await lockFor(tx, itemId, "respond");
  let importedAt: Date | null = null;
  if (r.kind === "corrected") {
    const [rep] = await tx.select({ importedAt: reports.importedAt }).from(reports).where(eq(reports.id, row.reportId));
    const [corrected] = rowsOf<{ at: string | null }>(
      await tx.execute(
        sql`select max(changed_at) as at from cell_history where report_id = ${row.reportId} and changed_at > ${row.openedAt.toISOString()}`,
      ),
    );
    const last = [rep?.importedAt, corrected?.at ? new Date(corrected.at) : null].filter((d): d is Date => !!d && d > row.openedAt);
    if (last.length === 0) throw new ActionRefused(msg.rect.respond.needImport);
    importedAt = new Date(Math.max(...last.map((d) => d.getTime())));
  }
  const now = new Date();
  await tx
    .update(rectifications)
    .set({ status: to, response: r.kind, responseText: r.text, responseImportedAt: importedAt, respondedBy: r.by, respondedAt: now })
    .where(eq(rectifications.id, itemId));
  if (r.attachment) {
    const a = {
      name: r.attachment.name,
      type: r.attachment.type,
      size: r.attachment.data.byteLength,
      data: r.attachment.data,
      uploadedBy: r.by,
      uploadedAt: now,
    };
    await tx
      .insert(rectificationAttachments)
      .values({ rectificationId: itemId, ...a })
      .onConflictDoUpdate({ target: rectificationAttachments.rectificationId, set: a });
  }
  return {
    before: { state: row.status },
    after: { state: to, response: r.kind, text: r.text, attachment: r.attachment?.name ?? null, importedAt },
  };
}

export async function acceptRectification(tx: Db, itemId: number, by: string) {
  const { row, to } = await lockFor(tx, itemId, "accept");
  await tx.update(rectifications).set({ status: to, reviewedBy: by, reviewedAt: new Date() }).where(eq(rectifications.id, itemId));
  return { before: { state: row.status }, after: { state: to, reviewer: by } };
}

/** Back to 待整改 with a reason; the answer is cleared so the filer answers again (the audit log keeps it). */
export async function returnRectification(tx: Db, itemId: number, reason: string, by: string) {
  const { row, to } = await lockFor(tx, itemId, "return");
  await tx
    .update(rectifications)
    .set({
      status: to,
      returnReason: reason,
      returnCount: row.returnCount + 1,
      response: null,
      responseText: "",
      responseImportedAt: null,
      respondedBy: null,
      respondedAt: null,
      reviewedBy: by,
      reviewedAt: new Date(),
    })
    .where(eq(rectifications.id, itemId));
  return {
    before: { state: row.status, response: row.response, text: row.responseText },
    after: { state: to, response: null, text: "", reason, reviewer: by },
  };
}
