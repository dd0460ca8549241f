/** The agencies picked by hand for the compare page: the search to add one and the list to remove them. */
import Link from "next/link";
import { getDb } from "@/db/index";
import { searchAgencies } from "@/db/queries/directory";
import { getAgency } from "@/db/queries/agencies";
import { Empty } from "@/components/dashboard/card";
import { msg } from "@/lib/messages";
import { query, type Params } from "./search";

const dash = msg.dashboard;

export async function AddAgency({ p }: { p: Params }) {
  const rows = await searchAgencies(await getDb(), p.q, 20);
  if (rows.length === 0) return <Empty>{dash.tree.noResults(p.q)}</Empty>;
  return (
    <ul className="plain" data-testid="compare-search">
      {rows.map((a) => (
        <li key={a.id}>
          {a.name} <span className="muted small">{a.regionName}</span>{" "}
          {p.agencies.includes(a.id) ? (
            <span className="muted small">{dash.compare.added}</span>
          ) : (
            <Link
              href={query(p, {
                agencies: [...new Set([...p.agencies, a.id])].join(","),
                region: undefined,
                kind: undefined,
                level: undefined,
                page: undefined,
              })}
            >
              {dash.compare.add}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The agencies being compared, by name, each with a way to take it out. */
export async function SelectedAgencies({ p }: { p: Params }) {
  const db = await getDb();
  const found: { id: number; name: string }[] = [];
  for (const id of p.agencies) {
    const a = await getAgency(db, id);
    if (a) found.push({ id, name: a.agency.name });
  }
  if (found.length === 0) return null;
  return (
    <div className="selected-agencies" data-testid="compare-selected">
      <span className="muted small">{dash.compare.selected}：</span>
      <ul className="chips">
        {found.map((a) => {
          const rest = p.agencies.filter((x) => x !== a.id);
          return (
            <li key={a.id} className="chip">
              <Link href={`/agencies/${a.id}`}>{a.name}</Link>{" "}
              <Link
                href={query(p, { agencies: rest.length ? rest.join(",") : undefined, page: undefined })}
                aria-label={dash.compare.removeLabel(a.name)}
                className="chip-remove"
              >
                {dash.compare.remove} ×
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
