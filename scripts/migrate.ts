/** npm run db:migrate: apply drizzle/ migrations to the configured database. */
import { openDatabase } from "../db/index";
import { runCli } from "./cli";

await runCli(async () => {
  const h = await openDatabase();
  await h.close();
  console.log(`迁移完成（${process.env.DATABASE_URL ? "Postgres 服务器" : "嵌入式 PGlite"}）`);
});
