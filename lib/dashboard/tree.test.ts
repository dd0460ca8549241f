import { describe, expect, it } from "vitest";
import { ancestry, buildRegionTree } from "./tree";

const rows = [
  { id: 1, name: "示例省", level: "province", parentId: null, government: 1, department: 2, township: 0 },
  { id: 2, name: "示例一市", level: "city", parentId: 1, government: 1, department: 3, township: 0 },
  { id: 3, name: "示例一市一县", level: "county", parentId: 2, government: 1, department: 1, township: 4 },
];

describe("region tree", () => {
  it("nests regions and counts each subtree", () => {
    const [root] = buildRegionTree(rows);
    expect(root.subtotal).toBe(3 + 4 + 6);
    expect(root.children[0].children[0].subtotal).toBe(6);
  });
  it("gives the path from the root", () => {
    expect(ancestry(rows, 3)).toEqual([1, 2, 3]);
    expect(ancestry(rows, null)).toEqual([]);
  });
});
