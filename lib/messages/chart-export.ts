/** Chart export buttons and the print header. */
export const chartExportMsg = {
  print: "打印 / 另存为 PDF",
  printAgency: "机关名称：",
  printYear: "年度：",
  printAt: "生成时间：",
  pngFailed: "PNG 生成失败",
  failed: (label: string, message: string) => `${label}失败：${message}`,
  downloadPng: "下载 PNG",
  downloadSvg: "下载 SVG",
  downloadData: "下载数据",
  downloadCsv: "下载数据 CSV",
  downloadXlsx: "下载 XLSX",
  noCharts: "本页没有图表",
  progress: (p0: number, length: number) => `正在导出 ${p0}/${length}…`,
  done: (length: number) => `已导出 ${length} 张图表`,
  failedAll: (message: string) => `导出失败：${message}`,
  exportAll: "导出本页全部图表",
};
