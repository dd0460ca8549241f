/** The 整改事项 list and the 通报's counts as export tables (CSV / XLSX through lib/export). */
import { madeOnLine, SOURCE_LINE, type ExportTable } from "../export/table";
import { msg } from "../messages";
import { describeCell } from "../report/cell-keys";
import type { BulletinCount, BulletinOverdue } from "./blocks";

const m = msg.rect;

export interface ListRow {
  id: number;
  agency: string;
  region: string;
  year: number;
  message: string;
  rule: string;
  cells: string[];
  dueOn: string;
  status: string;
  overdueDays: number;
  dataStatus: string;
  response: string | null;
  responseText: string;
  note: string;
  openedBy: string;
}

export function itemsTable(rows: ListRow[], origin: string): ExportTable {
  const c = m.columns;
  return {
    title: m.title,
    columns: [
      { key: "id", header: c.id, numFmt: "0" },
      { key: "agency", header: c.agency },
      { key: "region", header: c.region },
      { key: "year", header: c.year, numFmt: "0" },
      { key: "message", header: c.finding },
      { key: "cells", header: c.cells },
      { key: "due", header: c.due },
      { key: "status", header: c.status },
      { key: "overdue", header: c.overdue, numFmt: "0" },
      { key: "data", header: c.data },
      { key: "response", header: c.response },
      { key: "note", header: c.note },
      { key: "openedBy", header: c.openedBy },
      { key: "link", header: c.link },
    ],
    rows: rows.map((r) => ({
      id: r.id,
      agency: r.agency,
      region: r.region,
      year: r.year,
      message: r.message,
      cells: r.cells.map(describeCell).join("；"),
      due: r.dueOn,
      status: m.status[r.status],
      overdue: r.overdueDays,
      data: m.dataStatus[r.dataStatus],
      response: r.response ? `${m.response[r.response]}${r.responseText ? `：${r.responseText}` : ""}` : "",
      note: r.note,
      openedBy: r.openedBy,
      link: `${origin}/rectifications/${r.id}`,
    })),
    notes: [SOURCE_LINE, madeOnLine()],
  };
}

export function bulletinTables(data: { region: string; counts: BulletinCount[]; overdue: BulletinOverdue[] }): ExportTable[] {
  const c = m.docs.counts;
  return [
    {
      title: m.docs.bulletinCounts,
      columns: [
        { key: "name", header: c.agency },
        { key: "total", header: c.total, numFmt: "0" },
        { key: "open", header: c.open, numFmt: "0" },
        { key: "responded", header: c.responded, numFmt: "0" },
        { key: "accepted", header: c.accepted, numFmt: "0" },
        { key: "overdue", header: c.overdue, numFmt: "0" },
      ],
      rows: data.counts.map((r) => ({ ...r })),
      notes: [m.docs.bulletinTitle(data.region), madeOnLine()],
    },
    {
      title: m.docs.bulletinOverdue,
      columns: [
        { key: "agency", header: c.agency },
        { key: "year", header: m.columns.year, numFmt: "0" },
        { key: "message", header: m.columns.finding },
        { key: "dueOn", header: m.columns.due },
        { key: "overdueDays", header: m.columns.overdue, numFmt: "0" },
      ],
      rows: data.overdue.map((o) => ({ ...o })),
    },
  ];
}
