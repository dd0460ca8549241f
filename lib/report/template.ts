/**
 * The national report template, declared once as data (国办公开办函〔2019〕60号 and 〔2021〕30号).
 * Keys are the data contract of shared/spec/report-cells.md. The parser, the database, the checks,
 * the report page and every export read this module; nothing else spells a label.
 */

export const FORMATS = ["2021", "2019", "pre2019"] as const;
export type ReportFormat = (typeof FORMATS)[number];
export type TableFormat = Exclude<ReportFormat, "pre2019">;

export const FORMAT_LABELS: Record<ReportFormat, string> = {
  "2021": "2021 年版格式",
  "2019": "2019 年版格式（试行）",
  pre2019: "2019 年以前（无统一表格）",
};

export type TableId = "t2" | "t3" | "t4";

export interface LabelDef {
  key: string;
  /** The label as the national template prints it. */
  label: string;
  /** Short form for charts and messages. */
  short?: string;
  /** Other ways real reports print it (typos included); compared after normalization. */
  variants?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// 表二 主动公开政府信息情况

export interface T2Section {
  /** The full-width header row, e.g. 第二十条第（一）项. */
  header: string;
  columns: readonly LabelDef[];
  rows: readonly LabelDef[];
}

const T2_COLUMNS = {
  issued: { key: "issued", label: "本年制发件数" },
  repealed: { key: "repealed", label: "本年废止件数" },
  in_force: { key: "in_force", label: "现行有效件数" },
  decisions2021: { key: "decisions", label: "本年处理决定数量" },
  amount_wan: {
    key: "amount_wan",
    label: "本年收费金额（单位：万元）",
    short: "本年收费金额（万元）",
    variants: ["本年收费金额", "本年收费金额（万元）", "收费金额（单位：万元）"],
  },
  made: { key: "made", label: "本年新制作数量" },
  published: { key: "published", label: "本年新公开数量" },
  total_public: { key: "total_public", label: "对外公开总数量" },
  prev_items: { key: "prev_items", label: "上一年项目数量" },
  change: { key: "change", label: "本年增/减", variants: ["本年增减", "本年增（减）"] },
  decisions2019: { key: "decisions", label: "处理决定数量" },
  items: { key: "items", label: "采购项目数量" },
  amount_yuan: { key: "amount_yuan", label: "采购总金额", variants: ["采购总金额（元）"] },
} as const satisfies Record<string, LabelDef>;

const T2_ROWS = {
  rules: { key: "rules", label: "规章" },
  // 规范性档案: Traditional mirrors swap 文件 for 檔案 as a Taiwan phrase.
  normative_docs2021: { key: "normative_docs", label: "行政规范性文件", short: "规范性文件", variants: ["行政规范性档案"] },
  normative_docs2019: { key: "normative_docs", label: "规范性文件", variants: ["行政规范性文件", "规范性档案"] },
  licensing: { key: "licensing", label: "行政许可" },
  other_services: { key: "other_services", label: "其他对外管理服务事项" },
  penalty: { key: "penalty", label: "行政处罚" },
  coercion: { key: "coercion", label: "行政强制" },
  fees: { key: "fees", label: "行政事业性收费" },
  procurement: { key: "procurement", label: "政府集中采购" },
} as const satisfies Record<string, LabelDef>;

export const T2_SECTIONS: Record<TableFormat, readonly T2Section[]> = {
  "2021": [
    {
      header: "第二十条第（一）项",
      columns: [T2_COLUMNS.issued, T2_COLUMNS.repealed, T2_COLUMNS.in_force],
      rows: [T2_ROWS.rules, T2_ROWS.normative_docs2021],
    },
    { header: "第二十条第（五）项", columns: [T2_COLUMNS.decisions2021], rows: [T2_ROWS.licensing] },
    {
      header: "第二十条第（六）项",
      columns: [T2_COLUMNS.decisions2021],
      rows: [T2_ROWS.penalty, T2_ROWS.coercion],
    },
    { header: "第二十条第（八）项", columns: [T2_COLUMNS.amount_wan], rows: [T2_ROWS.fees] },
  ],
  "2019": [
    {
      header: "第二十条第（一）项",
      columns: [T2_COLUMNS.made, T2_COLUMNS.published, T2_COLUMNS.total_public],
      rows: [T2_ROWS.rules, T2_ROWS.normative_docs2019],
    },
    {
      header: "第二十条第（五）项",
      columns: [T2_COLUMNS.prev_items, T2_COLUMNS.change, T2_COLUMNS.decisions2019],
      rows: [T2_ROWS.licensing, T2_ROWS.other_services],
    },
    {
      header: "第二十条第（六）项",
      columns: [T2_COLUMNS.prev_items, T2_COLUMNS.change, T2_COLUMNS.decisions2019],
      rows: [T2_ROWS.penalty, T2_ROWS.coercion],
    },
    {
      header: "第二十条第（八）项",
      columns: [T2_COLUMNS.prev_items, T2_COLUMNS.change],
      rows: [T2_ROWS.fees],
    },
    {
      header: "第二十条第（九）项",
      columns: [T2_COLUMNS.items, T2_COLUMNS.amount_yuan],
      rows: [T2_ROWS.procurement],
    },
  ],
};

/** The numeral of a 表二 section header (第二十条第（五）项 → 五). */
export const t2SectionNumeral = (s: T2Section) => /第（(.)）项/.exec(s.header)?.[1] ?? "";

/** Every 表二 column definition with the format and the sections (by numeral) that print it. */
export const T2_COLUMN_DEFS: readonly { def: LabelDef; format: TableFormat; sections: string[] }[] = (["2021", "2019"] as const).flatMap(
  (format) => {
    const byDef = new Map<LabelDef, string[]>();
    for (const s of T2_SECTIONS[format]) for (const c of s.columns) byDef.set(c, [...(byDef.get(c) ?? []), t2SectionNumeral(s)]);
    return [...byDef].map(([def, sections]) => ({ def, format, sections }));
  },
);

/** Every 表二 row definition with the formats that print it. */
export const T2_ROW_DEFS: readonly { def: LabelDef; formats: TableFormat[] }[] = (() => {
  const byDef = new Map<LabelDef, TableFormat[]>();
  for (const format of ["2021", "2019"] as const)
    for (const s of T2_SECTIONS[format]) for (const r of s.rows) byDef.set(r, [...(byDef.get(r) ?? []), format]);
  return [...byDef].map(([def, formats]) => ({ def, formats }));
})();

// ---------------------------------------------------------------------------------------------
// 表三 收到和处理政府信息公开申请情况

export const T3_COLUMNS = [
  { key: "natural_person", label: "自然人" },
  { key: "commercial", label: "商业企业", group: "法人或其他组织" },
  { key: "research", label: "科研机构", group: "法人或其他组织" },
  { key: "public_interest", label: "社会公益组织", group: "法人或其他组织" },
  { key: "legal_service", label: "法律服务机构", group: "法人或其他组织" },
  { key: "other_org", label: "其他", group: "法人或其他组织" },
  { key: "total", label: "总计" },
] as const satisfies readonly (LabelDef & { group?: string })[];

export type T3ColumnKey = (typeof T3_COLUMNS)[number]["key"];
export const T3_PART_COLUMNS = T3_COLUMNS.filter((c) => c.key !== "total");

/** Groups of result rows; `label` is how the group cell prints. */
export const T3_GROUPS = {
  results: "三、本年度办理结果",
  withheld: "（三）不予公开",
  unavailable: "（四）无法提供",
  not_processed: "（五）不予处理",
  other: "（六）其他处理",
} as const;
export type T3Group = keyof typeof T3_GROUPS;

export interface T3Row extends LabelDef {
  /** Innermost group the row sits in (for labels such as 3.其他 that only the group makes unique). */
  group?: T3Group;
  /** A result row: part of （七）总计. */
  result?: boolean;
  /** Formats that print this row. */
  formats: readonly TableFormat[];
}

const BOTH = ["2021", "2019"] as const;

/** A result row inside one of the groups （三）–（六）; `more` holds what only some rows have (variants, formats). */
const inGroup = (group: T3Group, key: string, label: string, short: string, more: Partial<T3Row> = {}): T3Row => ({
  key,
  label,
  short,
  group,
  result: true,
  formats: BOTH,
  ...more,
});

export const T3_ROWS: readonly T3Row[] = [
  { key: "received", label: "一、本年新收政府信息公开申请数量", short: "本年新收", formats: BOTH },
  { key: "carried_over", label: "二、上年结转政府信息公开申请数量", short: "上年结转", formats: BOTH },
  inGroup("results", "disclosed", "（一）予以公开", "予以公开"),
  inGroup("results", "partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开", {
    variants: ["部分公开"],
  }),
  inGroup("withheld", "withheld_state_secret", "1.属于国家秘密", "不予公开·国家秘密"),
  inGroup("withheld", "withheld_law_prohibited", "2.其他法律行政法规禁止公开", "不予公开·法律法规禁止", {
    variants: ["其他法律行政止公开", "其他法律法规禁止公开", "法律行政法规禁止公开"],
  }),
  inGroup("withheld", "withheld_security_stability", "3.危及“三安全一稳定”", "不予公开·三安全一稳定", { variants: ["危及三安全一稳定"] }),
  inGroup("withheld", "withheld_third_party", "4.保护第三方合法权益", "不予公开·第三方权益"),
  inGroup("withheld", "withheld_internal_affairs", "5.属于三类内部事务信息", "不予公开·内部事务"),
  inGroup("withheld", "withheld_process_info", "6.属于四类过程性信息", "不予公开·过程性信息"),
  inGroup("withheld", "withheld_enforcement_file", "7.属于行政执法案卷", "不予公开·执法案卷"),
  inGroup("withheld", "withheld_admin_query", "8.属于行政查询事项", "不予公开·行政查询"),
  inGroup("unavailable", "unavailable_not_held", "1.本机关不掌握相关政府信息", "无法提供·不掌握"),
  inGroup("unavailable", "unavailable_needs_creation", "2.没有现成信息需要另行制作", "无法提供·需另行制作"),
  inGroup("unavailable", "unavailable_unclear", "3.补正后申请内容仍不明确", "无法提供·内容不明确"),
  inGroup("not_processed", "not_processed_petition", "1.信访举报投诉类申请", "不予处理·信访举报投诉"),
  inGroup("not_processed", "not_processed_duplicate", "2.重复申请", "不予处理·重复申请"),
  inGroup("not_processed", "not_processed_publication", "3.要求提供公开出版物", "不予处理·公开出版物"),
  inGroup("not_processed", "not_processed_excessive", "4.无正当理由大量反复申请", "不予处理·大量反复申请"),
  inGroup("not_processed", "not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", "不予处理·要求确认或重新出具"),
  inGroup("results", "other", "（六）其他处理", "其他处理", { formats: ["2019"] }),
  inGroup("other", "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "其他处理·逾期不补正", {
    variants: ["申请人无正当理由逾期不补正"],
    formats: ["2021"],
  }),
  inGroup("other", "other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他处理·逾期未缴费", {
    variants: ["申请人逾期未按收费通知要求缴纳费用"],
    formats: ["2021"],
  }),
  inGroup("other", "other_misc", "3.其他", "其他处理·其他", { formats: ["2021"] }),
  { key: "total_handled", label: "（七）总计", short: "办理结果总计", group: "results", formats: BOTH },
  { key: "carried_forward", label: "四、结转下年度继续办理", short: "结转下年度", formats: BOTH },
];

export const T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

// ---------------------------------------------------------------------------------------------
// 表四 政府信息公开行政复议、行政诉讼情况

export const T4_GROUPS = [
  { key: "review", label: "行政复议" },
  { key: "suit_direct", label: "未经复议直接起诉", parent: "行政诉讼" },
  { key: "suit_after_review", label: "复议后起诉", parent: "行政诉讼" },
] as const satisfies readonly (LabelDef & { parent?: string })[];

export const T4_RESULTS = [
  { key: "upheld", label: "结果维持" },
  { key: "corrected", label: "结果纠正" },
  { key: "other", label: "其他结果" },
  { key: "pending", label: "尚未审结" },
  { key: "total", label: "总计" },
] as const satisfies readonly LabelDef[];

export const TABLE_NAMES: Record<TableId, string> = { t2: "表二", t3: "表三", t4: "表四" };

export const TABLE_TITLES: Record<TableId, string> = {
  t2: "二、主动公开政府信息情况",
  t3: "三、收到和处理政府信息公开申请情况",
  t4: "四、政府信息公开行政复议、行政诉讼情况",
};

/** A table's name and title without its section numeral: 表二 主动公开政府信息情况. */
export const tableCaption = (t: TableId) => `${TABLE_NAMES[t]} ${TABLE_TITLES[t].slice(TABLE_TITLES[t].indexOf("、") + 1)}`;

const t2RowDef = (format: TableFormat, row: string) => T2_ROW_DEFS.find((d) => d.def.key === row && d.formats.includes(format))?.def;

/** A 表二 row's label as a format prints it (规范性文件 in 2019, 行政规范性文件 from 2021). */
export const t2RowLabel = (format: TableFormat, row: string) => t2RowDef(format, row)?.label ?? row;

/** A 表二 row's short name for charts (规范性文件 for 2021's 行政规范性文件). */
export const t2RowShort = (format: TableFormat, row: string) => {
  const def = t2RowDef(format, row);
  return def?.short ?? def?.label ?? row;
};

/** A 表三 group's name without its numeral: （三）不予公开 → 不予公开. */
export const t3GroupName = (group: T3Group) => T3_GROUPS[group].replace(/^（[一二三四五六七]）/, "");

/** A 表四 group's name as a chart says it: 行政复议, and 行政诉讼 for both kinds of suit. */
export const t4GroupName = (group: string) => {
  const g = T4_GROUPS.find((x) => x.key === group);
  return g && "parent" in g ? g.parent : (g?.label ?? group);
};

// ---------------------------------------------------------------------------------------------
// Keys (the sets of keys a format prints and their labels are derived in cell-keys.ts)

export const t2Key = (row: string, column: string) => `t2.${row}.${column}`;
export const t3Key = (row: string, column: string) => `t3.${row}.${column}`;
export const t4Key = (group: string, result: string) => `t4.${group}.${result}`;

/** The 表三 rows a format prints; a 2021 report with 2019's single （六）其他处理 row is `mixedOther`. */
export function t3RowsFor(format: TableFormat, mixedOther = false): T3Row[] {
  return T3_ROWS.filter((r) =>
    mixedOther && format === "2021" ? r.key === "other" || (r.formats.includes("2021") && r.group !== "other") : r.formats.includes(format),
  );
}
