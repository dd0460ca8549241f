/**
 * A scan's way through the job table, on a real database: the upload and its job are stored
 * together, the runner does the OCR (real tesseract) reporting progress page by page, and the
 * result and the page images wait for the filer — another user cannot see them.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner } from "./jobs";
import { getJob } from "./queries/jobs";
import { createScan, getScanPage, getScanParsed, getScanStatus, SCAN_JOB } from "./queries/scans";
import { TEST_DRIVERS, openTestDatabase, type TestDatabase } from "../test/db";
import { SAMPLES } from "../test/fixtures";
import { scanPages, VARIANTS } from "../test/scan-fixtures";

describe.each(TEST_DRIVERS)("scans as jobs on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  });
  afterAll(async () => t?.close());

  it("stores the upload, runs OCR as a job with progress, keeps the result and page images", { timeout: 180_000 }, async () => {
    const pages = (await scanPages(new Uint8Array(readFileSync(`${SAMPLES}/huaian-2024.pdf`)), VARIANTS.clean200, 7)).slice(3, 5);
    const scanId = await t.db.transaction((tx) =>
      createScan(
        tx,
        pages.map((b, i) => ({ name: `第${i + 1}页.png`, bytes: b })),
        null,
      ),
    );
    expect(await getScanStatus(t.db, scanId, null)).toMatchObject({ status: "queued", done: 0 });
    const runner = createRunner(t.db, { kinds: [SCAN_JOB] });
    expect(await runner.drain()).toBe(1);
    const status = await getScanStatus(t.db, scanId, null);
    expect(status).toMatchObject({ status: "done", done: 2, total: 2, error: null });
    const parsed = await getScanParsed(t.db, scanId, null);
    expect(parsed?.report.sourceKind).toBe("scan");
    expect(Object.keys(parsed?.report.cells ?? {}).length).toBeGreaterThan(20);
    const page = await getScanPage(t.db, scanId, 2);
    expect(page?.image.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(page?.width).toBeGreaterThan(1000);
  });

  it("fails a scan that is not an image with a Chinese reason, once, without retrying", { timeout: 60_000 }, async () => {
    const scanId = await t.db.transaction((tx) =>
      createScan(tx, [{ name: "坏.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) }], null),
    );
    await createRunner(t.db, { kinds: [SCAN_JOB] }).drain();
    const status = await getScanStatus(t.db, scanId, null);
    expect(status?.status).toBe("failed");
    expect(status?.error).toMatch(/图片/);
    expect(await getScanParsed(t.db, scanId, null)).toBeNull();
  });

  it("shows a scan only to whoever uploaded it (administrators ask with null)", async () => {
    const scanId = await t.db.transaction((tx) => createScan(tx, [{ name: "a.png", bytes: new Uint8Array([1]) }], null));
    expect(await getScanStatus(t.db, scanId, null)).not.toBeNull();
    expect(await getScanStatus(t.db, scanId + 1000, null)).toBeNull();
    expect(await getJob(t.db, -1)).toBeNull();
  });
});
