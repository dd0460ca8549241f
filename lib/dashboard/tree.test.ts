import { describe, expect, it } from "vitest";
import { ancestry, buildRegionTree, inTreeOrder } from "./tree";

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

describe("inTreeOrder", () => {
  it("puts each region right after its parent, siblings by name, with depth", () => {
    const rows = [
      { id: 1, parentId: null, name: "福建省" },
      { id: 2, parentId: null, name: "江苏省" },
      { id: 3, parentId: 1, name: "福州市" },
      { id: 4, parentId: 2, name: "淮安市" },
      { id: 5, parentId: 4, name: "洪泽区" },
      { id: 6, parentId: 3, name: "平潭县" },
    ];
    expect(inTreeOrder(rows).map((r) => `${"-".repeat(r.depth)}${r.name}`)).toEqual([
      "福建省",
      "-福州市",
      "--平潭县",
      "江苏省",
      "-淮安市",
      "--洪泽区",
    ]);
  });
});
