/** The region tree from flat rows (materialized paths), with agency counts of each subtree. */

export interface FlatRegion {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
  government: number;
  department: number;
  township: number;
}

export interface RegionNode extends FlatRegion {
  children: RegionNode[];
  /** Agencies in this region and every region below it. */
  subtotal: number;
}

export function buildRegionTree(rows: readonly FlatRegion[]): RegionNode[] {
  const nodes = new Map<number, RegionNode>(rows.map((r) => [r.id, { ...r, children: [], subtotal: 0 }]));
  const roots: RegionNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId === null ? undefined : nodes.get(n.parentId);
    (parent ? parent.children : roots).push(n);
  }
  const total = (n: RegionNode): number =>
    (n.subtotal = n.government + n.department + n.township + n.children.reduce((s, c) => s + total(c), 0));
  roots.forEach(total);
  return roots;
}

/** Ids from the root down to `id` (the nodes to show open). */
export function ancestry(rows: readonly FlatRegion[], id: number | null): number[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: number[] = [];
  let cur = id === null ? undefined : byId.get(id);
  while (cur) {
    out.unshift(cur.id);
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
  }
  return out;
}

const byName = new Intl.Collator("zh-CN").compare;

/**
 * Regions in the order a tree reads — each followed by its subregions, siblings by name — with
 * their depth, for the indented pickers. (Sorting by path string put every province first, then
 * every city, so indentation lied about parents.)
 */
export function inTreeOrder<T extends { id: number; parentId: number | null; name: string }>(
  rows: readonly T[],
): (T & { depth: number })[] {
  const children = new Map<number | null, T[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const parent = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: (T & { depth: number })[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => byName(a.name, b.name))) {
      out.push({ ...r, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
