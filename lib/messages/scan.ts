/** Scanned reports (image-only PDFs, photos): OCR, its jobs and its provenance. */
export const scanMsg = {
  lowConfidence: (where: string) => `${where} 有数字扫描识别不清（可信度低或夹杂字母），这些单元格未读取，请对照原图填写`,
  noEngine:
    "服务器没有安装文字识别引擎（tesseract-ocr、tesseract-ocr-chi-sim、poppler-utils），无法读取扫描件：请管理员执行 README 中的安装命令",
  noText: "扫描件中没有识别出文字（图片可能过于模糊、过暗或不是报告）",
  imageUnreadable: "图片无法打开（可能已损坏，或不是 PNG / JPEG 格式）",
  tooManyPages: (max: number) => `扫描件超过 ${max} 页，只识别了前 ${max} 页`,
  notReady: "扫描件还没有识别完成，或不是您上传的",
  pageNotFound: "找不到这一页扫描图像",
  badBox: "图像区域参数不正确",
  cropAlt: "扫描原图中这一行的图像",
  title: "扫描件（图片或没有文字层的 PDF）",
  hint: (pages: number, mb: number) =>
    `上传一份扫描的 PDF，或同一份报告按页顺序的多张照片 / 图片（PNG、JPEG，最多 ${pages} 页，合计不超过 ${mb} MB）。文字识别在后台进行，每页约几秒；可以离开本页，稍后从下面的“我的扫描件”回来。识别不清的数字不会被猜测，会列在预览里并附原图，请对照填写。`,
  upload: "上传并识别",
  uploading: "上传中…",
  statusLabel: { queued: "排队中", running: "识别中", done: "识别完成", failed: "识别失败", cancelled: "已取消" } as Record<string, string>,
  progress: (done: number, total: number) => (total ? `已识别 ${done}/${total} 页` : "准备中…"),
  mine: "我的扫描件",
  open: "打开",
  savedAs: "已保存为报告",
  pageView: (page: number) => `扫描原件第 ${page} 页，框出的是这个单元格`,
  columnFails: (column: string) => `表三「${column}」列扫描识别后勾稽关系不成立（某个数字认错了），整列未读取，请对照原图填写`,
  notFound: (n: number) => `扫描件中还有 ${n} 个单元格没有找到（行名或数字没能识别），请对照原图填写`,
  mixedUpload: "一次上传多张图片时只能都是 PNG / JPEG 图片（同一份报告的各页）",
} as const;
