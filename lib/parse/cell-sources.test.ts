import { describe, expect, it } from "vitest";
import { packCellSource, packCellSources, unpackCell, unpackCells } from "./cell-sources";

describe("cell sources", () => {
  it("leaves out what the value already says and gives it back", () => {
    const details = {
      "t3.received.total": { value: 1234, raw: "1,234", loc: { table: 2, row: 4, col: 8 } },
      "t3.received.research": { value: 0, raw: "0", loc: { line: 12 } },
      "t3.received.commercial": { value: null, raw: "/", loc: { table: 2, row: 4, col: 3 } },
      "t3.received.other_org": { value: null, raw: "", loc: {} },
      "t2.fees.amount_wan": { value: 12.5, raw: "12.5", note: "导入时由填报人对照原文补录", loc: { page: 3 } },
    };
    const packed = packCellSources(details);
    expect(packed["t3.received.research"]).toEqual({ s: { line: 12 } });
    expect(packed["t3.received.other_org"]).toEqual({});
    expect(packed["t3.received.total"].r).toBe("1,234");
    const values = Object.fromEntries(Object.entries(details).map(([k, d]) => [k, d.value]));
    const back = unpackCells(values, JSON.parse(JSON.stringify(packed)));
    for (const c of back) {
      const d = details[c.key as keyof typeof details];
      expect(c).toEqual({ key: c.key, value: d.value, raw: d.raw, note: "note" in d ? d.note : null, source: d.loc });
    }
    expect(back.map((c) => c.key)).toEqual(Object.keys(details).sort());
  });

  it("reads a cell with no stored provenance as added by hand, and keeps a printed text that differs from a new value", () => {
    expect(unpackCell("t3.received.total", 5, undefined)).toEqual({ key: "t3.received.total", value: 5, raw: "", note: null, source: {} });
    // A corrected cell keeps the text the document printed, whatever the value is now.
    const kept = { ...packCellSource(null, "6", null, { line: 3 }), r: "6" };
    expect(unpackCell("t3.received.total", 0, kept).raw).toBe("6");
  });
});
