/** The audit log: every write, who, when, what, before → after. */
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../index";
import { auditLog } from "../schema";

import { msg } from "../../lib/messages";

export interface AuditInput {
  actor: { id: number; username: string } | null;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Db, e: AuditInput) {
  await db.insert(auditLog).values({
    userId: e.actor?.id ?? null,
    username: e.actor?.username ?? msg.common.commandLine,
    action: e.action,
    target: e.target,
    before: (e.before ?? null) as never,
    after: (e.after ?? null) as never,
  });
}

export async function listAudit(db: Db, opts: { page?: number; pageSize?: number; target?: string } = {}) {
  const pageSize = opts.pageSize ?? 50;
  const q = db.select().from(auditLog);
  const rows = await (opts.target ? q.where(eq(auditLog.target, opts.target)) : q)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset(((opts.page ?? 1) - 1) * pageSize);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return { rows, total: n.n };
}
