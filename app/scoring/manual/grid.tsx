"use client";
/** The manual-indicator grid: type many agencies' points and save once, or upload the sheet filled in offline. */
import { useRef, useState, useTransition } from "react";
import { downloadBlob } from "@/components/export/files";
import { safeFileName, toCsv } from "@/lib/export/table";
import { msg } from "@/lib/messages";
import { saveManualGrid } from "./actions";
import { CELL_PREFIX } from "./schema";

const m = msg.scoring.manual;

export interface GridRow {
  agencyId: number;
  agency: string;
  region: string;
  values: Record<string, number | null>;
}

interface Props {
  scope: Record<string, string>;
  indicators: { id: string; name: string; max: number }[];
  rows: GridRow[];
  fileName: string;
}

export function ManualGrid({ scope, indicators, rows, fileName }: Props) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const sheet = useRef<HTMLInputElement>(null);

  const send = (withSheet: boolean) =>
    start(async () => {
      const fd = new FormData(form.current!);
      for (const [k, v] of Object.entries(scope)) fd.set(k, v);
      if (withSheet) {
        for (const k of [...fd.keys()]) if (k.startsWith(CELL_PREFIX)) fd.delete(k);
        fd.set("sheet", sheet.current!.files![0]);
      } else fd.delete("sheet");
      const r = await saveManualGrid(fd);
      setResult(r.ok ? { ok: true, text: r.message } : { ok: false, text: r.error });
      if (r.ok && withSheet) window.location.reload();
    });

  const download = () => {
    const t = {
      title: fileName,
      columns: [
        { key: "agency", header: msg.scoring.columns.agency },
        { key: "region", header: msg.scoring.columns.region },
        ...indicators.map((x) => ({ key: x.id, header: `${x.name}（${x.max}）`, numFmt: "0.##" })),
      ],
      rows: rows.map((r) => ({ agency: r.agency, region: r.region, ...r.values })),
    };
    downloadBlob(new Blob([toCsv(t)], { type: "text/csv;charset=utf-8" }), `${safeFileName(fileName)}.csv`);
  };

  return (
    <form
      ref={form}
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
      data-testid="manual-grid"
    >
      <p className="form-row">
        <button type="button" className="secondary" onClick={download}>
          {m.download}
        </button>
        <label>
          {m.upload}
          <input ref={sheet} type="file" name="sheet" accept=".csv,.xlsx,text/csv" onChange={(e) => e.target.files?.length && send(true)} />
        </label>
      </p>
      <div style={{ overflowX: "auto" }}>
        <table className="list">
          <thead>
            <tr>
              <th>{msg.scoring.columns.agency}</th>
              {indicators.map((x) => (
                <th key={x.id}>
                  {x.name}
                  <div className="muted">0–{x.max}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.agencyId} data-agency={r.agency}>
                <td>
                  {r.agency}
                  <div className="muted small">{r.region}</div>
                </td>
                {indicators.map((x) => (
                  <td key={x.id}>
                    <input
                      // No min/max: the server's message names the agency and the indicator, in Chinese.
                      type="number"
                      step="any"
                      inputMode="decimal"
                      name={`${CELL_PREFIX}${r.agencyId}.${x.id}`}
                      defaultValue={r.values[x.id] ?? ""}
                      aria-label={m.cellLabel(r.agency, x.name)}
                      style={{ width: "5rem" }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="form-row">
        <label>
          {m.reason}
          <input type="text" name="reason" maxLength={500} size={40} />
        </label>
        <button type="submit" disabled={pending}>
          {pending ? m.saving : m.save}
        </button>
      </p>
      {result && (
        <p role="status" className={result.ok ? "alert ok" : "alert error"}>
          {result.text}
        </p>
      )}
    </form>
  );
}
