/** The findings queue (/findings) and its CSV/XLSX export. */
export const findingsPageMsg = {
  cells: "涉及单元格",
  reportLink: "报告链接",
  xlsxName: "核对发现.xlsx",
  csvName: "核对发现.csv",
  all: "全部",
  title: "核对发现",
  intro: "全部单位的勾稽核对发现。筛选条件都在地址栏里，复制链接即可分享同一视图。",
  filter: "筛选",
  reviewStatus: "审核状态",
  total: (total: number) => `共 ${total} 条`,
  pageOf: (page: number, pages: number) => `，第 ${page} / ${pages} 页`,
  download: "下载：",
  empty: "没有符合条件的核对发现。",
};
