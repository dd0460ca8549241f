/**
 * Accounts made without the admin page: the first administrator (command line or environment on
 * first start) and, in demo mode, the demo accounts the README lists.
 */
import { eq } from "drizzle-orm";
import type { Db } from "./index";
import { countUsers, createUser } from "./queries/users";
import { agencies, regions } from "./schema";

/** Documented in the README; created only with the demo data, on an empty database. */
export const DEMO_ACCOUNTS = [
  { username: "admin", password: "demo-admin-2026", displayName: "演示管理员", role: "admin" as const },
  {
    username: "filer",
    password: "demo-filer-2026",
    displayName: "平潭填报人",
    role: "filer" as const,
    agencies: ["平潭综合实验区", "平潭综合实验区财政金融局"],
  },
  { username: "assessor", password: "demo-assessor-2026", displayName: "福建评估员", role: "assessor" as const, region: "福建省" },
  { username: "viewer", password: "demo-viewer-2026", displayName: "演示查看者", role: "viewer" as const },
];

export async function createDemoAccounts(db: Db): Promise<number> {
  if ((await countUsers(db)) > 0) return 0;
  for (const a of DEMO_ACCOUNTS) {
    const agencyIds =
      "agencies" in a && a.agencies
        ? (await Promise.all(a.agencies.map((name) => db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, name)))))
            .flat()
            .map((r) => r.id)
        : [];
    const scopeRegionId =
      "region" in a && a.region
        ? ((await db.select({ id: regions.id }).from(regions).where(eq(regions.name, a.region)))[0]?.id ?? null)
        : null;
    await createUser(db, {
      username: a.username,
      password: a.password,
      displayName: a.displayName,
      role: a.role,
      agencyIds,
      scopeRegionId,
    });
  }
  return DEMO_ACCOUNTS.length;
}

/** ADMIN_USERNAME / ADMIN_PASSWORD: the first administrator, created when there is no user yet. */
export async function createAdminFromEnv(db: Db): Promise<boolean> {
  const username = process.env.ADMIN_USERNAME;
  const password = process.env.ADMIN_PASSWORD;
  if (!username || !password || (await countUsers(db)) > 0) return false;
  await createUser(db, { username, password, displayName: process.env.ADMIN_NAME ?? username, role: "admin" });
  return true;
}
