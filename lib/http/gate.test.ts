import { describe, expect, it } from "vitest";
import { createGate } from "./gate";

describe("createGate", () => {
  it("runs at most `limit` at once and refuses the rest without running them", async () => {
    const gate = createGate(1);
    let release!: () => void;
    const first = gate.run(() => new Promise<string>((r) => (release = () => r("done"))));
    let ran = false;
    expect(await gate.run(async () => (ran = true))).toEqual({ ok: false });
    expect(ran).toBe(false);
    release();
    expect(await first).toEqual({ ok: true, value: "done" });
    expect(await gate.run(async () => 1)).toEqual({ ok: true, value: 1 });
    expect(gate.running).toBe(0);
  });
  it("frees its place when the work throws", async () => {
    const gate = createGate(1);
    await expect(
      gate.run(async () => {
        throw new Error("x");
      }),
    ).rejects.toThrow();
    expect((await gate.run(async () => 2)).ok).toBe(true);
  });
});
