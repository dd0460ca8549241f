/**
 * Runs once when the server starts: apply migrations and, on an empty database, load the demo
 * reports — so `npm start` on a fresh clone opens on real data.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db/index");
  const { seedDemoIfEmpty } = await import("./db/seed");
  const db = await getDb();
  const n = await seedDemoIfEmpty(db);
  if (n > 0) console.log(`已载入 ${n} 份示例年报`);
}
