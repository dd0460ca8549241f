/**
 * READ_ACCESS=session: every page and route handler verifies the session where it reads data.
 * Before, the proxy only checked that a `dd_session` cookie existed, so any value passed and the
 * page's data rode along in the HTML (the layout only hid it). Here every route of app/ gets a
 * forged cookie; none may answer with data. The list of routes is checked against app/, so a new
 * page or route handler must be added here.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SESSION_PORT } from "../playwright.config";
import { DEMO } from "./helpers";

const BASE = `http://127.0.0.1:${SESSION_PORT}`;

/** Every route file of app/ → a concrete URL (dynamic segments filled with ids that exist in the demo data). */
const ROUTES: Record<string, { url: string; method?: "POST" }> = {
  "page.tsx": { url: "/" },
  "agencies/page.tsx": { url: "/agencies" },
  "agencies/[id]/page.tsx": { url: "/agencies/1" },
  "reports/[id]/page.tsx": { url: "/reports/1" },
  "reports/[id]/source/route.ts": { url: "/reports/1/source" },
  "reports/[id]/original/page.tsx": { url: "/reports/1/original" },
  "scoring/manual/page.tsx": { url: "/scoring/manual" },
  "api/divisions/route.ts": { url: "/api/divisions?q=3208" },
  "api/scans/[id]/route.ts": { url: "/api/scans/1" },
  "api/scans/[id]/pages/[page]/route.ts": { url: "/api/scans/1/pages/1" },
  "regions/[id]/page.tsx": { url: "/regions/1" },
  "findings/page.tsx": { url: "/findings" },
  "coverage/page.tsx": { url: "/coverage" },
  "compare/page.tsx": { url: "/compare?agencies=1,2" },
  "check/page.tsx": { url: "/check" },
  "export/page.tsx": { url: "/export" },
  "import/page.tsx": { url: "/import" },
  "scoring/page.tsx": { url: "/scoring" },
  "scoring/[agencyId]/[year]/page.tsx": { url: "/scoring/1/2024" },
  "scoring/rubrics/page.tsx": { url: "/scoring/rubrics" },
  "scoring/rubrics/new/page.tsx": { url: "/scoring/rubrics/new" },
  "scoring/rubrics/[id]/page.tsx": { url: "/scoring/rubrics/1" },
  "scoring/rubrics/[id]/edit/page.tsx": { url: "/scoring/rubrics/1/edit" },
  "harvest/page.tsx": { url: "/harvest" },
  "admin/users/page.tsx": { url: "/admin/users" },
  "admin/audit/page.tsx": { url: "/admin/audit" },
  "api/coverage/route.ts": { url: "/api/coverage?year=2024&format=csv" },
  "api/findings/export/route.ts": { url: "/api/findings/export?format=csv" },
  "api/reports/[id]/tables/route.ts": { url: "/api/reports/1/tables?format=csv" },
  "api/scoring/ranking/route.ts": { url: "/api/scoring/ranking?format=csv" },
  "api/export/package/route.ts": { url: "/api/export/package" },
  "api/export/region-charts/route.ts": { url: "/api/export/region-charts" },
  "api/export/xlsx/route.ts": { url: "/api/export/xlsx", method: "POST" },
  "rectifications/page.tsx": { url: "/rectifications" },
  "rectifications/[id]/page.tsx": { url: "/rectifications/1" },
  "api/rectifications/export/route.ts": { url: "/api/rectifications/export?format=csv" },
  "api/rectifications/[id]/attachment/route.ts": { url: "/api/rectifications/1/attachment" },
  "api/rectifications/documents/[kind]/route.ts": { url: "/api/rectifications/documents/checkup?agency=1&year=2021" },
  "login/page.tsx": { url: "/login" },
};

function routeFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return routeFiles(p, base);
    return f === "page.tsx" || f === "route.ts" ? [path.relative(base, p).split(path.sep).join("/")] : [];
  });
}

/** Words only data carries: the demo agencies' names (the layout and sign-in page never show them). */
const DATA = /平潭|阿拉善|淮安|洪泽/;

test("the route list covers every page and route handler in app/", () => {
  expect(routeFiles(path.join(process.cwd(), "app")).sort()).toEqual(Object.keys(ROUTES).sort());
});

test("a forged session cookie reads nothing, on every route", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { cookie: "dd_session=forged-value" } });
  for (const [file, r] of Object.entries(ROUTES)) {
    if (file === "login/page.tsx") continue;
    const res =
      r.method === "POST" ? await api.post(r.url, { data: { rows: [["x"]] }, maxRedirects: 0 }) : await api.get(r.url, { maxRedirects: 0 });
    const body = await res.text();
    expect(body, `${file} leaked data with a forged cookie`).not.toMatch(DATA);
    // Either the answer is a redirect to sign-in, or the streamed page carries only the redirect.
    if (res.status() !== 307) expect(body, `${file} answered ${res.status()} without sending to /login`).toContain("/login?next=");
  }
  await api.dispose();
});

test("signed in, the same server shows the data (the check above is not vacuous)", async ({ browser }) => {
  const page = await browser.newPage({ baseURL: BASE });
  await page.goto("/login");
  const form = page.getByTestId("sign-in");
  await form.getByLabel("用户名").fill("viewer");
  await form.getByLabel("密码").fill(DEMO.viewer);
  await form.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("user-menu")).toContainText("退出");
  const res = await page.request.get("/reports/1/source");
  expect(res.status()).toBe(200);
  expect(await res.text()).toMatch(DATA);
  await page.goto("/agencies/1");
  await expect(page.locator("main")).toContainText(DATA);
  await page.close();
});

test("security headers on real responses, no X-Powered-By", async ({ request }) => {
  const res = await request.get("/login");
  const h = res.headers();
  expect(h["x-powered-by"]).toBeUndefined();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
});

test("sign-in redirects only to this site (next=/\\host, next=/%09/host)", async ({ page }) => {
  for (const next of ["/\\evil.example", "/%09/evil.example", "//evil.example"]) {
    await page.goto(`/login?next=${encodeURIComponent(next).replace("%2509", "%09")}`);
    const form = page.getByTestId("sign-in");
    await form.getByLabel("用户名").fill("viewer");
    await form.getByLabel("密码").fill(DEMO.viewer);
    await form.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("user-menu")).toContainText("退出");
    expect(new URL(page.url()).hostname).toBe("127.0.0.1");
    expect(page.url()).not.toContain("evil.example");
    await page.getByTestId("user-menu").getByRole("button", { name: "退出" }).click();
    await expect(page.getByTestId("user-menu")).toContainText("登录");
  }
});
