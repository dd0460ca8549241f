/**
 * "Posts published": the figures section 一 states about proactive disclosure — 通过政府网站发布信息
 * N 条, 微信公众号发布 M 条, 全年主动公开政府信息 K 条 — read from the report's prose with the
 * sentence they come from, so a person can check and correct them. Comparable in every year,
 * including the free-form reports before 2019.
 */

export const POST_CHANNELS = ["total", "website", "wechat", "weibo", "new_media"] as const;
export type PostChannel = (typeof POST_CHANNELS)[number];

export interface PostFigure {
  channel: PostChannel;
  value: number;
  /** The sentence (clause) it was read from, as printed. */
  sentence: string;
}

const CHANNEL_WORDS: [RegExp, PostChannel][] = [
  [/微信公众号|公众号|微信/, "wechat"],
  [/微博/, "weibo"],
  [/新媒体|客户端|APP|抖音|视频号/, "new_media"],
  [/网站|网/, "website"],
];

const CHANNEL =
  /(政府门户网站|门户网站|政府网站|网站|微信公众号|公众号|政务微博|微博|政务新媒体|新媒体|客户端)[^，。；;！\d]{0,20}?(?:发布|公开|推送|更新|编发)[^，。；;\d]{0,16}?(\d+)\s*(?:条|篇)/g;
const TOTAL = /(?:主动公开|公布|发布)[^，。；;\d]{0,16}?政府信息[^，。；;\d]{0,4}?(\d+)\s*条/g;

function sentenceAround(text: string, index: number, length: number): string {
  const stops = /[。；;\n]/;
  let start = index;
  while (start > 0 && !stops.test(text[start - 1]) && index - start < 80) start--;
  let end = index + length;
  while (end < text.length && !stops.test(text[end]) && end - index < 160) end++;
  return text.slice(start, end + (end < text.length && text[end] !== "\n" ? 1 : 0)).trim();
}

/** Every channel's figure found in the text: the first statement per channel, the largest total. */
export function extractPosts(text: string): PostFigure[] {
  const found = new Map<PostChannel, PostFigure>();
  for (const m of text.matchAll(CHANNEL)) {
    const channel = CHANNEL_WORDS.find(([re]) => re.test(m[1]))?.[1] ?? "website";
    if (!found.has(channel))
      found.set(channel, { channel, value: Number(m[2]), sentence: sentenceAround(text, m.index ?? 0, m[0].length) });
  }
  // Sub-totals (各部门…, 各乡镇…) come with the total: the largest figure is the whole.
  for (const m of text.matchAll(TOTAL)) {
    const value = Number(m[1]);
    const prev = found.get("total");
    if (!prev || value > prev.value)
      found.set("total", { channel: "total", value, sentence: sentenceAround(text, m.index ?? 0, m[0].length) });
  }
  return POST_CHANNELS.flatMap((c) => (found.has(c) ? [found.get(c)!] : []));
}
