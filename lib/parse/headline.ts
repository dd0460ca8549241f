/**
 * Headline figures a report states in its prose (or in the old 统计表 of reports under the 2008
 * regulation): the few numbers that stay comparable across the 2019 change of format, when a
 * pre-2019 report has no national tables. Each figure keeps the sentence it was read from, so a
 * person can check it. Only a keyword next to a count is read; anything less clear is left out.
 */
import type { DocLine } from "./document";
import { HEADLINE_KEYS, type HeadlineFigure, type HeadlineKey } from "../report/headline-keys";

const N = "(\\d[\\d,]*)";
const CLAUSE = "[^。；;，,：:]";

/** Per figure: patterns whose group 1 is the count, and statements that there was none. */
const TEXT: Record<HeadlineKey, { counts: RegExp[]; none: RegExp[]; needs?: RegExp; not?: RegExp }> = {
  proactive: {
    counts: [
      // Not 其他应主动公开政府信息 N 条: one category of the list.
      new RegExp(`(?<!应)主动公开(?:各类|各项)?政府信息(?:共|共计|合计|累计|总数|数量)?(?:为|达|达到)?${N}(?:条|件|项)`),
      new RegExp(`(?<!应)共?主动公开(?:各类)?(?:政府)?信息${CLAUSE}{0,4}?${N}(?:条|件)`),
      new RegExp(`(?:共|全年|累计)(?:主动)?(?:公布|公开)政府信息${N}条`),
    ],
    none: [],
    // 其中… and 占…% are the parts, not the whole.
    not: /^其中|占\d|各乡镇|各部门主动公开/,
  },
  requests_received: {
    counts: [
      new RegExp(`(?:收到|受理|接收|新收)${CLAUSE}{0,12}?申请${CLAUSE}{0,6}?(?<![\\d.])${N}(?:件|个|条|份)`),
      new RegExp(`申请${CLAUSE}{0,4}?(?:共|合计)(?<![\\d.])${N}件`),
      new RegExp(`(?:收到|受理|接收|新收)(?:政府信息公开)?(?<![\\d.])${N}件(?:政府信息公开|依申请公开)?申请`),
    ],
    none: [/未(?:收到|受理|接到)(?:有关|任何|相关)?(?:的)?(?:政府)?信息公开申请/, /(?:政府)?信息公开申请(?:数)?为(?:0|零)/],
    needs: /申请/,
    not: /复议|诉讼|咨询投诉/,
  },
  requests_answered: {
    counts: [new RegExp(`(?:答复|办结|办理完毕)${CLAUSE}{0,10}?(?<![\\d.])${N}件`)],
    none: [],
    needs: /申请/,
    not: /复议|诉讼|咨询投诉|留言/,
  },
  reviews: {
    counts: [new RegExp(`行政复议${CLAUSE}{0,8}?(?<![\\d.])${N}(?:件|起)`)],
    none: [/未(?:收到|发生|有|出现|接到)[^。；;]{0,24}行政复议/, /行政复议${CLAUSE}{0,8}?(?:为|是)?(?:0|零)(?:件|起)/],
  },
  suits: {
    counts: [new RegExp(`行政诉讼${CLAUSE}{0,8}?(?<![\\d.])${N}(?:件|起)`)],
    none: [/未(?:收到|发生|有|出现|接到)[^。；;]{0,30}行政诉讼/, /行政诉讼${CLAUSE}{0,8}?(?:为|是)?(?:0|零)(?:件|起)/],
  },
};

/** Rows of the 2008-era 统计表 (指标名称 | 计量单位 | 本年 | 历年累计). */
const TABLE: Record<HeadlineKey, RegExp> = {
  proactive: /^主动公开(?:政府信息|文件|信息)(?:总)?数(?:量)?$/,
  requests_received: /^受理(?:政府信息)?依申请公开(?:信息)?总数$|^(?:受理|收到)(?:政府信息公开)?申请(?:总)?数$/,
  requests_answered: /^对申请的答复总数$|^(?:申请)?答复总数$/,
  reviews: /^(?:因政府信息公开)?(?:申请)?行政复议(?:案件)?数$/,
  suits: /^(?:因政府信息公开)?(?:提起)?行政诉讼(?:案件)?数$/,
};

const plain = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

function sentencesOf(lines: DocLine[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.kind !== "text") continue;
    for (const s of l.text.split(/(?<=[。；;！!？?])/)) if (s.trim()) out.push(s.trim());
  }
  return out;
}

/** The headline figures a report states, at most one per key: prose first, then the 统计表. */
export function extractHeadline(lines: DocLine[]): HeadlineFigure[] {
  const found = new Map<HeadlineKey, HeadlineFigure>();
  const sentences = sentencesOf(lines).map((s) => [s, plain(s)] as const);
  for (const key of HEADLINE_KEYS) {
    const spec = TEXT[key];
    for (const [sentence, p] of sentences) {
      if (spec.needs && !spec.needs.test(p)) continue;
      if (spec.not?.test(p)) continue;
      const m = spec.counts.map((re) => re.exec(p)).find(Boolean);
      if (m) {
        const value = Number(m[1].replace(/,/g, ""));
        if (Number.isSafeInteger(value)) {
          found.set(key, { key, value, sentence, source: "text" });
          break;
        }
      }
      if (spec.none.some((re) => re.test(p))) {
        found.set(key, { key, value: 0, sentence, source: "text" });
        break;
      }
    }
  }
  for (const l of lines) {
    if (l.kind !== "row" || l.cells.length < 2) continue;
    const label = plain(l.cells[0].text).replace(/^其中[:：]?/, "");
    const key = HEADLINE_KEYS.find((k) => TABLE[k].test(label));
    if (!key || found.has(key)) continue;
    // The first number after the label (the unit cell 条/件 is text): this year's figure.
    const cell = l.cells.slice(1).find((c) => /^\d[\d,]*$/.test(plain(c.text)));
    if (!cell) continue;
    found.set(key, {
      key,
      value: Number(plain(cell.text).replace(/,/g, "")),
      sentence: l.cells.map((c) => c.text).join(" | "),
      source: "table",
    });
  }
  return HEADLINE_KEYS.flatMap((k) => (found.has(k) ? [found.get(k)!] : []));
}
