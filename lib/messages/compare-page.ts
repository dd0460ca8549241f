/** Comparison (/compare). */
export const comparePageMsg = {
  chartTitle: (label: string) => `${label}对比`,
  chartCaption: (length: number, from: number, to: number, p3: string) => `${length} 个单位 · ${from}–${to} 年 · 单位：${p3}`,
  pageOf: (page: number, pages: number, total: number) => `第 ${page} / ${pages} 页，共 ${total} 个单位`,
  latest: (to: number) => `–${to} · 最近 `,
};
