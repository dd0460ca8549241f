import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../parse/index";
import { demoNarrative } from "../presentations/demo-report";
import { extractPosts } from "./posts";

const SAMPLES = path.join(process.cwd(), "data", "samples");
const textOf = (file: string) => {
  const r = parseReport({ name: file, bytes: readFileSync(path.join(SAMPLES, file)) });
  if (!r.ok) throw new Error(r.error);
  return r.report.sourceText;
};

describe("posts published (section 一)", () => {
  it("reads the 微信公众号 figure with its sentence", () => {
    const posts = extractPosts(textOf("seed-alashan-youqi-minzheng-2021.txt"));
    const wechat = posts.find((p) => p.channel === "wechat")!;
    expect(wechat.value).toBe(85);
    expect(wechat.sentence).toContain("微信公众号发布各类信息85条");
  });

  it("reads the 政府门户网站 figure and the total of 主动公开", () => {
    const posts = extractPosts(textOf("pingtan-2024.html"));
    expect(posts.find((p) => p.channel === "website")?.value).toBe(10407);
    expect(posts.find((p) => p.channel === "total")?.value).toBe(10407);
  });

  it("takes the whole, not a part, as the total (pre-2019 report)", () => {
    expect(extractPosts(textOf("pingtan-2016.html")).find((p) => p.channel === "total")?.value).toBe(3460);
    expect(extractPosts(textOf("pingtan-2019.html")).find((p) => p.channel === "total")?.value).toBe(2599);
  });

  it("reads the generated demo narrative", () => {
    const posts = extractPosts(demoNarrative("示例一市民政局", 2023, { website: 120, wechat: 30, total: 150 }));
    expect(posts).toEqual([
      expect.objectContaining({ channel: "website", value: 120 }),
      expect.objectContaining({ channel: "wechat", value: 30 }),
    ]);
  });

  it("finds nothing in text without such figures", () => {
    expect(extractPosts("一、总体情况\n本年度未收到政府信息公开申请。")).toEqual([]);
  });
});
