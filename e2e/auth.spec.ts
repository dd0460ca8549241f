import path from "node:path";
import { expect, test, type Page, type Request } from "@playwright/test";
import { signIn, signOut } from "./helpers";

async function openReport(page: Page, agency: string, year: number) {
  await page.goto("/");
  await page.getByTestId("agency-list").getByRole("link", { name: agency, exact: true }).click();
  await page
    .getByTestId("report-list")
    .getByRole("link", { name: `${year} 年度` })
    .click();
  // The agency page stays until the report page has rendered (no route-level loading page).
  await page.waitForURL(/\/reports\/\d+/);
  await page.getByTestId("report-meta").waitFor();
}

test("an administrator signs in, imports, corrects a cell, reviews a finding, signs out; the audit log has it all", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "导入年报" })).toHaveCount(0);
  await signIn(page, "admin");

  await page.getByRole("link", { name: "导入年报" }).click();
  await page.getByLabel("或上传文件").setInputFiles(path.join(process.cwd(), "data", "samples", "pingtan-czj-2024.html"));
  await page.getByRole("button", { name: "预览" }).click();
  await page.getByTestId("import-preview").getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已替换 平潭综合实验区财政金融局 2024 年度报告");

  await openReport(page, "阿拉善右旗民政局", 2021);
  await page.locator('td[data-key="t2.licensing.decisions"]').click();
  const form = page.getByTestId("correct-cell");
  await expect(form).toContainText("表二 行政许可·本年处理决定数量");
  await form.getByLabel("新值（留空表示空白）").fill("5");
  await form.getByLabel("更正原因").fill("核对原件");
  await form.getByRole("button", { name: "保存更正" }).click();
  await expect(form.getByRole("status")).toContainText("已更正");

  const item = page.getByTestId("findings").getByRole("listitem").filter({ hasText: "表三 总计列" });
  await item.getByRole("button", { name: "审核" }).click();
  await item.getByRole("button", { name: "排除" }).click();
  await expect(item).toContainText("已排除（演示管理员");

  await page.getByRole("link", { name: "操作记录" }).click();
  const audit = page.getByTestId("audit");
  await expect(audit).toContainText("导入年报（替换）");
  await expect(audit).toContainText("更正单元格");
  await expect(audit).toContainText("审核发现");
  // Readable before → after, no JSON and no internal ids (issue 15).
  const correction = audit.getByRole("row").filter({ hasText: "更正单元格" }).first();
  await expect(correction).toContainText("单元格：表二 行政许可·本年处理决定数量");
  await expect(correction).toContainText("数值：4 → 5");
  await expect(correction).toContainText("理由：（无） → 核对原件");
  await expect(audit).not.toContainText('"value"');
  await expect(audit).not.toContainText("t2.licensing");
  await signOut(page);
  await expect(page.getByRole("link", { name: "操作记录" })).toHaveCount(0);
});

test("a viewer sees no writing controls, and a forged or cross-site request is refused", async ({ page, browser }) => {
  // Record a real review request made by an assessor…
  const assessor = await browser.newContext();
  const ap = await assessor.newPage();
  await signIn(ap, "assessor");
  await openReport(ap, "平潭综合实验区", 2024);
  const item = ap.getByTestId("findings").getByRole("listitem").first();
  await item.getByRole("button", { name: "审核" }).click();
  const captured = new Promise<Request>((resolve) =>
    ap.on("request", (r) => r.method() === "POST" && r.headers()["next-action"] && resolve(r)),
  );
  await item.getByRole("button", { name: "确认问题" }).click();
  const request = await captured;
  await expect(item).toContainText("已确认（福建评估员");
  await item.getByRole("button", { name: "撤销" }).click();
  await expect(item.getByRole("button", { name: "审核" })).toBeVisible();
  const body = request.postDataBuffer()!;
  // The assessor's session cookie stays behind: the replay carries the viewer's.
  const { cookie: _assessorCookie, ...headers } = request.headers();
  await assessor.close();

  // …then a viewer, who sees no controls, replays it.
  await signIn(page, "viewer");
  await expect(page.getByRole("link", { name: "导入年报" })).toHaveCount(0);
  await page.goto("/import");
  await expect(page.getByTestId("import-refused")).toContainText("不能导入年报");
  await openReport(page, "平潭综合实验区", 2024);
  await expect(page.getByRole("button", { name: "审核" })).toHaveCount(0);
  await expect(page.getByTestId("correct-hint")).toHaveCount(0);

  const forged = await page.request.post(request.url(), { headers, data: body });
  expect(await forged.text()).toContain("您的角色无权审核核对发现");

  // A post from another site is refused before the action runs, even with the assessor's form.
  const crossSite = await page.request.post(request.url(), { headers: { ...headers, origin: "http://evil.example" }, data: body });
  expect(crossSite.ok() && (await crossSite.text()).includes("已确认")).toBe(false);

  await page.reload();
  await expect(page.getByTestId("findings")).not.toContainText("已确认");
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  const form = page.getByTestId("sign-in");
  await form.getByLabel("用户名").fill("viewer");
  await form.getByLabel("密码").fill("not-the-password");
  await form.getByRole("button", { name: "登录" }).click();
  await expect(form).toContainText("用户名或密码错误");
});
