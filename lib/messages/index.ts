/**
 * Everything a user reads, in one place. Code passes figures in; the wording lives here.
 */
import { actionWords, roleLabels } from "./roles";
import { agencyKindLabels, regionLevelLabels } from "./kinds";
import { dash } from "./dashboard";
import { harvestMsg } from "./harvest";
import { scanMsg } from "./scan";
import { scoringMsg } from "./scoring";
import { reportPageMsg } from "./report-page";
import { commonMsg } from "./common";
import { findingsPageMsg } from "./findings-page";
import { importPageMsg } from "./import-page";
import { adminMsg } from "./admin";
import { agencyPageMsg } from "./agency-page";
import { exportPageMsg } from "./export-page";
import { homeMsg } from "./home";
import { scoringPageMsg } from "./scoring-page";
import { chartExportMsg } from "./chart-export";
import { regionPageMsg } from "./region-page";
import { comparePageMsg } from "./compare-page";
import { coveragePageMsg } from "./coverage-page";
import { reportTablesMsg } from "./report-tables";
import { loginMsg } from "./login";
import { unitsMsg } from "./units";
import { exportFilesMsg } from "./export-files";
import { formatsMsg } from "./formats";
import { reportInputMsg } from "./report-input";
import { rubricMsg } from "./rubric";
import { cliMsg } from "./cli";
import { rectMsg } from "./rectification";
import { findingsMsg } from "./findings";
import { auditMsg } from "./audit";
import { ruleTexts } from "./rules";
import { figuresMsg } from "./figures";

const ACTION_WORDS: Record<string, string> = actionWords;

export const msg = {
  app: {
    name: "政府信息公开年报看板",
    tagline: "把各单位的政府信息公开工作年度报告变成可比较的数据",
    source: "数据来源：各单位政府信息公开工作年度报告",
  },
  importPreview: {
    unreadTitle: (n: number) => `有 ${n} 行没能读出`,
    unreadHint:
      "下面是原文在这些行印出的内容。请对照原文在每格填写数字（空白格留空或填 /），保存时一并存入并注明“填报人补录”；不填的单元格保持未读。",
    unreadHintCheck: "下面是原文在这些行印出的内容，核对结果不含这些单元格。",
    printed: "原文：",
    division: "或按全国行政区划",
    divisionSearch: "输入地区名称或行政区划代码，如 洪泽区、320813",
    divisionGuessed: "按单位名称推断：",
    divisionChosen: (fullName: string, code: string) => `新单位将放在 ${fullName}（${code}）下，地区不存在时一并新建`,
    divisionNone: "没有找到这个名称或代码的行政区划",
    divisionClear: "不用行政区划",
    divisionUnknown: (code: string) => `行政区划代码 ${code} 不存在`,
    divisionBadQuery: "请输入地区名称或行政区划代码（不超过 20 个字）",
    divisionCodeDigits: "行政区划代码应为数字",
  },
  parse: {
    unknownKey: (key: string) => `读到了模板中没有的单元格 ${key}，已忽略`,
    duplicateCell: (cell: string) => `${cell} 出现了两次，保留第一次读到的值`,
    rowShape: (where: string, got: number, want: number) => `${where} 读到 ${got} 个单元格，应为 ${want} 个，此行未读取`,
    extraValues: (where: string) => `${where} 多出的数值已忽略`,
    unknownRow: (label: string) => `无法识别的表格行「${label}」`,
    uncertainSplit: (where: string) => `${where} 的数字连在一起、列的分界丢失，有多种拆分都说得通，此行未读取`,
    rowNotFound: (where: string) => `${where} 在表格中应有却没有读出（行名认不出或数字缺失），请对照原文填写`,
    t4WithoutHeader: "表四的数据行前没有找到表头，按全国统一格式的列顺序读取",
    fillNotUnread: (cell: string) => `${cell} 不是没能读出的单元格，只能补录没能读出的单元格`,
    fillNotNumber: (cell: string, text: string) => `${cell} 填写的「${text}」不是数字；空白请留空或填 /`,
    filledByHand: "导入时由填报人对照原文补录",
  },
  errors: {
    empty: "文件是空的，没有可读取的内容",
    tooLarge: (mb: number) => `文件超过 ${mb} MB 的上限`,
    unsupportedType: (name: string) => `不支持的文件类型「${name}」：可导入 .txt、.md、.html、.pdf、.docx 和 .doc 文件`,
    binary: "文件不是文本或网页（可能是二进制文件或编码无法识别）",
    encoding: "文件的字符编码无法识别：请另存为 UTF-8 或 GBK（GB18030）编码后再导入",
    tooLargeFile: (name: string, mb: number, limit: number) => `「${name}」有 ${mb.toFixed(1)} MB，超过 ${limit} MB 的上限，未上传`,
    uploadFailed: (limit: number) => `上传失败，未保存任何内容：文件可能超过 ${limit} MB 的上限，或连接中断`,
    saveFailed: (reason: string) => `保存时出错，未保存任何内容（${reason}）`,
    zipUnreadable: "ZIP 压缩包无法打开（可能已损坏，或不是 .zip 格式）",
    zipEncrypted: "ZIP 压缩包已加密，无法读取：请解除密码后再导入",
    zipTooLarge: (limit: number) => `ZIP 压缩包解压后超过 ${limit} MB 的上限（可能是“压缩炸弹”），未导入任何文件`,
    zipTooMany: (limit: number) => `ZIP 压缩包中的文件超过 ${limit} 个，请分成几个压缩包导入`,
    zipEmpty: "ZIP 压缩包中没有可导入的文件（.txt、.md、.html、.pdf、.docx）",
    zipEntryUnreadable: (name: string) => `压缩包中的「${name}」无法解压（可能已损坏）`,
    notReport: "没有找到政府信息公开工作年度报告的内容：既没有识别出标题和年度，也没有识别出任何统一表格",
    noYear: "无法从标题或正文中识别报告年度，请在预览中填写",
    noAgency: "无法从标题或落款中识别发布机关，请在预览中填写",
    fileUnreadable: (path: string) => `无法读取文件「${path}」`,
    pdfNoText:
      "这是扫描件（没有文字层的 PDF 或图片），要用文字识别读取：请在导入页逐份上传（后台识别，可看进度），或用 npm run parse / npm run import 读取",
    pdfUnreadable: "PDF 文件无法打开（可能已损坏或加密）",
    docxUnreadable: "Word 文件无法打开（可能已损坏，或不是 .docx 格式）",
    docUnreadable: "旧版 Word（.doc）或 WPS 文件无法读取（可能已损坏、加密，或是较新的 WPS 格式）：请另存为 .docx 或 PDF 后再导入",
    blankTemplate: "这是一份空白的年度报告模板：表格中没有填写任何数字，也没有发布机关和年度",
    asyncOnly: "PDF 和 Word 文件需要用异步方式读取（parseReportAsync）",
    exportBusy: "正在为其他用户生成数据包，请稍后再试",
    parseBusy: "服务器正忙于读取其他文件，请稍后再试",
    parseLimit: "文件过大或过于复杂，读取时超出了服务器的时间或内存限制，未保存任何内容",
    internalShort: "服务器出错，详情见服务器日志",
    internal: "操作未完成，未保存任何内容：服务器出错，请稍后再试或联系管理员",
    invalidInput: "提交的内容不符合要求，请检查后再试",
    dbBusy: "嵌入式数据库正被另一个进程使用（例如正在运行的看板）。请先停止它，或设置 DATABASE_URL 使用 Postgres 服务器",
  },
  findings: findingsMsg,
  rules: ruleTexts,
  figures: figuresMsg,
  auth: {
    signInRequired: "请先登录",
    badCredentials: "用户名或密码错误",
    throttled: "登录失败次数过多，请稍后再试（每多失败一次，等待时间加倍，最长 15 分钟）",
    disabled: "该账号已停用，请联系管理员",
    mismatch: "提交的单位与报告不符，未保存",
    refused: {
      signed_out: (action: string) => `请先登录后再${ACTION_WORDS[action] ?? "操作"}`,
      role: (action: string) => `您的角色无权${ACTION_WORDS[action] ?? "执行此操作"}`,
      scope: (action: string) => `该单位不在您的权限范围内，无法${ACTION_WORDS[action] ?? "操作"}`,
    },
  },
  headline: {
    title: "正文所述数字",
    note: "从报告正文（或 2019 年以前的统计表）读出的数字，各附原句，供与以后年度比较。",
    labels: {
      proactive: "主动公开政府信息（条）",
      requests_received: "收到申请（件）",
      requests_answered: "答复申请（件）",
      reviews: "行政复议（件）",
      suits: "行政诉讼（件）",
    } as Record<string, string>,
  },
  /** What `npm start` and the first start of the server say on the console: Chinese, a line per step. */
  startup: {
    building: "第 1 步（共 2 步）：构建看板。首次启动或更新代码后才需要，视机器快慢约 1–5 分钟……",
    buildTick: (seconds: number) => `  仍在构建，已用时 ${seconds} 秒……`,
    built: (seconds: number) => `  构建完成，用时 ${seconds} 秒。`,
    buildFailed: "构建失败，以下是构建程序的输出：",
    starting: (port: string, db: string) =>
      `第 2 步（共 2 步）：启动看板（端口 ${port}，数据库：${db}）。首次启动会执行数据库迁移并载入示例数据……`,
    dbEmbedded: (dir: string) => `嵌入式 PGlite，${dir}`,
    dbServer: "Postgres 服务器",
    migrating: "正在准备数据库（执行迁移）……",
    seeding: "数据库是空的：正在载入示例年报和演示账号……",
    seedProgress: (done: number, total: number, file: string) => `  示例年报 ${done}/${total}：${file}`,
    seeded: (n: number) => `已载入 ${n} 份示例年报`,
    accounts: "已创建演示账号（见 README“用户与权限”）",
    noDemoAccounts:
      "看板对外提供服务（HOST 不是本机地址），未创建演示账号：请用 npm run user:create 或 ADMIN_USERNAME / ADMIN_PASSWORD 创建管理员",
    admin: (name: string) => `已创建管理员账号 ${name}`,
    ready: (url: string) => `看板地址：${url}`,
    readyHint: "在浏览器中打开上面的地址。按 Ctrl+C 停止。换端口：PORT=8080 npm start",
    portBusy: (port: string) => `端口 ${port} 已被占用：请先停止占用它的程序，或换一个端口，如 PORT=8080 npm start`,
    exited: (code: number | null) => `看板已停止（退出码 ${code ?? "无"}）。`,
  },
  /** 404 pages (HTTP 404): what is missing and where to go instead. */
  notFound: {
    title: "页面不存在",
    page: "没有找到这个页面：地址可能有误，或页面已移动。",
    agency: "没有这个单位：编号可能有误，或单位已被删除。",
    report: "没有这份年报：编号可能有误，或报告已被删除。",
    region: "没有这个地区。",
    scoreSheet: "没有这张评分表：单位或年度可能有误，或该单位这一年没有年报。",
    rubric: "没有这份评分细则：编号可能有误。",
    toAgencies: "查找单位",
    toOverview: "返回总览",
  },
  audit: auditMsg,
  severity: { error: "错误", warning: "警告", info: "提示" } as Record<string, string>,
  input: {
    year: (min: number, max: number) => `报告年度应为 ${min}–${max} 之间的整数`,
    agency: "发布机关名称应为 1–200 个字",
    unknownCell: (key: string) => `不认识的单元格「${key.slice(0, 60)}」`,
    notNumber: (cell: string) => `${cell} 应为数字`,
    notInteger: (cell: string) => `${cell} 是件数，应为整数`,
    outOfRange: (cell: string, min: number, max: number) => `${cell} 应在 ${min} 到 ${max.toLocaleString("zh-CN")} 之间`,
    tooLong: (what: string, max: number) => `${what}超过 ${max.toLocaleString("zh-CN")} 个字`,
    numberText: "新值应为数字（如 12 或 3.5），或留空表示空白",
    noTablesReplacing: (cells: number) =>
      `这份文件没有读到任何表格数字，而已保存的同年度报告有 ${cells} 个单元格：为免误替换，未保存。请检查文件，或先删除原报告`,
  },
  package: {
    unreadable: (name: string) => `数据包中的「${name}」无法读取，未保存`,
    invalidEntry: (name: string, why: string) => `数据包中的「${name}」内容不符合要求，未保存：${why}`,
  },
  import: {
    status: { created: "新增", updated: "更新", failed: "失败" } as Record<"created" | "updated" | "failed", string>,
    batchSummary: (total: number, created: number, updated: number, failed: number) =>
      `共 ${total} 个文件：新增 ${created}，更新 ${updated}，失败 ${failed}`,
    batchProgress: (done: number, total: number) => `已处理 ${done} / ${total} 个文件`,
    cliUsage: "用法：npm run import -- 文件、文件夹或 .zip 压缩包...",
    noFiles: "没有找到可导入的文件（.txt、.md、.html、.pdf、.docx 或 .zip）",
    created: (agency: string, year: number) => `已新增 ${agency} ${year} 年度报告`,
    replaced: (agency: string, year: number) => `已替换 ${agency} ${year} 年度报告（原有数据已整体替换）`,
  },
  /** The dashboard pages (overview, agency, coverage, compare, region totals). */
  dashboard: dash,
  /** Assessor scoring: rubrics, score sheets, rankings (lib/messages/scoring.ts). */
  scoring: scoringMsg,
  reportPage: reportPageMsg,
  common: commonMsg,
  findingsPage: findingsPageMsg,
  importPage: importPageMsg,
  admin: adminMsg,
  agencyPage: agencyPageMsg,
  exportPage: exportPageMsg,
  home: homeMsg,
  scoringPage: scoringPageMsg,
  chartExport: chartExportMsg,
  regionPage: regionPageMsg,
  comparePage: comparePageMsg,
  coveragePage: coveragePageMsg,
  reportTables: reportTablesMsg,
  login: loginMsg,
  units: unitsMsg,
  exportFiles: exportFilesMsg,
  formats: formatsMsg,
  reportInput: reportInputMsg,
  rubric: rubricMsg,
  cli: cliMsg,
  roles: roleLabels as Record<string, string>,
  /** Agency kinds and region levels (lib/report/agency.ts declares the values). */
  agencyKinds: agencyKindLabels,
  regionLevels: regionLevelLabels,
  harvest: harvestMsg,
  /** 整改事项 and the notices, bulletins and check-up reports (lib/messages/rectification.ts). */
  rect: rectMsg,
  scan: scanMsg,
};
