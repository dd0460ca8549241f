/**
 * Fuzz: thousands of random mutations of the shipped reports (byte flips, truncation, shuffled,
 * doubled and dropped lines, stray pipes, spaces and digits) go through the parser's API. It must
 * answer every one — a report or a Chinese message — without throwing and within a time bound.
 * The seed is fixed, so a failure names an iteration that reproduces.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { makeRng } from "../random";
import { describe, expect, it } from "vitest";
import { SAMPLES, SHARED_FIXTURES } from "../../test/fixtures";
import { parseReport, parseReportAsync, type ParseOutcome } from "./index";

const SEED = 20261102;
const TEXT_ITERATIONS = 1500;
const HTML_ITERATIONS = 600;
const BINARY_ITERATIONS = 40;
/** Per call: generous for a loaded CI machine; a hang (exponential split, runaway regex) is far beyond it. */
const CALL_MS = 3000;

const rnd = makeRng(SEED);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];

const TEXT_FILES = [
  ...readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => path.join(SAMPLES, f)),
  ...(existsSync(path.join(SHARED_FIXTURES, "reports"))
    ? readdirSync(path.join(SHARED_FIXTURES, "reports"))
        .filter((f) => f.endsWith("-layout.txt") || f.endsWith(".md"))
        .map((f) => path.join(SHARED_FIXTURES, "reports", f))
    : []),
];
const HTML_FILES = readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".html"))
  .map((f) => path.join(SAMPLES, f));
const DOCX = path.join(SHARED_FIXTURES, "reports", "template-2021-blank.docx");

const INSERTS = [
  "|",
  " | ",
  "  ",
  "\t",
  "0",
  "7",
  "123",
  "8855698",
  "（",
  "）",
  "、",
  "一、",
  "（七）总计",
  "<td>",
  "</tr>",
  "<table>",
  "&nbsp;",
  "\u3000",
  "—",
  "/",
  "\r",
  "<p>",
];

function mutateLines(text: string): string {
  let lines = text.split("\n");
  const ops = 1 + int(6);
  for (let k = 0; k < ops; k++) {
    const i = int(lines.length);
    switch (int(6)) {
      case 0: // swap two lines
        [lines[i], lines[int(lines.length)]] = [lines[int(lines.length)], lines[i]];
        break;
      case 1: // duplicate a run
        lines.splice(i, 0, ...lines.slice(i, i + 1 + int(5)));
        break;
      case 2: // delete a run
        lines.splice(i, 1 + int(8));
        break;
      case 3: // shuffle a window
        {
          const w = lines.slice(i, i + 2 + int(10));
          for (let j = w.length - 1; j > 0; j--) {
            const r = int(j + 1);
            [w[j], w[r]] = [w[r], w[j]];
          }
          lines.splice(i, w.length, ...w);
        }
        break;
      case 4: // truncate
        lines = lines.slice(0, i + 1);
        break;
      default: // a line of digits and pipes
        lines.splice(i, 0, Array.from({ length: 1 + int(20) }, () => String(int(100000))).join(pick(["|", " ", " | ", ""])));
    }
  }
  return lines.join("\n");
}

function mutateChars(text: string): string {
  let s = text;
  const ops = 1 + int(12);
  for (let k = 0; k < ops; k++) {
    const i = int(s.length + 1);
    switch (int(4)) {
      case 0:
        s = s.slice(0, i) + pick(INSERTS) + s.slice(i);
        break;
      case 1:
        s = s.slice(0, i) + s.slice(i + 1 + int(40));
        break;
      case 2: // a long digit run: the splitter's worst case
        s = s.slice(0, i) + Array.from({ length: 10 + int(60) }, () => int(10)).join("") + s.slice(i);
        break;
      default:
        s = s.slice(0, i) + String.fromCharCode(int(0x3000)) + s.slice(i + 1);
    }
  }
  return s;
}

function flipBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.slice(0, int(4) === 0 ? int(bytes.length + 1) : bytes.length));
  const flips = 1 + int(30);
  for (let k = 0; k < flips && out.length; k++) out[int(out.length)] = int(256);
  return out;
}

function mutate(text: string): Uint8Array {
  const r = int(10);
  if (r < 4) return new TextEncoder().encode(mutateLines(text));
  if (r < 8) return new TextEncoder().encode(mutateChars(r < 6 ? text : mutateLines(text)));
  return flipBytes(new TextEncoder().encode(text));
}

function wellFormed(out: ParseOutcome) {
  if (out.ok) {
    for (const v of Object.values(out.report.cells)) expect(v === null || Number.isFinite(v)).toBe(true);
    expect(["2021", "2019", "pre2019"]).toContain(out.report.format);
  } else {
    expect(out.error).toMatch(/[\u4e00-\u9fff]/);
  }
}

const stats = { calls: 0, ok: 0, refused: 0, maxMs: 0, totalMs: 0 };

function record(t0: number) {
  const ms = performance.now() - t0;
  stats.calls++;
  stats.totalMs += ms;
  stats.maxMs = Math.max(stats.maxMs, ms);
  expect(ms).toBeLessThan(CALL_MS);
}
function timed<T>(fn: () => T): T {
  const t0 = performance.now();
  const r = fn();
  record(t0);
  return r;
}
async function timedAsync<T>(fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  record(t0);
  return r;
}

describe("fuzz: the parser answers every mutation of the fixtures", () => {
  const texts = TEXT_FILES.map((f) => ({ name: path.basename(f), text: readFileSync(f, "utf8") }));
  const pages = HTML_FILES.map((f) => ({ name: path.basename(f), text: readFileSync(f, "utf8") }));

  it(`text, pipe, markdown and layout text: ${TEXT_ITERATIONS} mutations`, () => {
    expect(texts.length).toBeGreaterThan(0);
    for (let n = 0; n < TEXT_ITERATIONS; n++) {
      const src = pick(texts);
      const bytes = mutate(src.text);
      let out: ParseOutcome | undefined;
      try {
        out = timed(() => parseReport({ name: src.name, bytes }));
      } catch (e) {
        throw new Error(`iteration ${n} (${src.name}) threw: ${(e as Error).stack}`);
      }
      wellFormed(out);
      if (out.ok) stats.ok++;
      else stats.refused++;
    }
  }, 120_000);

  it(`web pages: ${HTML_ITERATIONS} mutations`, async () => {
    for (let n = 0; n < HTML_ITERATIONS; n++) {
      const src = pick(pages);
      const bytes = mutate(src.text);
      let out: ParseOutcome | undefined;
      try {
        // Alternate the two entry points: parseReportAsync is what the importer calls.
        out =
          n % 2 ? timed(() => parseReport({ name: src.name, bytes })) : await timedAsync(() => parseReportAsync({ name: src.name, bytes }));
      } catch (e) {
        throw new Error(`iteration ${n} (${src.name}) threw: ${(e as Error).stack}`);
      }
      wellFormed(out);
      if (out.ok) stats.ok++;
      else stats.refused++;
    }
  }, 180_000);

  it.skipIf(!existsSync(DOCX))(
    `Word: ${BINARY_ITERATIONS} corrupted .docx files`,
    async () => {
      const docx = new Uint8Array(readFileSync(DOCX));
      for (let n = 0; n < BINARY_ITERATIONS; n++) {
        const bytes = flipBytes(docx);
        wellFormed(await timedAsync(() => parseReportAsync({ name: "x.docx", bytes })));
      }
    },
    60_000,
  );

  it("prints what it did", () => {
    console.log(
      `fuzz: ${stats.calls} timed calls, ${stats.ok} read as reports, ${stats.refused} refused with a message; max ${stats.maxMs.toFixed(1)} ms, mean ${(stats.totalMs / Math.max(1, stats.calls)).toFixed(2)} ms`,
    );
    expect(stats.calls).toBeGreaterThan(2000);
  });
});
