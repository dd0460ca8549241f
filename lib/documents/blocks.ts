/**
 * What the documents say, as plain blocks (title, headings, paragraphs, tables) built from data:
 * the 整改通知书 per agency, the 通报 per region, the one-page 年报体检报告 per agency-year. The
 * blocks are rendered to Word by docx.ts; building them apart keeps the wording testable without
 * opening a file, and every figure carries its table, row, column and place in the original.
 */
import { RULES } from "../checks/rules";
import { yearOverYear } from "../dashboard/yoy";
import { msg } from "../messages";
import { describeCell } from "../report/cell-keys";

export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "para"; text: string; bold?: boolean; alert?: boolean; small?: boolean; align?: "right" }
  | { kind: "table"; header: string[]; rows: string[][]; alertRows?: number[] /** Column shares in percent. */; widths?: number[] };

const d = msg.rect.docs;

export interface CellRef {
  key: string;
  value: number | null;
  /** As printed in the original ("" when the cell was filled in by hand or is missing). */
  raw: string;
  /** Where in the original: 第 n 个表格第 r 行第 c 列, 第 n 页… */
  where: string;
}

/** 表三 自然人·（七）总计 = 20（原文：第 3 个表格第 12 行第 2 列） */
export function cellLine(c: CellRef): string {
  const printed = c.raw.trim() !== "" ? c.raw.trim() : c.value === null ? msg.audit.empty : String(c.value);
  return `${describeCell(c.key)}：${printed}${c.where ? `（${d.sourceRef(c.where)}）` : ""}`;
}

export const ruleTitle = (id: string) => RULES.find((r) => r.id === id)?.title ?? msg.findings.otherRule;

export interface NoticeItem {
  id: number;
  year: number;
  rule: string;
  message: string;
  cells: CellRef[];
  dueOn: string;
  note: string;
}

export function noticeBlocks(data: { agency: string; items: NoticeItem[]; today: string }): Block[] {
  const out: Block[] = [
    { kind: "title", text: d.noticeTitle },
    { kind: "para", text: d.noticeTo(data.agency), bold: true },
  ];
  if (data.items.length === 0) return [...out, { kind: "para", text: d.noItems }];
  const years = [...new Set(data.items.map((i) => i.year))]
    .sort()
    .map((y) => d.yearLabel(y))
    .join("、");
  out.push({ kind: "para", text: d.noticeIntro(years, data.items.length) });
  data.items.forEach((it, i) => {
    out.push({ kind: "heading", text: `${d.noticeItem(i + 1)}${d.itemRef(it.year, it.id)}` });
    out.push({ kind: "para", text: it.message });
    out.push({
      kind: "table",
      header: [d.where, d.printed],
      widths: [45, 55],
      rows: it.cells.length
        ? it.cells.map((c) => [describeCell(c.key), cellLine(c).slice(describeCell(c.key).length + 1)])
        : [[msg.audit.empty, msg.audit.empty]],
    });
    out.push({ kind: "para", text: `${d.rule}：${ruleTitle(it.rule)}` });
    out.push({ kind: "para", text: `${d.due}：${msg.rect.day(it.dueOn)}`, bold: true });
    if (it.note) out.push({ kind: "para", text: `${d.requirement}：${it.note}` });
  });
  out.push({ kind: "para", text: d.noticeClose });
  out.push({ kind: "para", text: d.issuer, align: "right" });
  out.push({ kind: "para", text: msg.rect.day(data.today), align: "right" });
  return out;
}

export interface BulletinCount {
  name: string;
  total: number;
  open: number;
  responded: number;
  accepted: number;
  overdue: number;
}

export interface BulletinOverdue {
  agency: string;
  year: number;
  message: string;
  dueOn: string;
  overdueDays: number;
}

export function bulletinBlocks(data: { region: string; counts: BulletinCount[]; overdue: BulletinOverdue[]; today: string }): Block[] {
  const sum = (k: keyof Omit<BulletinCount, "name">) => data.counts.reduce((s, c) => s + c[k], 0);
  const c = d.counts;
  const rows = data.counts.map((r) => [
    r.name,
    String(r.total),
    String(r.open),
    String(r.responded),
    String(r.accepted),
    r.overdue ? `${r.overdue}（${msg.rect.overdueShort}）` : "0",
  ]);
  rows.push([
    d.total,
    String(sum("total")),
    String(sum("open")),
    String(sum("responded")),
    String(sum("accepted")),
    String(sum("overdue")),
  ]);
  return [
    { kind: "title", text: d.bulletinTitle(data.region) },
    { kind: "para", text: d.bulletinIntro(data.region, sum("total"), data.counts.length, sum("overdue")) },
    { kind: "heading", text: d.bulletinCounts },
    {
      kind: "table",
      header: [c.agency, c.total, c.open, c.responded, c.accepted, c.overdue],
      rows,
      alertRows: data.counts.flatMap((r, i) => (r.overdue ? [i] : [])),
      widths: [35, 13, 13, 13, 13, 13],
    },
    { kind: "heading", text: d.bulletinOverdue },
    data.overdue.length === 0
      ? { kind: "para", text: d.bulletinNoOverdue }
      : {
          kind: "table",
          header: [c.agency, msg.rect.columns.year, msg.rect.columns.finding, msg.rect.columns.due, msg.rect.columns.overdue],
          rows: data.overdue.map((o) => [o.agency, String(o.year), o.message, msg.rect.day(o.dueOn), msg.rect.overdue(o.overdueDays)]),
          alertRows: data.overdue.map((_, i) => i),
          widths: [22, 8, 44, 14, 12],
        },
    { kind: "para", text: d.made(msg.rect.day(data.today)), align: "right" },
  ];
}

/** The figures a check-up reports, when the report prints them. */
export const KEY_FIGURES = [
  "t3.received.total",
  "t3.carried_over.total",
  "t3.disclosed.total",
  "t3.total_handled.total",
  "t3.carried_forward.total",
  "t2.rules.in_force",
  "t2.normative_docs.in_force",
  "t4.review.total",
  "t4.suit_direct.total",
  "t4.suit_after_review.total",
] as const;

export interface CheckupData {
  agency: string;
  year: number;
  figures: (CellRef & { prev: number | null })[];
  findings: { severity: string; rule: string; message: string; cells: CellRef[] }[];
  score: { total: number | null; rubric: string; complete: boolean } | null;
  rect: { total: number; open: number; responded: number; accepted: number; overdue: number };
  today: string;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The check-up is one page: at most this many cells per finding are quoted, each with its place. */
const CHECKUP_CELLS = 3;

export function checkupBlocks(data: CheckupData): Block[] {
  const errors = data.findings.filter((f) => f.severity === "error").length;
  const warnings = data.findings.filter((f) => f.severity === "warning").length;
  const unfinished = data.rect.open + data.rect.responded;
  const verdict = errors ? d.verdict.errors(errors, unfinished) : warnings ? d.verdict.warnings(warnings) : d.verdict.clean;
  const figureRows = data.figures.map((f) => {
    const y = yearOverYear(f.value, f.prev, "neutral");
    const yoy =
      y.delta === null ? msg.audit.noChanges : `${signed(y.delta)}${y.pct === null ? "" : `（${signed(Math.round(y.pct * 1000) / 10)}%）`}`;
    return [
      describeCell(f.key),
      f.raw.trim() || (f.value === null ? "" : String(f.value)),
      f.prev === null ? msg.audit.noChanges : String(f.prev),
      yoy,
      f.where || msg.audit.noChanges,
    ];
  });
  const s = msg.rect.status;
  return [
    { kind: "title", text: d.checkupTitle(data.agency, data.year) },
    { kind: "para", text: verdict, bold: true, alert: errors > 0 },
    { kind: "heading", text: d.keyFigures },
    {
      kind: "table",
      header: [d.figure, d.value, d.previous, d.yoy, d.ref],
      rows: figureRows.length ? figureRows : [[msg.audit.empty, "", "", "", ""]],
      widths: [34, 10, 10, 16, 30],
    },
    { kind: "heading", text: `${d.findings}（${data.findings.length}）` },
    data.findings.length === 0
      ? { kind: "para", text: d.noFindings }
      : {
          kind: "table",
          header: [msg.rect.columns.status, msg.rect.columns.finding, d.ref],
          rows: data.findings.map((f) => [
            msg.severity[f.severity] ?? f.severity,
            f.message,
            (f.cells.slice(0, CHECKUP_CELLS).map(cellLine).join("；") || msg.audit.noChanges) +
              (f.cells.length > CHECKUP_CELLS ? d.moreCells(f.cells.length) : ""),
          ]),
          widths: [8, 44, 48],
          alertRows: data.findings.flatMap((f, i) => (f.severity === "error" ? [i] : [])),
        },
    { kind: "heading", text: d.score },
    {
      kind: "para",
      text: data.score
        ? d.scoreLine(data.score.total === null ? msg.audit.noChanges : msg.scoring.points(data.score.total), data.score.rubric)
        : d.noScore,
    },
    { kind: "heading", text: d.rect },
    {
      kind: "para",
      text: data.rect.total
        ? `${msg.rect.summary.open} ${unfinished}（${s.open} ${data.rect.open}，${s.responded} ${data.rect.responded}），${s.accepted} ${data.rect.accepted}，${msg.rect.summary.overdue} ${data.rect.overdue}`
        : d.noRect,
      alert: data.rect.overdue > 0,
    },
    { kind: "para", text: d.generated(msg.rect.day(data.today)), small: true },
  ];
}

/** Every text of the blocks, one line each (tests, and the plain-text fallback). */
export function blocksText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === "table" ? [b.header, ...b.rows].map((r) => r.join(" | ")).join("\n") : b.text)).join("\n");
}
