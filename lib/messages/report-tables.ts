/** The three national tables as the report page draws them. */
export const reportTablesMsg = {
  noteOf: (note: string) => `；注：${note}`,
  printed: (p0: string, p1: string, where: string) => `印出：${p0}${p1}；位置：${where}`,
  notPrinted: "原文未印出此单元格",
  table2: "表二",
  contentHeader: "信息内容",
  table3: "表三",
  applicantHeader: "申请人情况",
  table4: "表四",
};
