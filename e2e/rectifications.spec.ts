/**
 * From finding to fix, in the browser: an assessor opens 整改事项 from /findings, the filer answers
 * by importing a corrected report (data/samples/pingtan-2020.html with 部分公开 corrected, in
 * e2e/fixtures), the finding disappears, the assessor closes the item. A viewer and a filer of
 * another agency replaying the filer's answer are refused.
 */
import path from "node:path";
import { expect, test, type Browser, type Page, type Request } from "@playwright/test";
import { signIn } from "./helpers";
import { CORRECTED_NAME, correctedPingtan2020 } from "../test/corrected-report";

const FINDING = "表三 自然人列：办理结果各项合计 26";

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, saved: RegExp) {
  await page.goto("/import");
  await page.getByLabel("或上传文件").setInputFiles(file);
  await page.getByRole("button", { name: "预览" }).click();
  await page.getByTestId("import-preview").getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
}

async function as(browser: Browser, user: Parameters<typeof signIn>[1]) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, user);
  return { ctx, page };
}

test("an assessor opens items from /findings, the filer imports a corrected report and answers, the assessor closes the item; others are refused", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // A filer of another agency (阿拉善右旗民政局), made by the administrator.
  const admin = await as(browser, "admin");
  await admin.page.goto("/admin/users");
  const create = admin.page.getByTestId("create-user");
  await create.getByLabel("用户名").fill("nm-filer-e2e");
  await create.getByLabel("姓名").fill("阿右旗填报人");
  await create.getByLabel("初始密码").fill("password-e2e-1");
  await create.getByLabel("角色").selectOption("filer");
  await create.getByLabel("范围：单位").selectOption({ label: "阿拉善右旗民政局" });
  await create.getByRole("button", { name: "创建用户" }).click();
  await expect(create.getByRole("status")).toContainText("已");
  // The demo report as published (an earlier spec corrects one of its cells).
  await importFile(admin.page, path.join(process.cwd(), "data", "samples", "pingtan-2020.html"), /已替换 平潭综合实验区 2020 年度报告/);
  await admin.ctx.close();

  // The assessor ticks one finding, then opens the rest of the filtered set in one go.
  const assessor = await as(browser, "assessor");
  const ap = assessor.page;
  await ap.goto("/findings?severity=error&year=2020");
  await expect(ap.getByTestId("findings-total")).toContainText("共 2 条");
  await ap.getByRole("checkbox", { name: new RegExp(FINDING) }).check();
  const openForm = ap.getByTestId("rect-open-form");
  await openForm.getByLabel("整改期限").fill("2030-06-30");
  await openForm.getByLabel("整改要求（可不填）").fill("请核实办理结果并更正");
  await openForm.getByRole("button", { name: "为勾选的发现下发整改事项" }).click();
  await expect(ap.getByTestId("rect-open-result")).toHaveText("已下发 1 项整改事项");
  await openForm.getByRole("button", { name: /为当前筛选出的全部发现下发/ }).click();
  await expect(ap.getByTestId("rect-open-result")).toHaveText("已下发 1 项整改事项；1 条发现已有整改事项，未重复下发");

  await ap.goto("/rectifications?status=open");
  await expect(ap.getByTestId("rect-total")).toHaveText("共 2 项");
  const itemLink = ap.getByTestId("rect-list").getByRole("link", { name: new RegExp(FINDING) });
  const itemUrl = new URL((await itemLink.getAttribute("href"))!, ap.url()).pathname;
  await ap.goto("/");
  await expect(ap.getByTestId("rect-by-agency")).toContainText("平潭综合实验区");

  // The filer's own list; answering "corrected" before importing is refused — that request is kept.
  const filer = await as(browser, "filer");
  const fp = filer.page;
  await fp.goto("/rectifications?mine=1&status=open");
  await expect(fp.getByTestId("rect-total")).toHaveText("共 2 项");
  await fp.goto(itemUrl);
  await expect(fp.getByTestId("data-status")).toHaveText(/发现仍在/);
  const form = fp.getByTestId("rect-respond-form");
  const captured = new Promise<Request>((resolve) =>
    fp.on("request", (r) => r.method() === "POST" && r.headers()["next-action"] && resolve(r)),
  );
  await form.getByLabel("说明", { exact: true }).fill("已更正部分公开件数并重新发布");
  await form.getByRole("button", { name: "提交反馈" }).click();
  await expect(fp.getByTestId("rect-respond-result")).toContainText("请先在“导入”页导入更正后的报告");
  const request = await captured;
  const { cookie: _filerCookie, ...headers } = request.headers();
  const body = request.postDataBuffer()!;

  // A viewer and the other agency's filer see no form, and replaying the answer is refused.
  for (const [user, password, refusal] of [
    ["viewer", null, "您的角色无权反馈整改事项"],
    ["nm-filer-e2e", "password-e2e-1", "该单位不在您的权限范围内，无法反馈整改事项"],
  ] as const) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    if (password) {
      await page.goto("/login");
      await page.getByTestId("sign-in").getByLabel("用户名").fill(user);
      await page.getByTestId("sign-in").getByLabel("密码").fill(password);
      await page.getByTestId("sign-in").getByRole("button", { name: "登录" }).click();
      await expect(page.getByTestId("user-menu")).toContainText("退出");
    } else await signIn(page, "viewer");
    await page.goto(itemUrl);
    await expect(page.getByTestId("rect-history")).toBeVisible();
    await expect(page.getByTestId("rect-respond-form")).toHaveCount(0);
    await expect(page.getByTestId("rect-review-forms")).toHaveCount(0);
    const forged = await page.request.post(request.url(), { headers, data: body });
    expect(await forged.text()).toContain(refusal);
    await ctx.close();
  }

  // The filer imports the corrected report: the checks re-run and the finding is gone.
  await importFile(
    fp,
    { name: CORRECTED_NAME, mimeType: "text/html", buffer: correctedPingtan2020() },
    /已替换 平潭综合实验区 2020 年度报告/,
  );
  await fp.goto(itemUrl);
  await expect(fp.getByTestId("data-status")).toHaveText(/发现已消除/);
  await form.getByLabel("说明", { exact: true }).fill("已更正部分公开件数并重新发布");
  await form.getByRole("button", { name: "提交反馈" }).click();
  // The page re-renders with the answer: the form gives way to the new state and the history.
  await expect(fp.locator(".rect-badge")).toHaveText("已反馈");
  await expect(fp.getByTestId("rect-history")).toContainText("已更正并重新发布——已更正部分公开件数并重新发布");

  // The assessor sees the finding gone from /findings and closes the item.
  await ap.goto("/findings?severity=error&year=2020");
  await expect(ap.getByTestId("findings-total")).toContainText("共 0 条");
  await ap.goto(itemUrl);
  await expect(ap.getByTestId("data-status")).toHaveText(/发现已消除/);
  await ap.getByTestId("rect-review-forms").getByRole("button", { name: "复核通过" }).click();
  await expect(ap.locator(".rect-badge")).toHaveText("已复核");
  await expect(ap.getByTestId("rect-history")).toContainText("复核通过");

  // Put the demo report back as it was for the specs that follow.
  await importFile(fp, path.join(process.cwd(), "data", "samples", "pingtan-2020.html"), /已替换 平潭综合实验区 2020 年度报告/);
  await filer.ctx.close();
  await assessor.ctx.close();
});

test("the documents download: 整改通知书 and 体检报告 as Word, the 体检报告 as PDF, the 通报 as Word and Excel", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await page.getByTestId("agency-list").getByRole("link", { name: "平潭综合实验区", exact: true }).click();
  await page.waitForURL(/\/agencies\/\d+/);
  const agencyId = /\/agencies\/(\d+)/.exec(page.url())![1];
  const notice = await request.get(`/api/rectifications/documents/notice?agency=${agencyId}`);
  expect(notice.headers()["content-type"]).toContain("wordprocessingml");
  expect((await notice.body()).subarray(0, 2).toString()).toBe("PK");
  const pdf = await request.get(`/api/rectifications/documents/checkup?agency=${agencyId}&year=2020&format=pdf`, { timeout: 120_000 });
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const regionId = /\/regions\/(\d+)/.exec((await page.getByRole("link", { name: /地区合计/ }).getAttribute("href"))!)![1];
  const bulletin = await request.get(`/api/rectifications/documents/bulletin?region=${regionId}&format=xlsx`);
  expect(bulletin.headers()["content-type"]).toContain("spreadsheetml");
  const bulletinDocx = await request.get(`/api/rectifications/documents/bulletin?region=${regionId}`);
  expect(bulletinDocx.headers()["content-type"]).toContain("wordprocessingml");
  const missing = await request.get(`/api/rectifications/documents/checkup?agency=${agencyId}&year=2001`);
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toBe("该单位该年度没有年度报告");
});
