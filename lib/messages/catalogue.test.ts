/**
 * Every word a person reads lives in lib/messages/ (and the national labels in lib/report/template.ts).
 * This walks the source and fails on a Chinese string literal, template text or JSX text anywhere
 * else, so a new page cannot slip a sentence past the catalogue.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const CJK = /[\u4e00-\u9fff]/;

/** Where Chinese is data, not wording: the reader's patterns for what documents print. */
const DATA = [
  /^lib\/messages\//,
  /^lib\/report\/template\.ts$/,
  // Patterns the reader looks for in the documents themselves (labels, dates, sentences).
  /^lib\/parse\//,
  /^lib\/report\/labels\.ts$/,
  /^lib\/checks\/narrative\.ts$/,
  // The default rubric is a record (versioned, stored in the database), written as the assessors wrote it.
  /^lib\/scoring\/default-rubric\.ts$/,
  // A font's name as Word knows it (宋体), not wording.
  /^lib\/documents\/docx\.ts$/,
  // What agencies' websites print: report titles, table headings, list-page dates, sheet column names.
  /^lib\/harvest\/(crawl|links|sheet)\.ts$/,
  // The national directory's placeholder level names (市辖区), as the data package prints them.
  /^lib\/report\/divisions\.ts$/,
];
/** Tests, fixtures and generators of made-up reports. */
const EXCLUDED = [
  /\.(test|spec)\.tsx?$/,
  /(^|\/)(testing|fixtures)\.ts$/,
  /^lib\/presentations\//,
  /^scripts\/(generate-demo|demo-tree|render-presentations|hostile-files)\.ts$/,
  /^test\//,
];

/**
 * Files that still hold wording, with how many literals: the count may only go down. Move a file's
 * strings into lib/messages/ and delete its line here.
 */
const PENDING: Record<string, number> = {
  // Patterns for what reports print (not wording): the phrases of 第一部分, agency-name endings, blank marks and units.
  "lib/dashboard/posts.ts": 6,
  "lib/report/agency.ts": 3,
  "lib/report/values.ts": 2,
  // Demo accounts' names and regions (data for the sample database).
  "db/accounts.ts": 7,
  // Benchmarks print for developers.
  "scripts/bench-hostile.ts": 7,
  "scripts/bench-pages.ts": 11,
  "scripts/bench-parse.ts": 11,
  "scripts/ocr-accuracy.ts": 7,
  "scripts/migrate.ts": 2,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** The Chinese literals in one file: string and template text, JSX text and attribute values. */
function chineseLiterals(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node) ||
      ts.isRegularExpressionLiteral(node)
    ) {
      if (CJK.test(node.text)) found.push(node.text.trim());
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("the message catalogue", () => {
  const files = ["app", "components", "lib", "db", "scripts"].flatMap(sourceFiles).filter((f) => !EXCLUDED.some((r) => r.test(f)));
  const counts = new Map(
    files.filter((f) => !DATA.some((r) => r.test(f))).map((f) => [f, chineseLiterals(f, readFileSync(path.join(ROOT, f), "utf8"))]),
  );

  it("holds every Chinese string outside the template", () => {
    const outside = [...counts]
      .filter(([f, found]) => found.length > (PENDING[f] ?? 0))
      .map(([f, found]) => `${f}: ${found.slice(0, 3).join(" | ")}`);
    expect(outside).toEqual([]);
  });

  it("keeps the pending list true (no entry for a file already clean)", () => {
    const stale = Object.keys(PENDING).filter((f) => !counts.get(f)?.length);
    expect(stale).toEqual([]);
  });

  it("finds string, template, JSX and regular-expression text", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text with a template literal in it.
    const sample = 'const a = "甲"; const b = `乙${a}`; const c = <p>丙</p>; const d = /丁/; const e = "ascii";';
    expect(chineseLiterals("x.tsx", sample)).toEqual(["甲", "乙", "丙", "/丁/"]);
  });
});
