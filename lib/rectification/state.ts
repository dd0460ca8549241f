/**
 * The life of a 整改事项, as data: which transition is allowed from which state, how late an item
 * is, and whether its finding is still in a report's current findings. Pure, so the server, the
 * pages and the documents agree and the tests pin it.
 */
export type ItemStatus = "open" | "responded" | "accepted";
export type Transition = "respond" | "accept" | "return";

/** 待整改 → 已反馈 → 已复核, or 已反馈 → 退回 (back to 待整改). Nothing leaves 已复核. */
const FROM: Record<Transition, ItemStatus> = { respond: "open", accept: "responded", return: "responded" };
const TO: Record<Transition, ItemStatus> = { respond: "responded", accept: "accepted", return: "open" };

export function nextStatus(current: ItemStatus, t: Transition): ItemStatus | null {
  return FROM[t] === current ? TO[t] : null;
}

/** Days past the due date on `today` (both YYYY-MM-DD, Beijing dates); 0 when not late or not open. */
export function overdueDays(status: ItemStatus, dueOn: string, today: string): number {
  if (status !== "open") return 0;
  const d = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000;
  return d > 0 ? Math.round(d) : 0;
}

/** Today's date in Beijing (the offices' calendar), YYYY-MM-DD. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export type DataStatus = "present" | "changed" | "gone";

export interface FindingKey {
  rule: string;
  cells: readonly string[];
  fingerprint: string;
}

const sameCells = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * Match an item's finding against the report's findings now: the same fingerprint (rule, cells and
 * figures) is still there; the same rule on the same cells with other figures has changed; else gone.
 */
export function matchFinding(item: FindingKey, current: readonly FindingKey[]): DataStatus {
  if (current.some((f) => f.fingerprint === item.fingerprint)) return "present";
  if (current.some((f) => f.rule === item.rule && sameCells(f.cells, item.cells))) return "changed";
  return "gone";
}
