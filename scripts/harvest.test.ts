/** `npm run harvest` as a person runs it: a child process, a fresh embedded database, the local mirror. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSite, type TestSite } from "../test/harvest-site";

let site: TestSite;
let dir: string;
beforeAll(async () => {
  site = await startTestSite({ slowMs: 3_000 });
  dir = mkdtempSync(path.join(os.tmpdir(), "dd-harvest-cli-"));
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

function harvest(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/harvest.ts", ...args], {
      env: {
        ...process.env,
        DATABASE_URL: "",
        PGLITE_DIR: path.join(dir, "db"),
        HARVEST_ALLOW_PRIVATE: "1",
        HARVEST_DELAY_MS: "20",
        HARVEST_TIMEOUT_MS: "800",
        HARVEST_BACKOFF_MS: "10",
      },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

describe("npm run harvest", () => {
  it("harvests one column without saving a source, one line per report, non-zero when something failed", async () => {
    const r = await harvest([
      "--list",
      `${site.origin}/pingtan/zfxxgknb/index.htm`,
      "--agency",
      "平潭综合实验区",
      "--region",
      "福建省/福州市/平潭综合实验区",
      "--year",
      "2025",
      "--year",
      "2021",
    ]);
    expect(r.out).toContain("新增\t平潭综合实验区\t2025");
    expect(r.err).toContain("失败\t平潭综合实验区\t2021");
    expect(r.err).toContain("robots.txt");
    expect(r.out).toContain("采集完成：新增 1 · 更新 0 · 未变 0 · 未找到 0 · 失败 1");
    expect(r.code).toBe(1);
  }, 120_000);

  it("says so when a region has no saved source (the column above was not saved)", async () => {
    const r = await harvest(["--region", "平潭综合实验区"]);
    expect(r.err).toContain("没有登记栏目地址的单位");
    expect(r.code).toBe(2);
  }, 60_000);
});
