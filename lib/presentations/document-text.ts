/**
 * The document around the tables: title, narrative, publication line and signature, in several styles.
 */
import { chance, pick, type Rng } from "../random";
import { TABLE_TITLES } from "../report/template";
import { int, type KnownReport } from "./known";
import { buildTables, type MTable } from "./tables";

// ---------------------------------------------------------------------------------------------
// The document around the tables

export type MetaStyle = "standard" | "signature" | "title-broken" | "period-year";

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

function signatureDate(publishedOn: string, rng: Rng): string {
  // the date under the signature: a few days before the page's 发布日期
  const d = new Date(`${publishedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - int(rng, 0, 6));
  return d.toISOString().slice(0, 10);
}

function publishedLine(iso: string, rng: Rng, agency: string): string {
  const [y, m, d] = iso.split("-");
  const hh = String(int(rng, 8, 17)).padStart(2, "0");
  const mm = String(int(rng, 0, 59)).padStart(2, "0");
  return pick(rng, [
    `发布日期：${iso}`,
    `发布日期：${iso} ${hh}:${mm}`,
    `- 发布日期:${iso} ${hh}:${mm}`,
    `发布时间：${y}年${m}月${d}日 ${hh}:${mm}`,
    `来源：${agency}  发布时间：${iso}`,
    `时间：${iso} ${hh}:${mm}  来源：${agency}  点击：`,
  ]);
}

interface Narrative {
  head: string[];
  sections: string[][];
  tail: string[];
}

/**
 * Title, date line, the six sections' prose and the signature. `tables` are inserted after the
 * headings 二、三、四.
 */
export function narrative(r: KnownReport, rng: Rng, meta: MetaStyle): Narrative {
  const y = meta === "period-year" ? "本年度" : `${r.year}年`;
  const title = `${r.agency}${r.year}${chance(rng, 0.3) ? "年度" : "年"}政府信息公开工作年度报告`;
  const head: string[] = [];
  if (meta === "standard") head.push(title);
  else if (meta === "title-broken") head.push(r.agency, `${r.year}年政府信息公开工作年度报告`);
  else if (meta === "period-year") head.push(`${r.agency}政府信息公开工作年度报告`);
  else head.push(pick(rng, [`${r.year}年政府信息公开工作年度报告`, `${r.year}年度政府信息公开工作年度报告`]));
  if (r.publishedOn && meta !== "signature") head.push(publishedLine(r.publishedOn, rng, r.agency));
  const period = `本报告所列数据的统计期限自${r.year}年1月1日起至${r.year}年12月31日止。`;
  head.push(
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求编制，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。${period}如对本报告有疑问，请与本机关办公室联系。`,
  );
  const received = r.cells["t3.received.total"];
  const handled = r.cells["t3.total_handled.total"];
  const apply =
    typeof received === "number" && received > 0
      ? `${y}，共收到政府信息公开申请${received}件${typeof handled === "number" ? `，办结${handled}件` : ""}，均在法定期限内答复。`
      : `${y}，依申请公开工作平稳有序，严格按照法定程序和时限办理。`;
  const sections: string[][] = [
    [
      "一、总体情况",
      `${y}，本机关坚持以公开为常态、不公开为例外，认真贯彻落实《条例》，持续推进政务公开标准化规范化建设。`,
      "（一）主动公开",
      `${y}，通过政府网站、政务新媒体、公告栏等渠道主动公开政府信息${int(rng, 20, 900)}条。`,
      "（二）依申请公开",
      apply,
      "（三）政府信息管理",
      "严格落实信息发布审查制度，做到先审查后公开。",
      "（四）政府信息公开平台建设",
      "持续优化政府信息公开专栏，及时更新栏目内容。",
      "（五）监督保障",
      "将政务公开工作纳入年度考核，开展业务培训，加强日常监督检查。",
    ],
    [TABLE_TITLES.t2],
    [TABLE_TITLES.t3],
    [TABLE_TITLES.t4],
    [
      "五、存在的主要问题及改进情况",
      "主要问题：公开内容的深度和广度仍需拓展，政策解读形式较为单一。改进措施：加强业务学习，丰富解读形式，提升公开质量。",
    ],
    ["六、其他需要报告的事项", "本机关未收取信息处理费，无其他需要报告的事项。"],
  ];
  const tail: string[] = [];
  if (meta === "signature") {
    tail.push(r.agency);
    if (r.publishedOn) tail.push(cnDate(r.publishedOn));
  } else if (meta !== "period-year" && chance(rng, 0.5)) {
    tail.push(r.agency);
    if (r.publishedOn) tail.push(cnDate(signatureDate(r.publishedOn, rng)));
  }
  return { head, sections, tail };
}

/** The whole document: narrative lines with the rendered tables after headings 二/三/四. */
export function documentText(
  r: KnownReport,
  rng: Rng,
  renderTable: (t: MTable) => string,
  opts: { meta?: MetaStyle; blankLines?: boolean; indent?: string } = {},
): string {
  const n = narrative(r, rng, opts.meta ?? "standard");
  const tables = buildTables(r);
  const ind = opts.indent ?? "";
  const out: string[] = n.head.map((l) => ind + l);
  n.sections.forEach((lines, i) => {
    out.push(...lines.map((l) => ind + l));
    if (i >= 1 && i <= 3) out.push(renderTable(tables[i - 1]));
  });
  out.push(...n.tail.map((l) => ind + l));
  return out.join(opts.blankLines ? "\n\n" : "\n");
}
