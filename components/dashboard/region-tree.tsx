import Link from "next/link";
import type { RegionNode } from "@/lib/dashboard/tree";
import { dash } from "@/lib/messages/dashboard";

/** The region tree as nested links; the selected region's ancestors are open. */
export function RegionTree({ roots, open, current }: { roots: RegionNode[]; open: number[]; current: number | null }) {
  const render = (nodes: RegionNode[]) => (
    <ul>
      {nodes.map((n) => (
        <li key={n.id}>
          {n.children.length > 0 ? (
            <>
              {/* The link sits beside the toggle, not inside it: a link inside <summary> is a control inside a control. */}
              <Link href={`/agencies?region=${n.id}`} className={n.id === current ? "current" : undefined}>
                {n.name}
              </Link>{" "}
              <span className="muted small">{n.subtotal}</span>
              <details open={open.includes(n.id)}>
                <summary aria-label={dash.tree.toggle(n.name)} />
                {render(n.children)}
              </details>
            </>
          ) : (
            <>
              <Link href={`/agencies?region=${n.id}`} className={n.id === current ? "current" : undefined}>
                {n.name}
              </Link>{" "}
              <span className="muted small">{n.subtotal}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
  return (
    <nav className="tree" data-testid="region-tree" aria-label={dash.tree.regions}>
      {render(roots)}
    </nav>
  );
}
