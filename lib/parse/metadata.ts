/**
 * Agency, year and publication date. Read, in order of trust, from the title (a line naming a
 * 信息公开…年度报告, possibly broken over two lines, the organ above it), the signature (an organ's
 * name above the closing date), then the sentences every report writes about itself
 * (`现将XX局2021年度政府信息公开…`, `由XX局编制`, `请与XX局办公室联系`, `2020年，XX街道办事处…`)
 * and the 统计期限 sentence for the year. A report with none of these has no agency: the import
 * preview asks for it; nothing is guessed from the file name.
 */
import type { SourceDocument } from "./document";
import { toSimplified } from "./simplified";
import { looksTraditional } from "./fuzzy-labels";

export interface ReportMeta {
  agency: string | null;
  year: number | null;
  publishedOn: string | null;
  title: string | null;
}

const TITLE = /信息公开.{0,12}(?:年度报告|年报|工作报告|年度报|告年度)/;
const PROSE_START = /^(?:根据|按照|依据|本报告|本年度|为|现将|现|今年|全年|我)/;
const ORGAN_SUFFIX =
  "(?:人民政府|实验区|新区|开发区|政府|委员会|管委会|管理委员会|办公室|办公厅|街道办事处|办事处|局|委|办|厅|署|院|中心|街道|街|镇|乡|所|站|队|部|会|处|室)";
const ORGAN = new RegExp(`${ORGAN_SUFFIX}$`);
const CN_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
/** An organ's name inside a sentence: Chinese characters only, ending in an organ word. */
// In a sentence, a bare 政府/会/处 ends too many phrases (`共收到政府信息…`): names end in these.
const NAME_SUFFIX = "(?:人民政府|委员会|管委会|管理委员会|办公室|办公厅|街道办事处|办事处|局|委|厅|署|院|中心|街道|街|镇|乡)";
const NAME = `([\\u4e00-\\u9fff]{1,24}?${NAME_SUFFIX}(?:党政办公室|综合办公室|办公室)?)`;
const BODY_AGENCY = [
  new RegExp(`(?:现将|现予|现公布|现公开|现发布|特向社会公布|向社会公布|现就)${NAME}(?:\\d{4}\\s*年度?)?(?:政府)?信息公开`),
  new RegExp(`由${NAME}(?:结合|编制|负责|根据|汇总|牵头)`),
  new RegExp(`请(?:与|联系|致电)${NAME}联系`),
  new RegExp(
    `^\\d{4}\\s*年(?:度)?(?:以来)?[,，]\\s*(?:我(?:局|镇|乡|街道|委|办)[,，]?)?${NAME}(?:[^\\u4e00-\\u9fff]|[\\u4e00-\\u9fff]{2})`,
  ),
];
/** Sentence openings a name pattern can catch that are not names (`通过政府网站…`, `度政府信息…`). */
const NOT_A_NAME =
  /^(?:我|本|该|各|全|上级|市级|县级|度|年|通过|按照|根据|坚持|认真|全面|进一步|不断|持续|做好|推进|加强|依托|围绕|结合|利用|在|对|由|向|经)|^.?政府$/;
const STATED_YEAR = [
  /统计[\u4e00-\u9fff]{0,6}[^\d]{0,6}(\d{4})\s*年\s*1\s*月\s*1\s*日/,
  /(\d{4})\s*年度?(?:政府)?信息公开(?:工作)?的?年度?报告/,
  /^(\d{4})\s*年(?:度|以来)?[,，]/,
];
/** Pinyin glosses some mirrors put after characters: `规(guī)章`. */
const GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,8}\)/g;
const LEADING_TITLE = /^([\u4e00-\u9fff（）()]{2,40}?\d{4}\s*年度?(?:政府)?信息公开(?:工作)?年度报告)/;
/** Site navigation, not the report's title. */
const NAVIGATION = /[>＞»]|位置|首页/;

const iso = (y: string | number, m: string | number, d: string | number) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function validDate(s: string): string | null {
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : s;
}

const plausibleYear = (y: number) => y >= 2000 && y <= 2100;

export function readMeta(doc: SourceDocument): ReportMeta {
  const printed = doc.lines.map((l) =>
    (l.kind === "text" ? l.text : l.cells.map((c) => c.text).join(" | ")).replace(/\s+/g, "").replace(GLOSS, ""),
  );
  // Traditional mirrors: read the Simplified form, keep the name as printed (the conversion is one
  // character for one).
  const traditional = looksTraditional(doc.lines);
  const texts = traditional ? printed.map(toSimplified) : printed;
  const asPrinted = (line: number, s: string) => {
    if (!traditional || texts[line].length !== printed[line].length) return s;
    const at = texts[line].indexOf(s);
    return at < 0 ? s : printed[line].slice(at, at + s.length);
  };
  const docTitle = doc.title && TITLE.test(toSimplifiedIf(doc.title, traditional)) ? doc.title.replace(/\s+/g, "") : undefined;

  let titleLine = -1;
  let title: string | null = docTitle ?? null;
  if (!title) {
    const isTitle = (t: string) => TITLE.test(t) && t.length <= 80 && !PROSE_START.test(t) && !/[，。；]/.test(t) && !NAVIGATION.test(t);
    const candidates = texts.slice(0, 40).flatMap((t, i) => (isTitle(t) ? [i] : []));
    // Prefer a title with its organ on the line above (a title printed on two lines).
    titleLine =
      candidates.find((i) => i > 0 && organLine(texts[i - 1]) && /^(?:关于)?(?:\d{4}\s*年|(?:政府)?信息公开)/.test(texts[i])) ??
      candidates[0] ??
      -1;
    if (titleLine >= 0) title = printed[titleLine];
    else {
      // A page flattened onto one line: the title is where the line begins.
      const i = texts.slice(0, 5).findIndex((t) => LEADING_TITLE.test(t));
      if (i >= 0) {
        titleLine = i;
        title = LEADING_TITLE.exec(printed[i])?.[1] ?? null;
      }
    }
  }
  let titleS = title ? toSimplifiedIf(title, traditional) : null;
  // A title printed on two lines: the organ's name alone above `2024年政府信息公开…` or `政府信息公开…`.
  if (titleS && titleLine > 0 && /^(?:关于)?(?:\d{4}\s*年|(?:政府)?信息公开)/.test(titleS)) {
    const above = texts[titleLine - 1];
    if (organLine(above)) {
      title = printed[titleLine - 1] + title;
      titleS = above + titleS;
    }
  }

  let year: number | null = null;
  let agency: string | null = null;
  if (titleS && title) {
    const y = /(\d{4})\s*年/.exec(titleS);
    if (y && plausibleYear(Number(y[1]))) year = Number(y[1]);
    // The organ: before the year, or — `2022年度XX镇政府信息公开…` — between the year and 信息公开.
    const head = /^(.*?)(?:关于)?\d{4}\s*年(?:度)?/.exec(titleS)?.[1] ?? /^(.*?)(?:政府)?信息公开/.exec(titleS)?.[1] ?? "";
    let name = head.replace(/^(关于|《)/, "").replace(/[（(].*$/, "");
    if (!name) name = /^\d{4}\s*年(?:度)?(.*?)(?:政府)?信息公开/.exec(titleS)?.[1] ?? "";
    name = name.replace(/[（(].*$/, "").trim();
    if (name && name.length <= 40) agency = titleLine >= 0 ? sliceAsPrinted(title, titleS, name) : name;
  }

  // The signature: an organ's name on the line above the closing date.
  let signatureDate: string | null = null;
  for (let i = texts.length - 1; i >= Math.max(0, texts.length - 8); i--) {
    const d = CN_DATE.exec(texts[i]);
    if (!d) continue;
    signatureDate = validDate(iso(d[1], d[2], d[3]));
    const above = texts[i - 1];
    if (above && above.length <= 30 && ORGAN.test(above) && !/[，。；：,.;:]/.test(above)) agency = printed[i - 1];
    break;
  }

  // A signature with no date under it: the organ's name as the last line.
  if (signatureDate === null && texts.length && organLine(texts[texts.length - 1]) && agency === null) agency = printed[texts.length - 1];

  // The sentences a report writes about itself.
  const body = texts.slice(0, 80);
  if (agency === null) {
    outer: for (const re of BODY_AGENCY) {
      for (let i = 0; i < body.length; i++) {
        const m = re.exec(body[i]);
        if (m && !NOT_A_NAME.test(m[1])) {
          agency = asPrinted(i, m[1]);
          break outer;
        }
      }
    }
  }
  if (year === null) {
    for (const re of STATED_YEAR) {
      const m = body.map((t) => re.exec(t)).find((x) => x && plausibleYear(Number(x[1])));
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }

  let publishedOn: string | null = null;
  const stated = [doc.publishedHint ?? "", ...texts.slice(0, 60)]
    .map((t) => /(?:发布日期|发布时间|发文日期|成文日期|时间|日期)?[:：|]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(t))
    .find((m, i) => m && (i === 0 || /发布|时间|日期/.test(m[0])));
  if (stated) publishedOn = validDate(iso(stated[1], stated[2], stated[3]));
  publishedOn ??= signatureDate;

  return { agency, year, publishedOn, title };
}

function organLine(t: string | undefined): boolean {
  return Boolean(t && t.length <= 30 && ORGAN.test(t) && !/[，。；：,.;:]/.test(t));
}

function toSimplifiedIf(s: string, traditional: boolean) {
  return traditional ? toSimplified(s) : s;
}

/** `name` found in the simplified form of a printed text, as printed. */
function sliceAsPrinted(printed: string, simplified: string, name: string): string {
  const at = simplified.indexOf(name);
  return at >= 0 && printed.length === simplified.length ? printed.slice(at, at + name.length) : name;
}
