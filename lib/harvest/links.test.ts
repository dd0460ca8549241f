import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gatesFor, pageHoldsReport, siteOf, decodePage } from "./crawl";
import { attachments, extractLinks, nextPages, printedDate, reportLinks, reportYearOf } from "./links";

const site = (p: string) => readFileSync(`data/harvest-site/${p}`);
const BASE = "http://www.pingtan.gov.cn/pingtan/zfxxgknb/index.htm";

describe("reading agencies' list and report pages", () => {
  it("picks report links with their year, not notices or work plans about reports", () => {
    expect(reportYearOf("平潭综合实验区2024年度政府信息公开工作年度报告")).toBe(2024);
    expect(reportYearOf("洪泽区人民政府 2023 年政府信息公开年报")).toBe(2023);
    expect(reportYearOf("关于做好2024年度政府信息公开工作年度报告编制发布工作的通知")).toBeNull();
    expect(reportYearOf("平潭综合实验区2024年政务公开工作要点")).toBeNull();
    expect(reportYearOf("政府信息公开工作年度报告")).toBeNull();
    const links = reportLinks(extractLinks(decodePage(site("pingtan/zfxxgknb/index.htm")), BASE));
    expect(links.map((l) => [l.year, l.listedOn])).toEqual([
      [2025, "2026-03-13"],
      [2024, "2025-03-10"],
    ]);
    expect(links[0].url).toBe("http://www.pingtan.gov.cn/pingtan/zfxxgknb/202603/t20260313_105587.htm");
  });

  it("finds the next pages: TRS createPageHTML and 下一页 links", () => {
    expect(nextPages(decodePage(site("pingtan/zfxxgknb/index.htm")), BASE)).toEqual([
      "http://www.pingtan.gov.cn/pingtan/zfxxgknb/index_1.htm",
    ]);
    expect(nextPages(decodePage(site("pingtan/zfxxgknb/index_1.htm")), BASE.replace("index.htm", "index_1.htm"))).toEqual([]);
    expect(nextPages(`<a href="list_3.html">下一页</a><a href="list_1.html">上一页</a>`, "http://x.gov.cn/a/list_2.html")).toEqual([
      "http://x.gov.cn/a/list_3.html",
    ]);
    expect(nextPages(`<script>createPageHTML(5, 2, "index", "shtml");</script>`, "http://x.gov.cn/nb/index_2.shtml")).toEqual([
      "http://x.gov.cn/nb/index_3.shtml",
    ]);
  });

  it("reads the printed date and the attachments of a report page", () => {
    const wrapper = decodePage(site("hongze/xxgk/nb/202501/t20250120_301.html"));
    expect(printedDate(wrapper)).toBe("2025-01-20");
    expect(pageHoldsReport(wrapper)).toBe(false);
    expect(attachments(wrapper, "http://x.gov.cn/hongze/xxgk/nb/202501/t20250120_301.html").map((a) => a.url)).toEqual([
      "http://x.gov.cn/hongze/files/P020250120_hzq2024.pdf",
    ]);
    const full = decodePage(site("pingtan/zfxxgknb/202503/t20250310_97791.htm"));
    expect(printedDate(full)).toBe("2025-03-10");
    expect(pageHoldsReport(full)).toBe(true);
    expect(printedDate("<p>发布时间：2024年3月8日</p>")).toBe("2024-03-08");
  });

  it("decodes a GBK page by its declared charset", () => {
    const html = decodePage(site("pingtan/zfxxgknb/202302/t20230220_80629.htm"));
    expect(html).toContain("平潭综合实验区2022年度政府信息公开工作年度报告");
  });

  it("follows only the agency's own site: its list on its host, reports and files on its other hosts", () => {
    expect(siteOf("www.pingtan.gov.cn")).toBe("pingtan.gov.cn");
    expect(siteOf("file.pingtan.gov.cn")).toBe("pingtan.gov.cn");
    expect(siteOf("www.example.com")).toBe("example.com");
    const g = gatesFor("https://www.pingtan.gov.cn/zwgk/zfxxgknb/");
    expect(g.list(new URL("http://pingtan.gov.cn/zwgk/zfxxgknb/index_1.htm"))).toBe(true);
    expect(g.list(new URL("https://xxgk.pingtan.gov.cn/index_1.htm"))).toBe(false);
    expect(g.page(new URL("https://www.pingtan.gov.cn/a.htm"))).toBe(true);
    expect(g.page(new URL("https://xxgk.pingtan.gov.cn/a.htm"))).toBe(true);
    expect(g.page(new URL("https://www.gov.cn/a.htm"))).toBe(false);
    expect(g.attachment(new URL("https://file.pingtan.gov.cn/a.pdf"))).toBe(true);
    expect(g.attachment(new URL("https://www.fuzhou.gov.cn/a.pdf"))).toBe(false);
  });
});

import { isPrivateAddress } from "./fetcher";
describe("the server's own network", () => {
  it("knows loopback, private and link-local addresses", () => {
    for (const ip of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["202.101.1.1", "172.32.0.1", "2400:da00::6666"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });
});
