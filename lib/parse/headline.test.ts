import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "../../test/fixtures";
import { extractHeadline } from "./headline";
import { parseReport, toContractJson } from "./index";
import { readText } from "./text";

const headline = (file: string) => {
  const out = parseReport({ name: file, bytes: readFileSync(path.join(SAMPLES, file)) });
  if (!out.ok) throw new Error(out.error);
  return out.report;
};
const values = (r: ReturnType<typeof headline>) => Object.fromEntries(r.headline.map((h) => [h.key, h.value]));

describe("headline figures of pre-2019 reports (data/expected/pingtan-201[678].json notes)", () => {
  it.each([
    ["pingtan-2016.html", 3460],
    ["pingtan-2017.html", 2122],
    ["pingtan-2018.html", 2069],
  ])("%s: 主动公开 %i 条, no requests, no review, no suit", (file, proactive) => {
    const r = headline(file);
    expect(r.format).toBe("pre2019");
    expect(values(r)).toEqual({ proactive, requests_received: 0, requests_answered: 0, reviews: 0, suits: 0 });
    const p = r.headline.find((h) => h.key === "proactive")!;
    expect(p.sentence).toContain(`全区主动公开政府信息${proactive}条`);
    expect(p.source).toBe("text");
    expect(r.headline.find((h) => h.key === "requests_received")!.sentence).toMatch(/未收到有关政府信息公开申请/);
    // The 答复 count is only in the 统计表: its row is the source.
    expect(r.headline.find((h) => h.key === "requests_answered")).toMatchObject({
      source: "table",
      sentence: expect.stringContaining("对申请的答复总数"),
    });
  });

  it("is in the parse --json output", () => {
    const json = toContractJson(headline("pingtan-2016.html"));
    expect(json.headline).toContainEqual(expect.objectContaining({ key: "proactive", value: 3460 }));
  });

  it("reads later reports' prose too, and never a category or a part as the total", () => {
    expect(values(headline("pingtan-2019.html")).proactive).toBe(2599); // not 其他应主动公开政府信息856条
    expect(values(headline("pingtan-2021.html"))).toMatchObject({ requests_received: 70, requests_answered: 69 });
    expect(values(headline("pingtan-2025.html"))).toMatchObject({ requests_received: 154, requests_answered: 148, reviews: 36, suits: 9 });
  });

  it("leaves out what is not a count of requests", () => {
    const doc = readText("截至目前共收到15564件咨询投诉件，已办结15042件。\n其中，各乡镇主动公开政府信息1638条。");
    expect(extractHeadline(doc.lines)).toEqual([]);
  });
});
