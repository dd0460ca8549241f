/**
 * The report's three national tables in their official layout, drawn from the template. A printed
 * blank is an empty cell; a cell the document does not print at all is marked 缺.
 */
import {
  T2_SECTIONS,
  T3_COLUMNS,
  T3_GROUPS,
  T3_NOTE,
  T4_GROUPS,
  T4_RESULTS,
  TABLE_TITLES,
  t2Key,
  t3Key,
  t3RowsFor,
  t4Key,
  type T3Row,
  type TableFormat,
} from "@/lib/report/template";
import { formatNumber } from "@/lib/format";

import { msg } from "@/lib/messages";

export interface CellView {
  value: number | null;
  raw: string;
  note: string | null;
  where: string;
}

interface Props {
  format: TableFormat;
  mixed: boolean;
  cells: Record<string, CellView>;
  /** Finding numbers per cell key, for the markers. */
  markers: Record<string, { n: number; severity: string; message: string }[]>;
  /** A cell to point at (a link from a chart or a ranking names it). */
  focus?: string;
}

function Cell({ k, cells, markers, focus, span = 1 }: { k: string; span?: number } & Pick<Props, "cells" | "markers" | "focus">) {
  const c = cells[k];
  const marks = markers[k] ?? [];
  const worst = marks.some((m) => m.severity === "error") ? "error" : marks.length ? "warning" : "";
  const title = [
    c
      ? msg.reportTables.printed(c.raw === "" ? msg.common.blank : c.raw, c.note ? msg.reportTables.noteOf(c.note) : "", c.where)
      : msg.reportTables.notPrinted,
    ...marks.map((m) => `[${m.n}] ${m.message}`),
  ].join("\n");
  return (
    <td
      data-key={k}
      colSpan={span > 1 ? span : undefined}
      id={`cell-${k}`}
      className={`num ${c ? "" : "absent"} ${worst ? `flag-${worst}` : ""} ${focus === k ? "focus" : ""}`}
      title={title}
    >
      {c ? formatNumber(c.value) : <span className="absent-mark">{msg.common.missingCell}</span>}
      {marks.length > 0 && <sup className="marker">{marks.map((m) => m.n).join(",")}</sup>}
    </td>
  );
}

export function ReportTables(props: Props) {
  return (
    <div className="report-tables">
      <Table2 {...props} />
      <Table3 {...props} />
      <Table4 {...props} />
    </div>
  );
}

function Table2({ format, cells, markers, focus }: Props) {
  const width = Math.max(...T2_SECTIONS[format].map((s) => s.columns.length)) + 1;
  return (
    <section aria-label={msg.reportTables.table2}>
      <h3>{TABLE_TITLES.t2}</h3>
      <table className="national t2">
        <tbody>
          {T2_SECTIONS[format].map((s) => (
            <SectionRows key={s.header} section={s} width={width} cells={cells} markers={markers} focus={focus} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SectionRows({
  section,
  width,
  cells,
  markers,
  focus,
}: { section: (typeof T2_SECTIONS)[TableFormat][number]; width: number } & Pick<Props, "cells" | "markers" | "focus">) {
  const span = (i: number) => (i === section.columns.length - 1 ? width - section.columns.length : 1);
  return (
    <>
      <tr>
        <th colSpan={width} className="section">
          {section.header}
        </th>
      </tr>
      <tr>
        <th>{msg.reportTables.contentHeader}</th>
        {section.columns.map((c, i) => (
          <th key={c.key} colSpan={span(i)}>
            {c.label}
          </th>
        ))}
      </tr>
      {section.rows.map((r) => (
        <tr key={r.key}>
          <th className="row-label">{r.label}</th>
          {section.columns.map((c, i) => {
            const k = t2Key(r.key, c.key);
            return <Cell key={k} k={k} span={span(i)} cells={cells} markers={markers} focus={focus} />;
          })}
        </tr>
      ))}
    </>
  );
}

function Table3({ format, mixed, cells, markers, focus }: Props) {
  const rows = t3RowsFor(format, mixed);
  const results = rows.filter((r) => r.group);
  const groupSize = (g: T3Row["group"]) => rows.filter((r) => r.group === g).length;
  const seenGroups = new Set<string>();
  return (
    <section aria-label={msg.reportTables.table3}>
      <h3>{TABLE_TITLES.t3}</h3>
      <table className="national t3">
        <thead>
          <tr>
            <th rowSpan={3} colSpan={3} className="note">
              {T3_NOTE}
            </th>
            <th colSpan={7}>{msg.reportTables.applicantHeader}</th>
          </tr>
          <tr>
            <th rowSpan={2}>{T3_COLUMNS[0].label}</th>
            <th colSpan={5}>{T3_COLUMNS[1].group}</th>
            <th rowSpan={2}>{T3_COLUMNS[6].label}</th>
          </tr>
          <tr>
            {T3_COLUMNS.slice(1, 6).map((c) => (
              <th key={c.key}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const first = r.group && !seenGroups.has("results");
            if (first) seenGroups.add("results");
            const inner = r.group && r.group !== "results" ? r.group : undefined;
            const firstInner = inner && !seenGroups.has(inner);
            if (firstInner) seenGroups.add(inner);
            return (
              <tr key={r.key}>
                {!r.group && (
                  <th colSpan={3} className="row-label">
                    {r.label}
                  </th>
                )}
                {first && (
                  <th rowSpan={results.length} className="group">
                    {T3_GROUPS.results}
                  </th>
                )}
                {r.group === "results" && (
                  <th colSpan={2} className="row-label">
                    {r.label}
                  </th>
                )}
                {firstInner && (
                  <th rowSpan={groupSize(inner)} className="group">
                    {T3_GROUPS[inner]}
                  </th>
                )}
                {inner && <th className="row-label">{r.label}</th>}
                {T3_COLUMNS.map((c) => (
                  <Cell key={c.key} k={t3Key(r.key, c.key)} cells={cells} markers={markers} focus={focus} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Table4({ cells, markers, focus }: Props) {
  const [review, ...suits] = T4_GROUPS;
  return (
    <section aria-label={msg.reportTables.table4}>
      <h3>{TABLE_TITLES.t4}</h3>
      <table className="national t4">
        <thead>
          <tr>
            <th colSpan={5}>{review.label}</th>
            <th colSpan={10}>{suits[0].parent}</th>
          </tr>
          <tr>
            {T4_RESULTS.map((r) => (
              <th key={r.key} rowSpan={2}>
                {r.label}
              </th>
            ))}
            {suits.map((g) => (
              <th key={g.key} colSpan={5}>
                {g.label}
              </th>
            ))}
          </tr>
          <tr>{suits.flatMap((g) => T4_RESULTS.map((r) => <th key={`${g.key}.${r.key}`}>{r.label}</th>))}</tr>
        </thead>
        <tbody>
          <tr>
            {T4_GROUPS.flatMap((g) =>
              T4_RESULTS.map((r) => (
                <Cell key={t4Key(g.key, r.key)} k={t4Key(g.key, r.key)} cells={cells} markers={markers} focus={focus} />
              )),
            )}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
