/**
 * The fake province of the scale demo (scripts/generate-demo.ts): the names its agencies are made
 * from, and where each printed cell sits in a generated document.
 */
import { T2_SECTIONS, T3_COLUMNS, T4_GROUPS, T4_RESULTS, t2Key, t3Key, t3RowsFor, t4Key, type TableFormat } from "../report/template";

export const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
export const DEPARTMENTS = [
  "发展和改革委员会",
  "教育局",
  "科学技术局",
  "工业和信息化局",
  "公安局",
  "民政局",
  "司法局",
  "财政局",
  "人力资源和社会保障局",
  "自然资源局",
  "生态环境局",
  "住房和城乡建设局",
  "交通运输局",
  "水利局",
  "农业农村局",
  "商务局",
  "文化和旅游局",
  "卫生健康委员会",
  "退役军人事务局",
  "应急管理局",
  "审计局",
  "市场监督管理局",
  "统计局",
  "医疗保障局",
  "林业局",
  "体育局",
  "信访局",
  "城市管理局",
  "行政审批局",
  "国有资产监督管理委员会",
  "地方金融管理局",
  "机关事务管理局",
  "档案局",
  "民族宗教事务局",
  "粮食和物资储备局",
  "人民防空办公室",
  "乡村振兴局",
  "数据管理局",
  "外事办公室",
  "供销合作社联合社",
];
export const TOWN_NAMES = [
  "东湖",
  "西山",
  "南岭",
  "北川",
  "青石",
  "白沙",
  "红岩",
  "金桥",
  "银河",
  "长乐",
  "永安",
  "太平",
  "新华",
  "和平",
  "富民",
  "兴隆",
  "桃源",
  "柳林",
  "松岗",
  "梅溪",
  "竹园",
  "兰亭",
  "枫桥",
  "杏坛",
  "荷塘",
  "石门",
  "龙泉",
  "凤凰",
  "云台",
  "海晏",
  "清河",
  "平湖",
  "安澜",
  "广福",
  "同心",
];

/** Where each printed cell sits in the (fake) document: table 1–3 = 表二/三/四, row and column. */
export function sourceMaps(): Record<TableFormat, Record<string, { table: number; row: number; col: number }>> {
  const out = {} as Record<TableFormat, Record<string, { table: number; row: number; col: number }>>;
  for (const format of ["2021", "2019"] as const) {
    const m: Record<string, { table: number; row: number; col: number }> = {};
    let row = 0;
    for (const s of T2_SECTIONS[format]) {
      row++;
      for (const r of s.rows) {
        row++;
        s.columns.forEach((c, i) => (m[t2Key(r.key, c.key)] = { table: 1, row, col: i + 2 }));
      }
    }
    t3RowsFor(format).forEach((r, ri) => T3_COLUMNS.forEach((c, ci) => (m[t3Key(r.key, c.key)] = { table: 2, row: ri + 4, col: ci + 2 })));
    T4_GROUPS.forEach((g, gi) => T4_RESULTS.forEach((r, ri) => (m[t4Key(g.key, r.key)] = { table: 3, row: 4, col: gi * 5 + ri + 1 })));
    out[format] = m;
  }
  return out;
}
