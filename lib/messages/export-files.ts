/** Headers and captions inside exported CSV/XLSX/PNG files. */
export const exportFilesMsg = {
  sheetName: "数据",
  drawnOn: (d: string) => `制图日期：${d}`,
  caption: (who: string, p1: number, p2: number, p3: string) => `${who} · ${p1}–${p2} 年 · 单位：${p3}`,
  tableTooLarge: (p0: number) => `表格过大（超过 ${p0} MB），请缩小范围后再导出`,
  badTable: "表格数据格式不正确",
  percentUnit: "百分比",
  clause: "条款",
  content: "信息内容",
  value: "数值",
  item: "项目",
  category: "类别",
};
