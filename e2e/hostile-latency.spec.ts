/**
 * The bar of issue 13 on the real app: while five strangers upload hostile files to the draft
 * check (which needs no account), another user's page still answers within 1 s at p99. The files
 * are parsed in child processes (lib/parse/isolated.ts) below the server's priority; this measures
 * the production server the other specs use, and prints the figures quoted in the README.
 */
import { expect, test } from "@playwright/test";
import { hostileFiles } from "../scripts/hostile-files";

test("another user's page answers within 1 s at p99 while five hostile uploads are read", async ({ browser, request }, info) => {
  test.setTimeout(240_000);
  const files = await hostileFiles();
  const contexts = await Promise.all(files.map(() => browser.newContext()));
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  await Promise.all(
    pages.map(async (page, i) => {
      await page.goto("/check");
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: files[i].name, mimeType: "application/octet-stream", buffer: Buffer.from(files[i].bytes) });
    }),
  );

  // Another user reading an agency's page, every 50 ms, from before the uploads until all are answered.
  const overview = await request.get("/");
  const href = /href="(\/agencies\/\d+)"/.exec(await overview.text())?.[1];
  expect(href).toBeTruthy();
  // Warm, as a running site is: the first render of a route is not what the bar is about.
  for (let i = 0; i < 5; i++) await (await request.get(href!)).body();
  const times: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const t0 = performance.now();
      const r = await request.get(href!);
      expect(r.status()).toBe(200);
      await r.body();
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const t0 = performance.now();
  await Promise.all(
    pages.map(async (page) => {
      await page.getByRole("button", { name: "核对" }).click();
      // Each file gets its own Chinese answer: refused, or read (and found not to be a report).
      await expect(page.locator(".alert.error, [data-testid=import-preview]").first()).toBeVisible({ timeout: 180_000 });
    }),
  );
  const total = (performance.now() - t0) / 1000;
  running = false;
  await probe;
  await Promise.all(contexts.map((c) => c.close()));

  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))]);
  const line = `看板（生产构建）：5 个恶意文件同时上传到草稿核对，${total.toFixed(1)} 秒内全部得到答复；其间另一用户打开 ${href} ${times.length} 次，p50 ${q(0.5)} ms，p99 ${q(0.99)} ms，最长 ${q(1)} ms`;
  console.log(line);
  await info.attach("hostile-latency.txt", { body: line, contentType: "text/plain" });
  expect(times.length).toBeGreaterThan(10);
  expect(q(0.99)).toBeLessThan(1000);
});
