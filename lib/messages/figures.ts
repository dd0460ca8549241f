/**
 * The names of the dashboard's figures, measures and chart families that the template does not
 * print. Where a figure is one template row or column (表三 rows, 表四 results, 表二 row names),
 * lib/dashboard/ takes the template's label instead, so renaming the row renames the chart.
 */
export const figuresMsg = {
  units: { count: "件", tenThousandYuan: "万元", percent: "%", posts: "条" },
  /** Figure names not printed as such in the template, by figure id. */
  figure: {
    received: "本年新收申请",
    decisions: "处理决定",
    feesAmount: "金额",
  },
  /** What a 表二 column counts, as a chart series says it (the template prints 本年制发件数 …). */
  t2Column: {
    issued: "本年制发",
    repealed: "本年废止",
    in_force: "现行有效",
    made: "本年新制作",
    published: "本年新公开",
    total_public: "对外公开总数量",
  },
  /** A series only the 2019 format prints. */
  format2019: (label: string) => `${label}（2019 年版）`,
  measure: {
    disclosureRate: "公开率（予以公开＋部分公开）",
    correctionRate: "复议诉讼纠错率",
    correctionBase: "行政复议和行政诉讼总计",
    reviewCorrected: "行政复议纠错",
  },
  family: {
    applicants: "本年新收申请（按申请人类型）",
    carry: "上年结转与结转下年度",
    outcomes: "办理结果（件数）",
    outcomeShares: "办理结果（占办理结果总计的比例）",
    disclosureRate: "公开率（予以公开＋部分公开）/ 办理结果总计",
    decisions: "行政许可、行政处罚、行政强制处理决定",
    fees: "行政事业性收费金额（万元）",
    feesNote: "2019 年版格式只报收费项目数（上一年项目数量、本年增/减），不是金额，不能与 2021 年起的收费金额连成一条线。",
    feesSeries: "本年收费金额",
    totalPublicNote: "“对外公开总数量”（累计公开）与“现行有效件数”口径不同，分成两条线，不连成一条。",
    review: "行政复议（按结果）",
    suits: "行政诉讼（按结果，含复议后起诉）",
    correctionRate: "复议诉讼纠错率",
    disclosureRateSeries: "公开率",
    correctionRateSeries: "纠错率",
    posts: "发布信息条数（第一部分总体情况所述）",
  },
  /** The channels of 第一部分's "posts published" figures. */
  posts: {
    total: "主动公开政府信息",
    website: "政府网站发布",
    wechat: "微信公众号发布",
    weibo: "政务微博发布",
    new_media: "政务新媒体发布",
  },
} as const;
