/** npm run db:migrate: apply drizzle/ migrations to the configured database. */
import { openDatabase } from "../db/index";
import { runCli } from "./cli";

import { msg } from "../lib/messages";

await runCli(async () => {
  const h = await openDatabase();
  await h.close();
  console.log(msg.cli.migrated(process.env.DATABASE_URL ? "Postgres 服务器" : "嵌入式 PGlite"));
});
