/** How deep a region sits in the tree, from its materialized path (`/1/5/23/` → 3). */
export const pathDepth = (path: string) => path.split("/").filter(Boolean).length;

/**
 * A select's options from named rows (regions, agencies): the id is the value, the name the text.
 * With `depthOf`, each name is indented by its depth (full-width spaces), so a region tree reads as one.
 */
export function NamedOptions<T extends { id: number | string; name: string }>({
  items,
  depthOf,
}: {
  items: readonly T[];
  depthOf?: (item: T) => number;
}) {
  return (
    <>
      {items.map((r) => (
        <option key={r.id} value={r.id}>
          {depthOf && "　".repeat(depthOf(r))}
          {r.name}
        </option>
      ))}
    </>
  );
}
