import { expect, type Page } from "@playwright/test";

/** The demo accounts (db/accounts.ts, listed in the README). */
export const DEMO = {
  admin: "demo-admin-2026",
  filer: "demo-filer-2026",
  assessor: "demo-assessor-2026",
  viewer: "demo-viewer-2026",
} as const;

export async function signIn(page: Page, user: keyof typeof DEMO) {
  await page.goto("/login");
  const form = page.getByTestId("sign-in");
  await form.getByLabel("用户名").fill(user);
  await form.getByLabel("密码").fill(DEMO[user]);
  await form.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("user-menu")).toContainText("退出");
}

export async function signOut(page: Page) {
  await page.getByTestId("user-menu").getByRole("button", { name: "退出" }).click();
  await expect(page.getByTestId("user-menu")).toContainText("登录");
}
