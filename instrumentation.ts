/**
 * Runs once when the server starts: apply migrations; create the first administrator from
 * ADMIN_USERNAME / ADMIN_PASSWORD if there is no user; and on an empty database load the demo
 * reports with their demo accounts — so `npm start` on a fresh clone opens on real data.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db/index");
  const { seedDemoIfEmpty } = await import("./db/seed");
  const { createAdminFromEnv, createDemoAccounts } = await import("./db/accounts");
  const db = await getDb();
  if (await createAdminFromEnv(db)) console.log(`已创建管理员账号 ${process.env.ADMIN_USERNAME}`);
  const n = await seedDemoIfEmpty(db);
  if (n > 0) {
    console.log(`已载入 ${n} 份示例年报`);
    // The demo passwords are printed in the README: never on a server others can reach.
    const { isLoopbackHost } = await import("./lib/auth/client-address");
    if (!isLoopbackHost()) console.log("看板对外提供服务（HOST 不是本机地址），未创建演示账号：请用 npm run user:create 或 ADMIN_USERNAME / ADMIN_PASSWORD 创建管理员");
    else if ((await createDemoAccounts(db)) > 0) console.log("已创建演示账号（见 README“用户与权限”）");
  }
}
