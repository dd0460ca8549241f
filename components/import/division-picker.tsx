"use client";
/**
 * Picks a new agency's region from the national directory by name or code (app/api/divisions).
 * The choice travels as `divisionCode`; the server resolves it again and creates the missing
 * regions of its chain when the report is saved.
 */
import { useEffect, useId, useState } from "react";
import { msg } from "@/lib/messages";

export interface DivisionChoice {
  code: string;
  fullName: string;
}

const m = msg.importPreview;

export function DivisionPicker({ guessed }: { guessed: DivisionChoice | null }) {
  const [chosen, setChosen] = useState<DivisionChoice | null>(guessed);
  const [q, setQ] = useState("");
  const [found, setFound] = useState<DivisionChoice[] | null>(null);
  const listId = useId();

  useEffect(() => {
    const query = q.trim();
    if (!query) return setFound(null);
    const ctl = new AbortController();
    const t = setTimeout(() => {
      fetch(`/api/divisions?q=${encodeURIComponent(query)}`, { signal: ctl.signal })
        .then((r) => (r.ok ? r.json() : []))
        .then((rows: DivisionChoice[]) => setFound(rows))
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q]);

  return (
    <div className="division-picker" data-testid="division-picker">
      <label>
        {m.division}
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={m.divisionSearch}
          size={28}
          aria-controls={listId}
        />
      </label>
      <input type="hidden" name="divisionCode" value={chosen?.code ?? ""} />
      {found && (
        <ul id={listId} className="division-results" aria-label={m.division}>
          {found.length === 0 && <li className="muted">{m.divisionNone}</li>}
          {found.map((d) => (
            <li key={d.code}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setChosen(d);
                  setQ("");
                }}
              >
                {d.fullName} <span className="muted">{d.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <p className="muted" data-testid="division-chosen">
          {chosen === guessed ? m.divisionGuessed : ""}
          {m.divisionChosen(chosen.fullName, chosen.code)}{" "}
          <button type="button" className="link-button" onClick={() => setChosen(null)}>
            {m.divisionClear}
          </button>
        </p>
      )}
    </div>
  );
}
