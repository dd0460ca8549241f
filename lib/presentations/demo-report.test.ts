import { describe, expect, it } from "vitest";
import { t3Key, T3_COLUMNS, t3RowsFor } from "../report/template";
import { cellKeys } from "../report/cell-keys";
import { makeRng } from "../random";
import { generateReport, initialState } from "./demo-report";

describe("demo reports", () => {
  it("print every cell of their format and satisfy the table identities", () => {
    const rng = makeRng(7);
    const state = initialState(rng, "government");
    let prevForward: Record<string, number | null> | null = null;
    for (const year of [2020, 2021, 2022]) {
      const r = generateReport(rng, "government", year, state);
      expect(r.format).toBe(year >= 2021 ? "2021" : "2019");
      expect(Object.keys(r.cells).sort()).toEqual(cellKeys(r.format).sort());
      const v = (k: string) => r.cells[k] ?? 0;
      for (const c of T3_COLUMNS) {
        // W1 and W2
        expect(v(t3Key("received", c.key)) + v(t3Key("carried_over", c.key))).toBe(
          v(t3Key("total_handled", c.key)) + v(t3Key("carried_forward", c.key)),
        );
        const results = t3RowsFor(r.format)
          .filter((x) => x.result)
          .reduce((s, x) => s + v(t3Key(x.key, c.key)), 0);
        expect(results).toBe(v(t3Key("total_handled", c.key)));
        // Y1
        if (prevForward) expect(v(t3Key("carried_over", c.key))).toBe(prevForward[c.key]);
      }
      prevForward = Object.fromEntries(T3_COLUMNS.map((c) => [c.key, v(t3Key("carried_forward", c.key))]));
    }
  });

  it("is reproducible from the seed, and an injected error breaks 办理结果总计", () => {
    const a = generateReport(makeRng(1), "department", 2023, initialState(makeRng(2), "department"), { injectError: true });
    const b = generateReport(makeRng(1), "department", 2023, initialState(makeRng(2), "department"), { injectError: true });
    expect(a).toEqual(b);
    expect(a.error?.rule).toBe("t3.results_sum");
  });
});
