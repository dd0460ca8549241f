/** Rubric validation messages (lib/scoring/rubric.ts). */
export const rubricMsg = {
  unknownRule: "未知的核对规则",
  ruleRequired: "至少选择一条核对规则",
  unknownCell: "未知的单元格",
  cellRequired: "至少选择一个单元格",
  sourceTooLong: "来源链接过长",
  sourceScheme: "来源链接须以 http:// 或 https:// 开头",
  idFormat: "指标编号用小写字母、数字和下划线，以字母开头",
  nameRequired: "请填写指标名称",
  nameTooLong: "指标名称不超过 60 字",
  pointsPositive: "分值应大于 0",
  indicatorRequired: "至少需要一个指标",
  duplicateId: (id: string) => `指标编号 ${id} 重复`,
};
