/** The roles and the actions they may be granted, as a person reads them. */
export const roleLabels = { viewer: "查看者", filer: "填报人", assessor: "评估员", admin: "管理员" } as const;

/** Each action as the end of a sentence: 请先登录后再…, 您的角色无权…. */
export const actionWords = {
  import: "导入年报",
  correct: "更正单元格",
  review: "审核核对发现",
  score: "评分",
  manage_rubrics: "编辑评分细则",
  manage_users: "管理用户",
  manage_regions: "管理地区",
  view_audit: "查看操作记录",
  import_package: "导入数据包",
  manage_sources: "管理网站采集",
  rectify: "下发、复核整改事项",
  respond: "反馈整改事项",
  // Uploading a scan for OCR: the agency is known only once it is read, so the scope is checked
  // when the report is saved (report.import).
  upload_scan: "上传扫描件",
} as const;
