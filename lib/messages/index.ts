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

const ACTION_WORDS: Record<string, string> = actionWords;

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "为空" : String(v));

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
  findings: {
    gone: "这条发现已不存在（报告可能已重新导入或核对），请刷新页面",
    /** A finding whose rule is no longer declared (a report checked under an older rule set). */
    otherRule: "其他核对规则",
    /** The queue pages through at most this many findings; past that, filter or download. */
    pagesCapped: (shown: number) => `页面只翻阅前 ${shown} 条；更多请缩小筛选范围或下载全部`,
    blankAsZero: (row: string, n: number) => `表三 「${row}」行有 ${n} 个单元格为空，核对时按 0 计`,
    t4BlankAsZero: (n: number) => `表四 有 ${n} 个单元格为空，核对时按 0 计`,
    resultsSum: (column: string, sum: number, total: number | null, diff: number) =>
      `表三 ${column}列：办理结果各项合计 ${sum}，（七）总计 ${total === null ? "为空（按 0 计）" : total}，相差 ${diff}`,
    balance: (
      column: string,
      received: number | null,
      carried: number | null,
      handled: number | null,
      forward: number | null,
      diff: number,
    ) =>
      `表三 ${column}列：一、本年新收 ${fmt(received)} + 二、上年结转 ${fmt(carried)} ≠ （七）总计 ${fmt(handled)} + 四、结转下年度 ${fmt(forward)}（空按 0 计），相差 ${diff}`,
    rowTotal: (row: string, sum: number, total: number | null, diff: number) =>
      `表三 「${row}」行：六类申请人合计 ${sum}，总计列 ${total === null ? "为空（按 0 计）" : total}，相差 ${diff}`,
    t4Total: (group: string, sum: number, total: number | null, diff: number) =>
      `表四 ${group}：结果维持、结果纠正、其他结果、尚未审结合计 ${sum}，总计 ${total === null ? "为空（按 0 计）" : total}，相差 ${diff}`,
    notCount: (cell: string, v: number) => `${cell} 为 ${v}：申请和案件数应为非负整数`,
    negative: (cell: string, v: number) => `${cell} 为 ${v}：不应为负数`,
    repealedTooMany: (row: string, repealed: number, inForceBefore: number, issued: number) =>
      `表二 ${row}：本年废止 ${repealed} 件，多于上年现行有效 ${inForceBefore} 件与本年制发 ${issued} 件之和`,
    carryOver: (column: string, prevYear: number, forward: number | null, carried: number | null, diff: number) =>
      `表三 ${column}列：${prevYear} 年报告“结转下年度”为 ${fmt(forward)}，本年“上年结转”为 ${fmt(carried)}，相差 ${diff}`,
    inForceRoll: (row: string, before: number, issued: number, repealed: number, expected: number, printed: number, diff: number) =>
      `表二 ${row}：上年现行有效 ${before} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，本年现行有效印为 ${printed}，相差 ${diff > 0 ? "+" : ""}${diff}（清理、机构改革等可导致差异，请核实）`,
    itemsRoll: (cell: string, before: number, change: number, expected: number, printed: number) =>
      `${cell}：上年 ${before}，上年增减 ${change}，应为 ${expected}，本年印为 ${printed}`,
    totalPublicRoll: (row: string, before: number, published: number, expected: number, printed: number) =>
      `表二 ${row} 对外公开总数量：上年 ${before} + 本年新公开 ${published} = ${expected}，本年印为 ${printed}`,
    largeSwing: (cell: string, prevYear: number, before: number, now: number) =>
      `${cell}：${prevYear} 年 ${before}，本年 ${now}，变化超过 3 倍`,
    narrative: (sentence: string, stated: number, cells: string, value: number) =>
      `正文“${sentence.length > 60 ? `${sentence.slice(0, 60)}…` : sentence}”所述 ${stated} 件，与 ${cells} ${value} 不一致`,
    noDate: "没有识别出发布日期，无法核对是否按时发布",
    late: (published: string, deadline: string, days: number) => `发布日期 ${published} 晚于法定期限 ${deadline}（晚 ${days} 天）`,
    formatYear: (year: number, format: string, want: string) =>
      `${year} 年度报告应使用 ${want === "pre2019" ? "2019 年以前的格式" : `${want} 年版格式`}，实际为 ${format === "pre2019" ? "无统一表格" : `${format} 年版格式`}`,
    mixedFormat: "表二为 2021 年版格式，表三（六）其他处理却只有一行（2019 年版），按实际印出的格式读取",
    missingSections: (titles: string[]) => `缺少以下部分（或标题无法识别）：${titles.join("；")}`,
    missingTable: (title: string) => `缺少「${title}」表格`,
    missingCells: (n: number) => `表格不完整：缺少 ${n} 个单元格`,
    similar: (prevYear: number, share: number) => `正文与 ${prevYear} 年报告重复率约 ${(share * 100).toFixed(1)}%，超过 50%`,
    accountability: (words: string[]) => `本级政府年报应报告工作考核、社会评议和责任追究结果，正文未提到：${words.join("、")}`,
  },
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
  /** The audit log page (/admin/audit), read as before → after. */
  audit: {
    actions: {
      "report.create": "导入年报（新增）",
      "report.replace": "导入年报（替换）",
      "cell.correct": "更正单元格",
      "posts.correct": "更正发布信息条数",
      "finding.review": "审核发现",
      ...rectMsg.audit,
      "score.edit": "评分",
      "rubric.edit": "编辑评分细则",
      "package.import": "导入数据包",
      "user.create": "新建用户",
      "user.update": "修改用户",
      sign_in: "登录",
      sign_out: "退出",
    } as Record<string, string>,
    otherAction: "其他操作",
    targets: {
      report: "年报",
      agency: "单位",
      user: "用户",
      rubric: "评分细则",
      batch: "批次",
      finding: "核对发现",
      rectification: "整改事项",
    } as Record<string, string>,
    target: (word: string, id: string) => `${word} ${id}`,
    fields: {
      key: "单元格",
      value: "数值",
      raw: "原文写法",
      reason: "理由",
      status: "审核结论",
      comment: "说明",
      reviewer: "审核人",
      role: "角色",
      username: "用户名",
      scopeRegionId: "地区范围",
      agencyIds: "单位范围",
      disabled: "停用",
      passwordReset: "重设密码",
      indicator: "评分项",
      action: "操作",
      points: "分数",
      total: "总分",
      version: "版本",
      name: "名称",
      agency: "单位",
      year: "年度",
      source: "来源文件",
      cells: "单元格数",
      batch: "批次",
      file: "文件",
      reports: "报告数",
      failed: "失败数",
      channel: "渠道",
      state: "整改状态",
      finding: "核对发现",
      dueOn: "整改期限",
      note: "整改要求",
      response: "反馈方式",
      text: "说明",
      attachment: "附件",
      importedAt: "更正后导入时间",
    } as Record<string, string>,
    statuses: { confirmed: "确认", dismissed: "排除", open: "待审核" } as Record<string, string>,
    roles: { admin: "管理员", filer: "填报人", assessor: "评估员", viewer: "查看者" } as Record<string, string>,
    empty: "（无）",
    yes: "是",
    no: "否",
    changes: "修改内容（修改前 → 修改后）",
    noChanges: "—",
  },
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
