/**
 * The default rubric: the annual-report block of a third-party assessment, built from the
 * indicator systems in shared/spec/domain.md §6. 20 points. The weights are ours (no source gives
 * per-indicator weights for the report block alone); each indicator cites where its criterion
 * comes from. Changing anything here changes scores: lib/scoring/golden.test.ts must change with it.
 */
import { rubricDefinitionSchema, type RubricDefinition, type RubricDefinitionInput } from "./rubric";

const CASS_2016 = {
  ref: "domain.md §6 《政府信息公开工作年度报告发布情况评估报告（2016）》",
  url: "https://qianqiantushu.com/ebook/read2666924.html",
};
const SUQIAN = { ref: "domain.md §6 宿迁市部门政务公开考核（zxj6827111-blip/GovOpen-AutoAudit rulepacks/suqian_dept_v1/rules.csv）" };
const SUQIAN_ZD = { ref: "domain.md §6 宿迁市制度公开考核（rulepacks/suqian_zhidugongkai）：未在 3 月 31 日前发布扣 1 分" };
const JIAMUSI = {
  ref: "domain.md §6 佳木斯市政务公开第三方评估（2018）：政府信息公开年度报告 15 分",
  url: "http://www.jms.gov.cn/html/zwgk/content/op_186c1bcf-7c3b-4219-a768-8aa676dff3aa.html",
};

/** Finding rules that are hard 勾稽 errors (domain.md §5.1, §5.2, §5.3, Y1). */
export const CONSISTENCY_RULES = [
  "t3.balance",
  "t3.results_sum",
  "t3.row_total",
  "t34.non_negative_integer",
  "t4.group_total",
  "t2.non_negative",
  "y.carry_over",
];

const input: RubricDefinitionInput = {
  description:
    "年度报告评估（20 分）：按时发布、表格勾稽、正文与表格一致、格式规范、要素齐全、与上年重复率、行政复议纠错和行政诉讼败诉，以及年报专栏、可获取性两项人工评分。指标来自 shared/spec/domain.md 第 6 节所列评估体系，分值为本系统设定。",
  indicators: [
    {
      id: "on_time",
      name: "按时发布",
      max: 3,
      method: { kind: "deadline", deduct: 3 },
      sources: [
        {
          ref: "domain.md §1 D1（条例第四十九条）：部门 1 月 31 日前，本级政府 3 月 31 日前",
          url: "http://www.jianbiaoku.com/webarbs/book/164509/4714387.shtml",
        },
        SUQIAN,
        SUQIAN_ZD,
        CASS_2016,
      ],
    },
    {
      id: "consistency",
      name: "表格勾稽关系无错误",
      max: 4,
      method: { kind: "findings", rules: CONSISTENCY_RULES, deduct: 1, needsTables: true },
      sources: [{ ref: "domain.md §5.1–5.3、§5.5 Y1；§6 可自动计算的指标：no 勾稽 errors" }],
    },
    {
      id: "narrative",
      name: "正文与表格数字一致",
      max: 2,
      method: {
        kind: "findings",
        rules: ["n.received", "n.handled", "n.carried_forward", "n.review", "n.suits", "n.in_force"],
        deduct: 1,
        needsTables: true,
      },
      sources: [{ ref: "domain.md §5.4 N1–N5；§6 可自动计算的指标：narrative consistent with tables" }],
    },
    {
      id: "format",
      name: "使用规定格式",
      max: 1,
      method: { kind: "findings", rules: ["doc.format_year", "doc.mixed_format"], deduct: 1 },
      sources: [{ ref: "domain.md §5.6 D2、§4；§6 format version correct" }, CASS_2016],
    },
    {
      id: "complete",
      name: "要素齐全",
      max: 2,
      method: { kind: "findings", rules: ["doc.sections", "doc.tables", "doc.accountability"], deduct: 1 },
      sources: [
        { ref: "domain.md §5.6 D3、D5（条例第五十条）" },
        { ref: "domain.md §6 2016 年评估：要素齐全、内容翔实", url: CASS_2016.url },
      ],
    },
    {
      id: "similarity",
      name: "与上年报告重复率不超过 50%",
      max: 1,
      method: { kind: "findings", rules: ["doc.similarity"], deduct: 1, needsPrevious: true },
      sources: [{ ref: "domain.md §5.6 D4" }, { ref: `${SUQIAN.ref}：与上年度重复率大于 50% 的，扣 0.5 分` }],
    },
    {
      id: "corrections",
      name: "行政复议纠错、行政诉讼败诉",
      max: 4,
      method: { kind: "cells", keys: ["t4.review.corrected", "t4.suit_direct.corrected", "t4.suit_after_review.corrected"], deduct: 2 },
      sources: [{ ref: `${SUQIAN.ref}：被行政复议纠错或行政诉讼败诉的，每件扣 2 分` }, { ref: "domain.md §3 表四 结果纠正" }],
    },
    {
      id: "column",
      name: "门户网站设年度报告专栏",
      max: 2,
      method: { kind: "manual", guide: "门户网站是否设年度报告专栏或集中展示平台，历年报告是否集中、排序清楚、便于查询（满分 2 分）" },
      sources: [CASS_2016, JIAMUSI],
    },
    {
      id: "accessible",
      name: "可获取性",
      max: 1,
      method: { kind: "manual", guide: "报告能否直接打开、下载，发布后是否变动，多平台发布是否一致（满分 1 分）" },
      sources: [CASS_2016],
    },
  ],
};

export const DEFAULT_RUBRIC_NAME = "年度报告评估（默认）";
export const DEFAULT_RUBRIC: RubricDefinition = rubricDefinitionSchema.parse(input);
