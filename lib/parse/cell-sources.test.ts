import { describe, expect, it } from "vitest";
import { packCellSources, unpackCell, unpackCells, unpackOne, withCorrectedCell } from "./cell-sources";

const details = {
  "t3.received.total": { value: 1234, raw: "1,234", loc: { table: 2, row: 4, col: 8 } },
  "t3.received.research": { value: 0, raw: "0", loc: { line: 12 } },
  "t3.received.commercial": { value: null, raw: "/", loc: { table: 2, row: 4, col: 3 } },
  "t3.received.other_org": { value: null, raw: "", loc: {} },
  "t2.fees.amount_wan": { value: 12.5, raw: "12.5", note: "导入时由填报人对照原文补录", loc: { page: 3 } },
  "t4.review.total": { value: 2, raw: "2", loc: { page: 1, box: [0.1, 0.2, 0.3, 0.4] } as never },
};
const values = Object.fromEntries(Object.entries(details).map(([k, d]) => [k, d.value]));

describe("cell sources", () => {
  it("stores no key names and leaves out what the value already says, then gives every cell back", () => {
    const packed = packCellSources(values, details);
    const text = JSON.stringify(packed);
    expect(text).not.toContain("t3.received");
    // Sorted keys: t2.fees…, t3.received.commercial, …other_org, …research, …total, t4.review.total.
    expect(packed[3]).toEqual([null, null, null, null, 12]);
    expect(packed[2]).toEqual({});
    expect(packed[4]).toEqual({ r: "1,234", s: { table: 2, row: 4, col: 8 } });
    expect(packed[0]).toEqual({ n: "导入时由填报人对照原文补录", s: { page: 3 } });
    const back = unpackCells(values, JSON.parse(text));
    for (const c of back) {
      const d = details[c.key as keyof typeof details];
      expect(c).toEqual({ key: c.key, value: d.value, raw: d.raw, note: "note" in d ? d.note : null, source: d.loc });
    }
    expect(back.map((c) => c.key)).toEqual(Object.keys(details).sort());
    expect(unpackOne(values, packed, "t3.received.total")?.raw).toBe("1,234");
    expect(unpackOne(values, packed, "t3.received.legal_service")).toBeNull();
  });

  it("reads a cell with no stored provenance as added by hand, and shows none rather than a misaligned one", () => {
    expect(unpackCell("t3.received.total", 5, null)).toEqual({ key: "t3.received.total", value: 5, raw: "", note: null, source: {} });
    const packed = packCellSources(values, details);
    const more = { ...values, "t3.received.legal_service": 1 };
    expect(unpackCells(more, packed).every((c) => c.raw === "" && Object.keys(c.source).length === 0)).toBe(true);
  });

  it("a correction keeps the printed text and every other cell's provenance, also when it adds a cell", () => {
    const packed = packCellSources(values, details);
    const fixed = withCorrectedCell(values, packed, "t3.received.research", 7);
    const cells = unpackCells(fixed.values, JSON.parse(JSON.stringify(fixed.sources)));
    expect(cells.find((c) => c.key === "t3.received.research")).toEqual({
      key: "t3.received.research",
      value: 7,
      raw: "0",
      note: null,
      source: { line: 12 },
    });
    const added = withCorrectedCell(fixed.values, fixed.sources, "t3.received.legal_service", 3);
    const after = unpackCells(added.values, added.sources);
    expect(after.find((c) => c.key === "t3.received.legal_service")).toMatchObject({ value: 3, raw: "", source: {} });
    expect(after.find((c) => c.key === "t3.received.total")).toMatchObject({ raw: "1,234", source: { table: 2, row: 4, col: 8 } });
    expect(after.find((c) => c.key === "t3.received.research")).toMatchObject({ value: 7, raw: "0" });
  });
});
