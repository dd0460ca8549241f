/** Shared CLI plumbing: one Chinese line on stderr and a non-zero exit for expected failures. */
import { DatabaseBusyError } from "../db/index";
import { msg } from "../lib/messages";

// biome-ignore lint/suspicious/noConfusingVoidType: a main that returns nothing exits 0, one that returns a number exits with it.
export async function runCli(main: () => Promise<void | number>): Promise<never> {
  try {
    const code = await main();
    process.exit(typeof code === "number" ? code : 0);
  } catch (e) {
    if (e instanceof DatabaseBusyError) console.error(msg.errors.dbBusy);
    else console.error(msg.cli.failed((e as Error).message));
    process.exit(1);
  }
}
