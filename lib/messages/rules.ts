/**
 * The rules' names as the rule list, finding filters and documents show them: what each rule
 * compares (title) and which cells or parts of the report it reads, keyed by rule id (lib/checks/).
 */
export const ruleTexts = {
  "t3.balance": {
    title: "表三 每列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度",
    reads: "表三 一、二、（七）总计、四 各列",
  },
  "t3.results_sum": {
    title: "表三 每列：办理结果各项之和 = （七）总计",
    reads: "表三 （一）至（六）各行与（七）总计",
  },
  "t3.row_total": {
    title: "表三 每行：六类申请人之和 = 总计",
    reads: "表三 每行的六类申请人列与总计列",
  },
  "t34.non_negative_integer": {
    title: "表三、表四 的数值都是非负整数",
    reads: "表三、表四 全部单元格",
  },
  "t3.blank_as_zero": {
    title: "表三 空白单元格在核对时按 0 计",
    reads: "表三 全部单元格",
  },
  "t4.group_total": {
    title: "表四 每组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计",
    reads: "表四 行政复议、未经复议直接起诉、复议后起诉 三组",
  },
  "t4.blank_as_zero": {
    title: "表四 空白单元格在核对时按 0 计",
    reads: "表四 全部单元格",
  },
  "t2.non_negative": {
    title: "表二 数值非负（2019 年版“本年增/减”除外）",
    reads: "表二 全部单元格",
  },
  "t2.repealed_available": {
    title: "表二 本年废止件数 ≤ 上年现行有效件数 + 本年制发件数",
    reads: "表二 规章、行政规范性文件（本年与上年，均为 2021 年版）",
  },
  "y.carry_over": {
    title: "本年“上年结转” = 上年“结转下年度”（每列，跨格式也适用）",
    reads: "本年表三 二、上年结转；上年表三 四、结转下年度",
  },
  "y.in_force_roll": {
    title: "现行有效件数逐年接续：上年现行有效 + 本年制发 − 本年废止 = 本年现行有效",
    reads: "表二 规章、行政规范性文件（本年与上年，均为 2021 年版）",
  },
  "y.items_roll": {
    title: "2019 年版事项数接续：本年“上一年项目数量” = 上年“上一年项目数量” + 上年“本年增/减”",
    reads: "表二（2019 年版）行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费",
  },
  "y.total_public_roll": {
    title: "2019 年版对外公开总数量接续：上年总数量 + 本年新公开数量 = 本年总数量",
    reads: "表二（2019 年版）规章、规范性文件",
  },
  "y.large_swing": {
    title: "与上年相比变化超过 3 倍（提示，不是错误）",
    reads: "表三 本年新收总计；表二 各项处理决定数量",
  },
  "n.received": {
    title: "正文所述收到申请件数 = 表三 本年新收（或 新收 + 上年结转）",
    reads: "正文；表三 一、二 总计列",
  },
  "n.handled": {
    title: "正文所述办结件数 = 表三 （七）总计",
    reads: "正文；表三 （七）总计 总计列",
  },
  "n.carried_forward": {
    title: "正文所述结转下年度件数 = 表三 四、结转下年度",
    reads: "正文；表三 四 总计列",
  },
  "n.review": {
    title: "正文所述行政复议件数 = 表四 行政复议总计",
    reads: "正文；表四 行政复议 总计",
  },
  "n.suits": {
    title: "正文所述行政诉讼件数 = 表四 两类行政诉讼总计之和",
    reads: "正文；表四 行政诉讼 总计",
  },
  "n.in_force": {
    title: "正文所述现行有效规范性文件件数 = 表二 行政规范性文件现行有效件数",
    reads: "正文；表二 行政规范性文件 现行有效件数",
  },
  "doc.deadline": {
    title: "按时发布：部门 1 月 31 日前，本级政府 3 月 31 日前（2018 年及以前 3 月 31 日前）",
    reads: "发布日期、报告年度、单位类型",
  },
  "doc.format_year": {
    title: "格式与年度相符：2019、2020 年度用 2019 年版，2021 年度起用 2021 年版",
    reads: "报告年度、表格格式",
  },
  "doc.mixed_format": {
    title: "表格格式混用（2021 年版表二，2019 年版表三）",
    reads: "表二表头、表三（六）其他处理",
  },
  "doc.sections": {
    title: "六个部分齐全",
    reads: "正文各部分标题",
  },
  "doc.tables": {
    title: "三张统一表格齐全、完整",
    reads: "表二、表三、表四",
  },
  "doc.similarity": {
    title: "正文与上年报告重复率不超过 50%",
    reads: "本年与上年报告正文",
  },
  "doc.accountability": {
    title: "本级政府年报写明工作考核、社会评议和责任追究结果（条例第五十条）",
    reads: "正文",
  },
} as const satisfies Record<string, { title: string; reads: string }>;
