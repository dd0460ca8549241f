/** Field names in the messages of lib/report/input.ts. */
export const reportInputMsg = {
  title: "标题",
  cellRaw: "单元格原文",
  cellNote: "单元格说明",
  raw: "原文",
  text: "正文",
  moreIssues: (length: number) => `；等 ${length} 处`,
};
