/** Region totals (/regions/[id]). */
export const regionPageMsg = {
  filedAgencies: "报送单位",
  received: "本年新收申请",
  statedBy: "（其中写明的单位）",
  reviews: "行政复议",
  suits: "行政诉讼",
  title: (regionName: string) => `${regionName}（地区合计）`,
  zipName: (name: string) => `${name}-地区合计-图表`,
  history: "历年合计",
};
