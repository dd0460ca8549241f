"use client";
/**
 * Edit a rubric as a table of indicators. The whole definition is posted as JSON and checked on the
 * server by the same zod schema as every stored rubric; saving makes a new version.
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { Indicator, Method, RubricDefinition } from "@/lib/scoring/rubric";
import { saveRubricAction } from "./actions";

import { msg } from "@/lib/messages";
import { FormStatus } from "@/components/form/form-status";

interface Props {
  id?: number;
  name: string;
  definition: RubricDefinition;
  rules: { id: string; title: string }[];
  labels: Record<string, string>;
  methodLabels: Record<string, string>;
}

const blankMethod = (kind: Method["kind"]): Method =>
  kind === "deadline"
    ? { kind, deduct: 1 }
    : kind === "findings"
      ? { kind, rules: [], deduct: 1, needsTables: false, needsPrevious: false }
      : kind === "cells"
        ? { kind, keys: [], deduct: 1 }
        : { kind, guide: "" };

export function RubricEditor(p: Props) {
  const router = useRouter();
  const [name, setName] = useState(p.name);
  const [description, setDescription] = useState(p.definition.description);
  const [items, setItems] = useState<Indicator[]>(p.definition.indicators);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const L = p.labels;

  const update = (i: number, patch: Partial<Indicator>) => setItems((xs) => xs.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const updateMethod = (i: number, patch: Partial<Method>) =>
    setItems((xs) => xs.map((x, k) => (k === i ? { ...x, method: { ...x.method, ...patch } as Method } : x)));
  const total = items.reduce((s, x) => s + (Number.isFinite(x.max) ? x.max : 0), 0);

  return (
    <form
      data-testid="rubric-editor"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData();
        if (p.id) fd.set("id", String(p.id));
        fd.set("name", name);
        fd.set("definition", JSON.stringify({ description, indicators: items }));
        start(async () => {
          const r = await saveRubricAction(fd);
          setMessage(r.ok ? { ok: true, text: r.message } : { ok: false, text: r.error });
          if (r.ok) router.push(`/scoring/rubrics/${r.id}?version=${r.version}`);
        });
      }}
    >
      <div className="form-row">
        <label>
          {L.name}
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required size={30} />
        </label>
        <span className="muted">{L.maxTotal.replace("{n}", String(Math.round(total * 100) / 100))}</span>
      </div>
      <label style={{ display: "block", margin: "8px 0" }}>
        {L.description}
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} style={{ width: "100%" }} />
      </label>
      <table className="list">
        <thead>
          <tr>
            <th>{msg.common.id}</th>
            <th>{msg.common.name}</th>
            <th>{msg.common.points}</th>
            <th>{msg.common.method}</th>
            <th>{msg.scoringPage.params}</th>
            <th>{L.sources}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((x, i) => (
            <tr key={i} data-indicator={x.id}>
              <td>
                <input
                  type="text"
                  value={x.id}
                  onChange={(e) => update(i, { id: e.target.value })}
                  size={10}
                  aria-label={msg.scoringPage.indicatorId}
                />
              </td>
              <td>
                <input
                  type="text"
                  value={x.name}
                  onChange={(e) => update(i, { name: e.target.value })}
                  size={16}
                  aria-label={msg.scoringPage.indicatorName}
                />
              </td>
              <td>
                <input
                  type="number"
                  value={x.max}
                  min={0}
                  step="0.5"
                  onChange={(e) => update(i, { max: Number(e.target.value) })}
                  style={{ width: 64 }}
                  aria-label={msg.scoringPage.indicatorPoints(x.id)}
                />
              </td>
              <td>
                <select
                  value={x.method.kind}
                  onChange={(e) => update(i, { method: blankMethod(e.target.value as Method["kind"]) })}
                  aria-label={msg.scoringPage.methodOf(x.id)}
                >
                  {Object.entries(p.methodLabels).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
              </td>
              <td style={{ fontSize: "0.85rem" }}>
                {x.method.kind !== "manual" && (
                  <label>
                    {L.deduct}
                    <input
                      type="number"
                      min={0}
                      step="0.5"
                      value={x.method.deduct}
                      onChange={(e) => updateMethod(i, { deduct: Number(e.target.value) })}
                      style={{ width: 56 }}
                      aria-label={msg.scoringPage.deductOf(x.id)}
                    />
                  </label>
                )}
                {x.method.kind === "findings" && (
                  <>
                    <select
                      multiple
                      value={x.method.rules}
                      onChange={(e) => updateMethod(i, { rules: [...e.target.selectedOptions].map((o) => o.value) })}
                      aria-label={`${x.id} ${L.rules}`}
                      style={{ display: "block", minWidth: 220, height: 90 }}
                    >
                      {p.rules.map((r) => (
                        <option key={r.id} value={r.id} title={r.title}>
                          {r.id}
                        </option>
                      ))}
                    </select>
                    <label>
                      <input
                        type="checkbox"
                        checked={x.method.needsTables}
                        onChange={(e) => updateMethod(i, { needsTables: e.target.checked })}
                      />{" "}
                      {L.needsTables}
                    </label>{" "}
                    <label>
                      <input
                        type="checkbox"
                        checked={x.method.needsPrevious}
                        onChange={(e) => updateMethod(i, { needsPrevious: e.target.checked })}
                      />{" "}
                      {L.needsPrevious}
                    </label>
                  </>
                )}
                {x.method.kind === "cells" && (
                  <label style={{ display: "block" }}>
                    {L.cellKeys}
                    <input
                      type="text"
                      value={x.method.keys.join(", ")}
                      onChange={(e) => updateMethod(i, { keys: e.target.value.split(/[,，\s]+/).filter(Boolean) })}
                      size={28}
                    />
                  </label>
                )}
                {x.method.kind === "manual" && (
                  <label style={{ display: "block" }}>
                    {L.guide}
                    <input type="text" value={x.method.guide} onChange={(e) => updateMethod(i, { guide: e.target.value })} size={28} />
                  </label>
                )}
              </td>
              <td>
                <textarea
                  value={x.sources.map((s) => (s.url ? `${s.ref} | ${s.url}` : s.ref)).join("\n")}
                  onChange={(e) =>
                    update(i, {
                      sources: e.target.value
                        .split("\n")
                        .map((l) => l.trim())
                        .filter(Boolean)
                        .map((l) => {
                          const [ref, url] = l.split(/\s*\|\s*/);
                          return url ? { ref, url } : { ref };
                        }),
                    })
                  }
                  rows={2}
                  cols={28}
                  aria-label={`${x.id} ${L.sources}`}
                />
              </td>
              <td>
                <button type="button" className="link" onClick={() => setItems((xs) => xs.filter((_, k) => k !== i))}>
                  {L.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-row">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setItems((xs) => [...xs, { id: `item_${xs.length + 1}`, name: "", max: 1, method: blankMethod("manual"), sources: [] }])
          }
        >
          {L.addIndicator}
        </button>
        <button type="submit" disabled={pending}>
          {pending ? L.saving : L.save}
        </button>
        <FormStatus status={message} />
      </p>
    </form>
  );
}
