/** Scanned reports (image-only PDFs, photos): OCR, its jobs and its provenance. */
export const scanMsg = {
  lowConfidence: (where: string) => `${where} 有数字扫描识别不清（可信度低或夹杂字母），这些单元格未读取，请对照原图填写`,
  noEngine: "服务器没有安装文字识别引擎（tesseract-ocr、tesseract-ocr-chi-sim、poppler-utils），无法读取扫描件：请管理员执行 README 中的安装命令",
  noText: "扫描件中没有识别出文字（图片可能过于模糊、过暗或不是报告）",
  imageUnreadable: "图片无法打开（可能已损坏，或不是 PNG / JPEG 格式）",
  tooManyPages: (max: number) => `扫描件超过 ${max} 页，只识别了前 ${max} 页`,
  mixedUpload: "一次上传多张图片时只能都是 PNG / JPEG 图片（同一份报告的各页）",
} as const;
