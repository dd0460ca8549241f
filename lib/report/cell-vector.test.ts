import { describe, expect, it } from "vitest";
import { CELL_VECTOR_KEYS, cellsFromVectorText, cellVectorSql } from "./cell-vector";
import { ALL_CELL_KEYS } from "./cell-keys";

describe("cell vector", () => {
  it("has one slot per template key", () => {
    expect(new Set(CELL_VECTOR_KEYS)).toEqual(new Set(ALL_CELL_KEYS));
    expect(CELL_VECTOR_KEYS.length).toBe(ALL_CELL_KEYS.size);
  });

  it("spells every key in the generated column's SQL", () => {
    const sql = cellVectorSql("cell_values");
    for (const k of CELL_VECTOR_KEYS) expect(sql).toContain(`'${k}'`);
  });
});

describe("cell vector text", () => {
  it("reads Postgres's text form of the vector the same as the parsed array", () => {
    const [a, b, c, d] = CELL_VECTOR_KEYS;
    const rest = Array(CELL_VECTOR_KEYS.length - 4).fill("NULL");
    const text = `{3,-Infinity,NULL,-2.5,${rest.join(",")}}`;
    expect(cellsFromVectorText(text)).toEqual({ [a]: 3, [b]: null, [d]: -2.5 });
    expect(c in cellsFromVectorText(text)).toBe(false);
    expect(cellsFromVectorText(null)).toEqual({});
    expect(cellsFromVectorText("{}")).toEqual({});
  });
});
