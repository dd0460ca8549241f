/**
 * 平潭综合实验区 2020 as republished after 整改: data/samples/pingtan-2020.html with 表三 “部分公开”
 * (自然人 and 总计) changed from 6 to 0, which removes both 办理结果之和 errors. Made from the sample
 * here rather than kept as a second 2,700-line copy of the page.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** Lines of the sample that print the two cells (checked, so a changed sample fails loudly). */
const CELL_LINES = [931, 967];
const PRINTED = /(mso-font-kerning:1\.0000pt;">)6(<\/span>)/;

export const CORRECTED_NAME = "pingtan-2020-corrected.html";

export function correctedPingtan2020(): Buffer {
  const lines = readFileSync(path.join(process.cwd(), "data", "samples", "pingtan-2020.html"), "utf8").split("\n");
  for (const n of CELL_LINES) {
    if (!PRINTED.test(lines[n - 1])) throw new Error(`pingtan-2020.html line ${n} no longer prints the 部分公开 6`);
    lines[n - 1] = lines[n - 1].replace(PRINTED, "$10$2");
  }
  return Buffer.from(lines.join("\n"), "utf8");
}
