/**
 * Runs once when the server starts: apply migrations; create the first administrator from
 * ADMIN_USERNAME / ADMIN_PASSWORD if there is no user; and on an empty database load the demo
 * reports with their demo accounts — so `npm start` on a fresh clone opens on real data. Each step
 * says what it does, in Chinese (lib/messages startup), so a slow first start is not a silent one.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { msg } = await import("./lib/messages");
  const say = msg.startup;
  const { getHandle } = await import("./db/index");
  const { seedDemoIfEmpty } = await import("./pipeline/seed");
  const { createAdminFromEnv, createDemoAccounts } = await import("./db/accounts");
  console.log(say.migrating);
  const handle = await getHandle();
  const db = handle.db;
  // Instances started together against one database: the first does this, the others wait for it
  // and then find the administrator and the reports already there.
  await handle.exclusive("first-start", async () => {
    if (await createAdminFromEnv(db)) console.log(say.admin(process.env.ADMIN_USERNAME ?? ""));
    const n = await seedDemoIfEmpty(
      db,
      () => console.log(say.seeding),
      (done, total, file) => console.log(say.seedProgress(done, total, file)),
    );
    if (n > 0) {
      console.log(say.seeded(n));
      // The demo passwords are printed in the README: never on a server others can reach.
      const { isLoopbackHost } = await import("./lib/auth/client-address");
      if (!isLoopbackHost()) console.log(say.noDemoAccounts);
      else if ((await createDemoAccounts(db)) > 0) console.log(say.accounts);
    }
  });
  // Background work (scans, harvests, schedules) runs in every instance; the job table hands each job to one.
  const { startJobRunner } = await import("./db/jobs");
  startJobRunner(db);
}
