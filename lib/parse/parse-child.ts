/**
 * A child process that reads uploaded files (lib/parse/isolated.ts starts a few and sends them
 * work). A file that would take too long or too much memory costs this process, never the server.
 */
import { msg } from "../messages";
import { parseReportAsync, type ParseOutcome } from "./index";

interface Job {
  id: number;
  name: string;
  bytes: Uint8Array;
}

process.on("message", async (m: Job) => {
  let out: ParseOutcome;
  try {
    out = await parseReportAsync({ name: m.name, bytes: m.bytes instanceof Uint8Array ? m.bytes : new Uint8Array(m.bytes) });
  } catch {
    out = { ok: false, error: msg.errors.notReport };
  }
  process.send?.({ id: m.id, out });
});
// The server went away: so do we.
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
