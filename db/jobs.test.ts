import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { JobInputError, createRunner, registerJobHandler } from "./jobs";
import { cancelJob, claimJob, enqueueJob, failJob, getJob, reportJobProgress } from "./queries/jobs";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../test/db";

let failures = 0;
registerJobHandler("test-flaky", async () => {
  failures++;
  throw new Error("站点暂时无法访问");
});
registerJobHandler("test-bad-input", async () => {
  throw new JobInputError("文件不是年度报告");
});

describe.each(TEST_DRIVERS)("the job table on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  });
  afterAll(async () => t?.close());

  it("creates a keyed run once however often it is asked for", async () => {
    const a = await enqueueJob(t.db, { kind: "echo", key: "echo:2026-01-15" });
    const b = await enqueueJob(t.db, { kind: "echo", key: "echo:2026-01-15" });
    expect(a).toBeGreaterThan(0);
    expect(b).toBeNull();
    await cancelJob(t.db, a!);
  });

  it("hands each job to one worker when many claim at once", async () => {
    const ids = await Promise.all([1, 2, 3, 4].map((n) => enqueueJob(t.db, { kind: "race", payload: { n } })));
    const claims = await Promise.all([1, 2, 3, 4, 5, 6].map((w) => claimJob(t.db, ["race"], `w${w}`, 60_000)));
    const got = claims.filter((c) => c !== null).map((c) => c!.id);
    expect(got.sort()).toEqual([...ids].sort());
    expect(new Set(got).size).toBe(4);
  });

  it("lets another worker take a job whose holder stopped renewing its lease", async () => {
    const id = await enqueueJob(t.db, { kind: "lease" });
    const first = await claimJob(t.db, ["lease"], "dead", 60_000);
    expect(first?.id).toBe(id);
    expect(await claimJob(t.db, ["lease"], "alive", 60_000)).toBeNull();
    await t.db.execute(sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`);
    const second = await claimJob(t.db, ["lease"], "alive", 60_000);
    expect(second?.id).toBe(id);
    expect(second?.attempts).toBe(2);
    // The old holder can no longer write to it.
    expect(await reportJobProgress(t.db, id!, "dead", { done: 1, total: 2 }, 60_000)).toBe(false);
    expect(await failJob(t.db, id!, "dead", "x")).toBe(false);
    await cancelJob(t.db, id!);
  });

  it("runs a job to the end and keeps its result and progress", async () => {
    const id = await enqueueJob(t.db, { kind: "echo", payload: { hello: "世界" } });
    const r = createRunner(t.db, { kinds: ["echo"] });
    expect(await r.drain()).toBe(1);
    const job = await getJob(t.db, id!);
    expect(job?.status).toBe("done");
    expect(job?.result).toEqual({ hello: "世界" });
    expect(job?.progress).toEqual({ done: 1, total: 1 });
    expect(job?.lockedBy).toBeNull();
  });

  it("retries a failing job later, then gives up after its attempts", async () => {
    const id = await enqueueJob(t.db, { kind: "test-flaky", maxAttempts: 2 });
    const r = createRunner(t.db, { kinds: ["test-flaky"] });
    await r.drain();
    let job = await getJob(t.db, id!);
    expect(job?.status).toBe("queued");
    expect(job?.error).toBe("站点暂时无法访问");
    expect(job!.runAfter.getTime()).toBeGreaterThan(Date.now() + 10_000);
    await t.db.execute(sql`update jobs set run_after = now() where id = ${id}`);
    await r.drain();
    job = await getJob(t.db, id!);
    expect(job?.status).toBe("failed");
    expect(job?.attempts).toBe(2);
    expect(failures).toBeGreaterThanOrEqual(2);
  });

  it("fails bad input at once, without retries", async () => {
    const id = await enqueueJob(t.db, { kind: "test-bad-input" });
    await createRunner(t.db, { kinds: ["test-bad-input"] }).drain();
    const job = await getJob(t.db, id!);
    expect(job?.status).toBe("failed");
    expect(job?.attempts).toBe(1);
    expect(job?.error).toBe("文件不是年度报告");
  });
});
