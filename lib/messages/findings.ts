/** What each consistency rule says when a report breaks it (lib/checks), with the figures it read. */

/** A figure in a message: a blank cell says so. */
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "为空" : String(v));

export const findingsMsg = {
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
};
