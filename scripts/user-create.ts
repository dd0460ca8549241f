/**
 * npm run user:create -- --username NAME --password PW [--role admin|assessor|filer|viewer]
 *   [--name 显示名] [--region 地区名] [--agency 单位名 ...]
 * Creates an account in the configured database (the first administrator, typically).
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { openDatabase } from "../db/index";
import { createUser } from "../db/queries/users";
import { recordAudit } from "../db/queries/audit";
import { ROLES, agencies, regions } from "../db/schema";
import { runCli } from "./cli";

import { msg } from "../lib/messages";

const argv = process.argv.slice(2);
const one = (k: string) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const many = (k: string) => argv.flatMap((a, i) => (a === `--${k}` && argv[i + 1] ? [argv[i + 1]] : []));

const input = z
  .object({
    username: z.string({ message: msg.cli.needUsername }).min(1).max(100),
    password: z.string({ message: msg.cli.needPassword }).min(8, msg.cli.passwordMin),
    role: z.enum(ROLES, { message: msg.cli.roleFlag }).default("admin"),
    name: z.string().optional(),
    region: z.string().optional(),
  })
  .safeParse({ username: one("username"), password: one("password"), role: one("role"), name: one("name"), region: one("region") });
if (!input.success) {
  console.error(input.error.issues.map((i) => i.message).join("；"));
  console.error(msg.cli.userUsage);
  process.exit(2);
}

await runCli(async () => {
  const h = await openDatabase();
  try {
    const v = input.data;
    const agencyIds: number[] = [];
    for (const name of many("agency")) {
      const [a] = await h.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, name));
      if (!a) throw new Error(msg.cli.noAgencyNamed(name));
      agencyIds.push(a.id);
    }
    let scopeRegionId: number | null = null;
    if (v.region) {
      const [r] = await h.db.select({ id: regions.id }).from(regions).where(eq(regions.name, v.region));
      if (!r) throw new Error(msg.cli.regionNotFound(v.region));
      scopeRegionId = r.id;
    }
    const u = await createUser(h.db, {
      username: v.username,
      password: v.password,
      role: v.role,
      displayName: v.name ?? v.username,
      agencyIds,
      scopeRegionId,
    });
    await recordAudit(h.db, {
      actor: null,
      action: "user.create",
      target: `user:${u.id}`,
      after: { username: u.username, role: u.role, scopeRegionId, agencyIds },
    });
    console.log(msg.cli.userCreated(u.username, v.role));
  } finally {
    await h.close();
  }
});
