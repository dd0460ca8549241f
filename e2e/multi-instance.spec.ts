/**
 * Two app instances against one Postgres database, as behind a load balancer (README, 多实例部署):
 * both are started at the same moment on an empty database (migrations and the demo data happen
 * once), a sign-in throttle counts failures made on either, a session opened on one is valid on
 * the other, and an import saved through one is what the other shows — the same file saved on both
 * at once leaves one report.
 *
 * Needs the Postgres server (DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test as in CI);
 * skipped, saying so, when none answers. Its database is created here and dropped afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./helpers";

const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const PORTS = [BASE_PORT, BASE_PORT + 1];
const origin = (i: number) => `http://127.0.0.1:${PORTS[i]}`;
const DB_NAME = `dd_e2e_multi_${process.pid}_${Date.now()}`;

type Sql = import("postgres").Sql;
let admin: Sql | null = null;
let appDb: Sql | null = null;
let skipReason = "";
const servers: ChildProcess[] = [];
const logs: string[] = ["", ""];

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const { default: postgres } = await import("postgres");
  admin = postgres(SERVER_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin`select 1`;
  } catch (e) {
    skipReason = `没有可用的 Postgres 服务器（${new URL(SERVER_URL).host}）：${(e as Error).message}`;
    await admin.end({ timeout: 1 }).catch(() => {});
    admin = null;
    return;
  }
  await admin.unsafe(`create database ${DB_NAME}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${DB_NAME}`;
  // Both at once: the migrations and the demo data must still happen exactly once.
  for (const [i, port] of PORTS.entries()) {
    const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        PORT: String(port),
        HOST: "127.0.0.1",
        PGLITE_DIR: "",
        READ_ACCESS: "",
        TRUSTED_PROXIES: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout!.on("data", (b: Buffer) => (logs[i] += b.toString()));
    child.stderr!.on("data", (b: Buffer) => (logs[i] += b.toString()));
    servers.push(child);
  }
  appDb = postgres(url.toString(), { max: 2, onnotice: () => {} });
  const deadline = Date.now() + 240_000;
  for (const i of [0, 1]) {
    for (;;) {
      if (Date.now() > deadline) throw new Error(`实例 ${i + 1} 没有启动：\n${logs[i]}`);
      const r = await fetch(`${origin(i)}/login`).catch(() => null);
      if (r?.ok) break;
      await new Promise((res) => setTimeout(res, 500));
    }
  }
});

test.afterAll(async () => {
  for (const s of servers) {
    try {
      if (s.pid) process.kill(-s.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  await appDb?.end({ timeout: 5 });
  if (admin) {
    await new Promise((r) => setTimeout(r, 500));
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end({ timeout: 5 });
  }
});

async function trySignIn(page: Page, i: number, user: keyof typeof DEMO, password: string) {
  await page.goto(`${origin(i)}/login`);
  const form = page.getByTestId("sign-in");
  await form.getByLabel("用户名").fill(user);
  await form.getByLabel("密码").fill(password);
  await form.getByRole("button", { name: "登录" }).click();
}

test("started together on an empty database, the two instances migrate and load the demo data once", async () => {
  test.skip(!admin, skipReason);
  const [{ n: migrations }] = await appDb!`select count(*)::int as n from drizzle.__drizzle_migrations`;
  const [{ n: distinct }] = await appDb!`select count(distinct hash)::int as n from drizzle.__drizzle_migrations`;
  expect(migrations).toBe(distinct);
  const [{ n: users }] = await appDb!`select count(*)::int as n from users`;
  expect(users).toBe(Object.keys(DEMO).length);
  const [{ n: imports }] = await appDb!`select count(*)::int as n from import_log where status = 'created'`;
  const [{ n: reports }] = await appDb!`select count(*)::int as n from reports`;
  expect(reports).toBeGreaterThan(0);
  expect(imports).toBe(reports);
  // Each instance served the same data.
  for (const i of [0, 1])
    expect(await (await fetch(`${origin(i)}/agencies?q=${encodeURIComponent("财政金融局")}`)).text()).toContain("平潭综合实验区财政金融局");
});

test("failed sign-ins on either instance count toward one throttle; a session from one is valid on the other", async ({ browser }) => {
  test.skip(!admin, skipReason);
  // As a load balancer would, each request says which client it came from (the instances trust 127.0.0.1).
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.7" } });
  const page = await context.newPage();
  // Five failures, alternating between the instances…
  for (let k = 0; k < 5; k++) {
    await trySignIn(page, k % 2, "viewer", "wrong-password");
    await expect(page.getByTestId("sign-in").locator(".alert")).toContainText("用户名或密码错误");
  }
  // …and the right password is held back on both.
  for (const i of [1, 0]) {
    await trySignIn(page, i, "viewer", DEMO.viewer);
    await expect(page.getByTestId("sign-in").locator(".alert")).toContainText("登录失败次数过多");
  }
  const [{ n }] = await appDb!`select count(*)::int as n from sign_in_failures where key = 'user:viewer'`;
  expect(n).toBeGreaterThanOrEqual(5);
  await context.close();

  // Cookies do not tell ports apart, as they do not tell a load balancer's instances apart.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.8" } });
  const page2 = await other.newPage();
  await trySignIn(page2, 0, "admin", DEMO.admin);
  await expect(page2.getByTestId("user-menu")).toContainText("退出");
  await page2.goto(`${origin(1)}/admin/users`);
  await expect(page2.getByTestId("users")).toContainText("assessor");
  await other.close();
});

test("an import saved on one instance shows on the other; the same file saved on both at once leaves one report", async ({ browser }) => {
  test.skip(!admin, skipReason);
  const file = path.join(process.cwd(), "data", "samples", "pingtan-czj-2024.html");
  const pages: Page[] = [];
  for (const i of [0, 1]) {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${20 + i}` } });
    const page = await context.newPage();
    await trySignIn(page, i, "admin", DEMO.admin);
    await expect(page.getByTestId("user-menu")).toContainText("退出");
    await page.goto(`${origin(i)}/import`);
    await page.getByLabel("或上传文件").setInputFiles(file);
    await page.getByRole("button", { name: "预览" }).click();
    await page.getByTestId("import-preview").getByRole("button", { name: "保存" }).waitFor();
    pages.push(page);
  }
  await Promise.all(pages.map((p) => p.getByTestId("import-preview").getByRole("button", { name: "保存" }).click()));
  for (const p of pages) await expect(p.getByRole("status")).toContainText("平潭综合实验区财政金融局 2024 年度报告");

  const rows = await appDb!`
    select r.id from reports r join agencies a on a.id = r.agency_id
    where a.name = '平潭综合实验区财政金融局' and r.year = 2024`;
  expect(rows).toHaveLength(1);
  const [{ n: agenciesNamed }] = await appDb!`select count(*)::int as n from agencies where name = '平潭综合实验区财政金融局'`;
  expect(agenciesNamed).toBe(1);
  // The audit log, read through the other instance, has both saves.
  await pages[0].goto(`${origin(1)}/admin/audit`);
  await expect(pages[0].getByTestId("audit").getByRole("row").filter({ hasText: "导入年报（替换）" })).toHaveCount(2);
  for (const p of pages) await p.context().close();
});
