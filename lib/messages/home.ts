/** The overview (/). */
export const homeMsg = {
  reports: "份年报",
  regions: "个地区",
  openErrors: "个未处理的错误",
  due: "应报送",
  filed: "已报送",
  rate: "报送率",
  late: "逾期发布",
  notFiledList: "未报送名单",
  yearLabel: (year: number) => ` ${year} 年度：`,
  replaced: "替换",
  importFirst: "导入第一份年报",
};
