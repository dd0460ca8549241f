/**
 * npm run setup:ocr — the OCR engine for scanned reports, from Debian's packages: tesseract-ocr,
 * its simplified-Chinese model tesseract-ocr-chi-sim, the English model tesseract-ocr-eng (the
 * digits-only second read of table figures), and poppler-utils (pdftoppm). Installed with
 * apt-get when missing (as root, or through sudo -n); npm test calls this before the unit tests.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { msg } from "../lib/messages";

export const OCR_PACKAGES = ["tesseract-ocr", "tesseract-ocr-chi-sim", "tesseract-ocr-eng", "poppler-utils"];

const has = (cmd: string) => spawnSync("sh", ["-c", cmd], { encoding: "utf8" }).status === 0;
const ready = () => {
  const langs = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" }).stdout?.split(/\s+/) ?? [];
  return has("command -v pdftoppm") && langs.includes("chi_sim") && langs.includes("eng");
};

/** true when the engine is there (already, or after installing it). */
export function ensureOcr(): boolean {
  if (ready()) return true;
  if (!has("command -v apt-get")) {
    console.error(msg.cli.ocrMissing(OCR_PACKAGES));
    return false;
  }
  console.log(msg.cli.ocrInstalling(OCR_PACKAGES));
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const pre = root ? ["apt-get"] : ["sudo", "-n", "apt-get"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync(pre[0], [...pre.slice(1), "update", "-qq"], { stdio: "inherit", env });
  spawnSync(pre[0], [...pre.slice(1), "install", "-y", "-qq", ...OCR_PACKAGES], { stdio: "inherit", env });
  if (ready()) return true;
  console.error(msg.cli.ocrInstallFailed(OCR_PACKAGES));
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ok = ensureOcr();
  if (ok) console.log(msg.cli.ocrReady);
  process.exit(ok ? 0 : 1);
}
