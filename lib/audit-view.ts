/**
 * The audit log as a person reads it: the action in words, the object named, and each changed
 * field as 「字段：修改前 → 修改后」 — not two JSON blobs. Field and action names are in the catalogue.
 */
import { describeCell } from "./report/cell-keys";
import { msg } from "./messages";

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

const a = () => msg.audit;

export function actionLabel(action: string): string {
  return a().actions[action] ?? a().otherAction;
}

/** "report:12" → "年报 12"; a target of unknown kind is shown as is. */
export function targetLabel(target: string): { kind: string; id: string; text: string } {
  const [kind, ...rest] = target.split(":");
  const id = rest.join(":");
  const word = a().targets[kind];
  return { kind, id, text: word ? a().target(word, id) : target };
}

function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return a().empty;
  if (field === "key" && typeof v === "string") return describeCell(v);
  if (typeof v === "boolean") return v ? a().yes : a().no;
  if (field === "status" && typeof v === "string") return a().statuses[v] ?? v;
  if (field === "role" && typeof v === "string") return a().roles[v] ?? v;
  // 整改事项: their own states and kinds of answer.
  if (field === "state" && typeof v === "string") return msg.rect.status[v] ?? v;
  if (field === "response" && typeof v === "string") return msg.rect.response[v] ?? v;
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText("", x)).join("、") : a().empty;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Each field that differs (or, for a creation, each field set), before → after. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const f = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(f)])];
  const out: AuditChange[] = [];
  for (const k of fields) {
    const same = JSON.stringify(b[k] ?? null) === JSON.stringify(f[k] ?? null);
    // The cell being corrected is the same before and after: say which, once.
    if (same && k !== "key") continue;
    out.push({
      field: a().fields[k] ?? k,
      before: k in b ? valueText(k, b[k]) : a().empty,
      after: k in f ? valueText(k, f[k]) : a().empty,
    });
  }
  return out;
}
