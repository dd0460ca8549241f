/** Agency, year and publication date, read from the title, the page's own fields and the signature. */
import type { SourceDocument } from "./document";

export interface ReportMeta {
  agency: string | null;
  year: number | null;
  publishedOn: string | null;
  title: string | null;
}

const TITLE = /(?:政府信息公开|政务公开).*(?:年度报告|年报)/;
const ORGAN = /(?:人民政府|政府|委员会|管委会|管理委员会|办公室|办公厅|局|委|办|厅|署|院|中心|街道办事处|街道|镇|乡|所|站|队|部)$/;
const CN_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

const iso = (y: string | number, m: string | number, d: string | number) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function validDate(s: string): string | null {
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : s;
}

export function readMeta(doc: SourceDocument): ReportMeta {
  const texts = doc.lines.filter((l) => l.kind === "text").map((l) => l.text.replace(/\s+/g, ""));
  let title =
    (doc.title && TITLE.test(doc.title) ? doc.title.replace(/\s+/g, "") : undefined) ??
    texts.slice(0, 40).find((t) => TITLE.test(t) && t.length <= 80) ??
    null;
  // A title printed on two lines (PDF, Word): the organ's name alone above `2024年政府信息公开…`.
  if (title && /^\d{4}\s*年/.test(title)) {
    const above = texts[texts.indexOf(title) - 1];
    if (above && above.length <= 30 && ORGAN.test(above) && !/[，。；：,.;:]/.test(above)) title = above + title;
  }

  let year: number | null = null;
  let agency: string | null = null;
  if (title) {
    const m = /^(.*?)(?:关于)?(\d{4})\s*年(?:度)?/.exec(title);
    if (m) {
      year = Number(m[2]);
      agency = m[1].replace(/^(关于|《)/, "").replace(/[（(].*$/, "").trim() || null;
    }
  }
  if (year === null) {
    const m = texts.slice(0, 40).map((t) => /(\d{4})年(?:度)?政府信息公开/.exec(t)).find(Boolean);
    if (m) year = Number(m[1]);
  }

  // The signature: an organ's name on the line above the closing date.
  let signatureDate: string | null = null;
  for (let i = texts.length - 1; i >= Math.max(0, texts.length - 8); i--) {
    const d = CN_DATE.exec(texts[i]);
    if (!d) continue;
    signatureDate = validDate(iso(d[1], d[2], d[3]));
    const above = texts[i - 1];
    if (above && above.length <= 30 && ORGAN.test(above) && !/[，。；：,.;:]/.test(above)) agency = above;
    break;
  }

  let publishedOn: string | null = null;
  const stated = [doc.publishedHint ?? "", ...texts.slice(0, 60)]
    .map((t) => /(?:发布日期|发布时间|发文日期|成文日期|时间|日期)?[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(t))
    .find((m, i) => m && (i === 0 || /发布|时间|日期/.test(m[0])));
  if (stated) publishedOn = validDate(iso(stated[1], stated[2], stated[3]));
  publishedOn ??= signatureDate;

  return { agency, year, publishedOn, title };
}
