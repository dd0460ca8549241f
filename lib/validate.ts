/**
 * What a person reads when input is refused. Our schemas carry Chinese messages from the catalogue;
 * zod's own defaults are English ("Invalid input: expected number") and say nothing useful to a
 * user, so any message without Chinese in it becomes the catalogue's general one.
 */
import { msg } from "./messages";

const CJK = /[\u3400-\u9fff]/;

export function issuesMessage(issues: readonly { message: string }[]): string {
  const out = [...new Set(issues.map((i) => (CJK.test(i.message) ? i.message : msg.errors.invalidInput)))];
  return out.join("；") || msg.errors.invalidInput;
}
